package io.redpair.ui.push;

import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.supervisor.PairSnapshot;

/**
 * Whether the console offers a push (or rollback) for a pair now, and why not. A push deploys to both boxes,
 * spare first; it must not race a takeover (the roles it planned with would be wrong), must not start while an
 * operator is needed (the pair's state is not known), and needs a supervisor that decides for the pair (a
 * read-only view cannot tell a takeover is coming). The push itself re-checks the boxes' flow states, so this
 * is the first gate, not the only one. Pure.
 */
public record PushAvailability(boolean allowed, String whyNot) {

    public static PushAvailability of(PairSnapshot p) {
        Mode mode = p == null ? null : p.mode();
        if (mode == null) {
            return no("no supervisor decides for this pair (read-only view)");
        }
        if (mode == Mode.FAILING_OVER || mode == Mode.SWITCHING_OVER || p.step() != FailoverStep.NONE) {
            return no("not during a takeover: wait until it has finished");
        }
        if (mode == Mode.OPERATOR_NEEDED) {
            return no("an operator is needed first: resolve the pair's state, then push");
        }
        if (mode == Mode.STARTING) {
            return no("the supervisor is still finding out which box is active");
        }
        if (mode == Mode.SUSPECT) {
            return no("the active box is suspected down: wait until it is healthy again or has been replaced");
        }
        return new PushAvailability(true, "");
    }

    private static PushAvailability no(String why) {
        return new PushAvailability(false, why);
    }
}
