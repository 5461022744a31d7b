package io.redpair.supervisor;

import io.redpair.failover.PairState;

/** Read access to one pair's runtime for code that runs on the supervisor thread via {@link Supervisor#inspect}. */
public final class PairRuntimeView {

    private final PairRuntime runtime;

    PairRuntimeView(PairRuntime runtime) {
        this.runtime = runtime;
    }

    public PairState state() {
        return runtime.state();
    }

    public boolean bothBoxesHeard() {
        return runtime.bothHeard();
    }

    /** Each box's Node-RED version and flows revision reading finished once (read, or failed and said why). */
    public boolean factsSettled() {
        return runtime.factsSettled();
    }

    public PairSnapshot snapshot() {
        return runtime.snapshot();
    }
}
