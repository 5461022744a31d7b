/** WDA/1 serial arbiter: codec, host link, transports, device simulator. */
package io.redpair.arbiter;
