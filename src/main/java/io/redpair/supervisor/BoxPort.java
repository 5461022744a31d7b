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

    /**
     * What the box runs: Node-RED version ({@code GET /settings}) and flows revision ({@code GET /flows}). Read
     * at a low rate, never at the probe rate (the flows can be megabytes). Never throws, never blocks the caller.
     * Ports that cannot tell answer with both parts null and say so.
     */
    default CompletableFuture<Facts> readFacts() {
        return CompletableFuture.completedFuture(new Facts(null, null, "this port cannot read version or revision"));
    }

    /** POST stop, then re-read the state and check the canary is gone. ok only when both confirm. */
    Verified stopFlows();

    /** POST start, then wait for the canary's first answer (without a canary: state reads start). */
    Verified startFlows();

    @Override
    void close();

    /** One probe's observation and how long the call took. */
    record Probed<T>(T observation, long latencyNanos) {
    }

    /**
     * A reading of {@link #readFacts()}: a part is null when its call failed; {@code problem} then says why (else
     * null).
     */
    record Facts(String nodeRedVersion, String flowsRev, String problem) {
    }

    /** A verified command result; {@code detail} is plain language for the timeline. */
    record Verified(boolean ok, String detail) {
    }
}
