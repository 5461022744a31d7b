package io.redpair.failover;

/**
 * Where a takeover stands. Kept separate from {@link Mode} so failover, switchover, the operator
 * override and the start-up start share one sequence. Issue 5 adds arbiter steps (fence, select).
 */
public enum FailoverStep {
    /** No takeover in progress. */
    NONE,
    /** Waiting for the old active's flows to be confirmed stopped. */
    STOP_OLD,
    /** Old active confirmed not running; waiting for the target's flows to be confirmed started. */
    START_NEW
}
