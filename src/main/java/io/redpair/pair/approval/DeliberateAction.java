package io.redpair.pair.approval;

/** The discretionary dangerous actions of issue 8: each needs a confirmation naming its target. */
public enum DeliberateAction {
    PLANNED_SWITCHOVER,
    OPERATOR_OVERRIDE,
    FENCE,
    UNFENCE,
    DISARM,
    POLICY_CHANGE,
    FAILBACK,
    MAINTENANCE,
    /** Deploying flows to a box (the push wizard, `redpair push`). */
    PUSH_FLOWS
}
