/** The pure decision core: (state, event, now) to (state, commands). No threads, no I/O, no clock. */
package io.redpair.failover;
