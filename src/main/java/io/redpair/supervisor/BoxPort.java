package io.redpair.supervisor;

import io.redpair.health.ApiObservation;
import io.redpair.health.CanaryObservation;
import java.util.concurrent.CompletableFuture;

/**
 * What the supervisor needs from one box, already mapped to the health model's words. The Node-RED admin API
 * implementation is {@link NodeRedBoxPort}; keeping this port small lets the runtime be exercised without HTTP
 * and keeps HTTP types out of the state-owning code.
 *
 * <p>Contract: probes never throw and never block the caller (the future completes on an I/O thread, bounded
 * by the probe timeout). {@link #stopFlows()} and {@link #startFlows()} block, are called on the command
 * executor only, and return only a VERIFIED result.
 */
public interface BoxPort extends AutoCloseable {

    /** {@code GET /flows/state}. */
    CompletableFuture<Probed<ApiObservation>> probeApi();

    /** {@code GET <heartbeatPath>}; only called when the pair has a canary. */
    CompletableFuture<Probed<CanaryObservation>> probeCanary();

    /** POST stop, then re-read the state and check the canary is gone. ok only when both confirm. */
    Verified stopFlows();

    /** POST start, then wait for the canary's first answer (without a canary: state reads start). */
    Verified startFlows();

    @Override
    void close();

    /** One probe's observation and how long the call took. */
    record Probed<T>(T observation, long latencyNanos) {
    }

    /** A verified command result; {@code detail} is plain language for the timeline. */
    record Verified(boolean ok, String detail) {
    }
}
