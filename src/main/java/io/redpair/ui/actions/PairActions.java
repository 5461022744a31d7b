package io.redpair.ui.actions;

import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.supervisor.BoxSnapshot;
import io.redpair.supervisor.PairSnapshot;

/**
 * Which operator actions are legal for a pair right now, and why not when they are not. Mirrors the
 * decider's own rules (which stay the authority: a request it refuses is shown as refused), so buttons are
 * only enabled when the request can succeed. Pure, tested without the toolkit.
 *
 * @param switchoverTarget the box a planned switchover would make active, null when none is legal
 * @param overrideTarget   the box the operator override would start, null when the override is not legal
 */
public record PairActions(boolean switchover, BoxId switchoverTarget, String switchoverWhyNot,
                          boolean maintenanceOn, boolean maintenanceOff, String maintenanceWhyNot,
                          boolean override, BoxId overrideTarget, String overrideWhyNot) {

    /** Nothing is offered, whatever the pair's state (a read-only console; no gate); {@code why} is the tooltip. */
    public static PairActions unavailable(String why) {
        return new PairActions(false, null, why, false, false, why, false, null, why);
    }

    public static PairActions of(PairSnapshot p) {
        Mode mode = p == null ? null : p.mode();
        if (mode == null) {
            String why = "no supervisor decides for this pair";
            return new PairActions(false, null, why, false, false, why, false, null, why);
        }
        boolean sw = mode == Mode.PROTECTED && p.active() != null;
        String swWhy = sw ? "" : "a planned switchover needs a protected pair (now " + words(mode) + ")";
        boolean busy = mode == Mode.FAILING_OVER || mode == Mode.SWITCHING_OVER || p.step() != FailoverStep.NONE;
        boolean mOn = !busy && mode != Mode.MAINTENANCE;
        String mWhy = busy ? "not during a takeover" : "";
        BoxId overrideTarget = overrideTarget(p);
        boolean ov = mode == Mode.OPERATOR_NEEDED && overrideTarget != null;
        String ovWhy = ov ? "" : mode != Mode.OPERATOR_NEEDED ? "only when an operator is needed"
                : "no box can take over: the spare is neither standing by nor running flows";
        return new PairActions(sw, sw ? p.active().other() : null, swWhy, mOn, mode == Mode.MAINTENANCE, mWhy,
                ov, ov ? overrideTarget : null, ovWhy);
    }

    /** The override confirms the active is off and starts the other box; the other must be able to run. */
    private static BoxId overrideTarget(PairSnapshot p) {
        if (p.active() == null || p.step() != FailoverStep.NONE) {
            return null;
        }
        BoxSnapshot old = p.boxes().get(p.active());
        BoxSnapshot target = p.boxes().get(p.active().other());
        if (old != null && old.condition() == BoxCondition.RUNNING_FLOWS) {
            return null;
        }
        boolean able = target != null && (target.condition() == BoxCondition.STANDBY_READY
                || target.condition() == BoxCondition.RUNNING_FLOWS);
        return able ? p.active().other() : null;
    }

    private static String words(Mode mode) {
        return mode.toString().toLowerCase().replace('_', ' ');
    }
}
