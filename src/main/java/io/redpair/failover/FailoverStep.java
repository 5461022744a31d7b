package io.redpair.failover;

/**
 * Where a takeover stands. Kept separate from {@link Mode} so failover, switchover, the operator
 * override and the start-up start share one sequence.
 */
public enum FailoverStep {
    /** No takeover in progress. */
    NONE,
    /** Waiting for the old active's flows to be confirmed stopped. */
    STOP_OLD,
    /** fencing=ARBITER: waiting for the arbiter to confirm the old active's power is off. */
    FENCE_OLD,
    /** fencing=ARBITER: old active confirmed not running; waiting for the relay feedback of the new selection. */
    SELECT_NEW,
    /** Old active confirmed not running; waiting for the target's flows to be confirmed started. */
    START_NEW
}
