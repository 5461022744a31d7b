/** The runtime: one thread per site owns pair state, runs probes, executes commands, publishes snapshots. */
package io.redpair.supervisor;
