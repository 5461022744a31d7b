package io.redpair.pair;

/**
 * What RedPair currently believes about one box, derived from its admin API and canary by the health
 * model. Lives in the domain so the decision core can use it without depending on the health package.
 *
 * <p>Safety reading: {@link #RUNNING_FLOWS} and {@link #STUCK} mean "flows are or may be running" and
 * block starting the other box; only {@link #STANDBY_READY} (flows confirmed stopped) and {@link #DOWN}
 * (connection refused) count as "confirmed not running". {@link #UNKNOWN} is never acted upon.
 */
public enum BoxCondition {
    /** Never heard from yet. Never triggers an action. */
    UNKNOWN,
    /** Flows run and the canary's inject tick is fresh (or, without a canary, the API says start). */
    RUNNING_FLOWS,
    /** Runtime answers, flows stopped (API says stop and the canary is gone): ready to take over. */
    STANDBY_READY,
    /** Flows may be running but do not serve: stale canary tick, or API "start" with no canary answer. */
    STUCK,
    /** TCP accepted but no HTTP answer within the timeout for the whole deadline (frozen or blocked). */
    HUNG,
    /** Connection refused for the whole deadline: the process is gone, the host is alive. */
    DOWN,
    /** No connection at all for the whole deadline; cause unknown (box off, cable, our own network). */
    UNREACHABLE,
    /** Answers, but RedPair cannot manage it: 401/403, runtimeState disabled, not Node-RED. */
    MISCONFIGURED;

    /** Flows are or may be running on the box; starting the other box now could make two active. */
    public boolean mayRunFlows() {
        return this == RUNNING_FLOWS || this == STUCK;
    }

    /** The box is confirmed not running flows (stopped, or its process is gone). */
    public boolean confirmedNotRunning() {
        return this == STANDBY_READY || this == DOWN;
    }

    /** RedPair cannot see the box at all: a reason to suspect its own network first. */
    public boolean vanished() {
        return this == HUNG || this == UNREACHABLE;
    }
}
