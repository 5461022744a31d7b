package io.redpair.supervisor;

import io.redpair.health.ApiObservation;
import io.redpair.health.CanaryObservation;
import java.util.concurrent.CompletableFuture;

/**
 * A box that never answers (tests of what is not about the boxes): its probes stay in flight, so it stays
 * UNKNOWN and the decider never acts on it; a command would fail the test.
 */
public final class SilentBoxPort implements BoxPort {

    @Override
    public CompletableFuture<Probed<ApiObservation>> probeApi() {
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<Probed<CanaryObservation>> probeCanary() {
        return new CompletableFuture<>();
    }

    @Override
    public Verified stopFlows() {
        throw new AssertionError("no box command expected");
    }

    @Override
    public Verified startFlows() {
        throw new AssertionError("no box command expected");
    }

    @Override
    public void close() {
    }
}
