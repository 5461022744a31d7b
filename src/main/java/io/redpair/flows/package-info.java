/** Flow sets, diff, push plans and the HA-readiness lint. */
package io.redpair.flows;
