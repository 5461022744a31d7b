package io.redpair.failover;

/** The pair's state as the engineer sees it on the dashboard (ARCHITECTURE §5). */
public enum Mode {
    /** Reconciling after RedPair started: nothing is started until both boxes answered or the grace passed. */
    STARTING,
    /** Active runs flows, spare is STANDBY_READY. */
    PROTECTED,
    /** Active runs flows, spare is not ready (or a split brain is being resolved). */
    UNPROTECTED,
    /** The active (or both boxes) cannot be seen; RedPair waits before concluding anything. */
    SUSPECT,
    /** Automatic (or operator-confirmed) takeover in progress; see {@link FailoverStep}. */
    FAILING_OVER,
    /** Planned switchover in progress. */
    SWITCHING_OVER,
    /** RedPair will not act on its own: fence not confirmed, no healthy spare, hold-down, policy. */
    OPERATOR_NEEDED,
    /** Automatic actions off until an expiry time. */
    MAINTENANCE
}
