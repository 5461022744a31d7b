package io.redpair.failover;

import static io.redpair.pair.BoxCondition.RUNNING_FLOWS;
import static io.redpair.pair.BoxCondition.STANDBY_READY;

import io.redpair.failover.PairEvent.MaintenanceEnded;
import io.redpair.failover.PairEvent.MaintenanceRequested;
import io.redpair.failover.PairEvent.OperatorConfirmedOff;
import io.redpair.failover.PairEvent.SwitchoverRequested;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import java.util.Set;

/**
 * What engineers ask for: planned switchover (only from PROTECTED), the audited "box X is off"
 * override, and maintenance with an expiry. A request that is not allowed now changes nothing and is
 * recorded as a "refused" note with the reason, so the CLI and console can show why.
 */
final class OperatorRules {

    private static final Set<Mode> OVERRIDE_MODES = Set.of(Mode.OPERATOR_NEEDED, Mode.SUSPECT, Mode.UNPROTECTED,
            Mode.STARTING);

    private final SteadyRules steady;
    private final StartupRules startup;
    private final TakeoverRules takeover;

    OperatorRules(SteadyRules steady, StartupRules startup, TakeoverRules takeover) {
        this.steady = steady;
        this.startup = startup;
        this.takeover = takeover;
    }

    void switchover(Decision d, SwitchoverRequested e) {
        PairState s = d.state();
        if (s.mode() != Mode.PROTECTED) {
            refuse(d, "switchover refused: the pair is " + s.mode() + " (" + s.reason() + "); a planned switchover "
                    + "needs a protected pair");
            return;
        }
        BoxId target = e.to() == null ? s.active().other() : e.to();
        if (target == s.active()) {
            refuse(d, "switchover refused: " + target + " is already the active");
            return;
        }
        takeover.begin(d, Mode.SWITCHING_OVER, target, who(e.user()) + " asked for a planned switchover to " + target,
                true, false);
    }

    void confirmedOff(Decision d, OperatorConfirmedOff e) {
        PairState s = d.state();
        BoxId target = e.box().other();
        BoxCondition t = s.condition(target);
        if (!OVERRIDE_MODES.contains(s.mode()) || s.step() != FailoverStep.NONE) {
            refuse(d, "override refused: the pair is " + s.mode() + "; it is accepted when an operator is needed");
        } else if (s.condition(e.box()) == RUNNING_FLOWS) {
            refuse(d, "override refused: " + e.box() + " is seen running flows; use a planned switchover");
        } else if (t != STANDBY_READY && t != RUNNING_FLOWS) {
            refuse(d, "override refused: " + d.describe(target) + ", so it cannot take over");
        } else if (target == s.active() && t == RUNNING_FLOWS) {
            refuse(d, "override refused: " + target + " is already the active and runs flows");
        } else {
            String why = e.reason() == null || e.reason().isBlank() ? "" : " (" + e.reason() + ")";
            String text = who(e.user()) + " confirmed " + e.box() + " is off" + why;
            d.note("audit", text);
            takeover.begin(d, Mode.FAILING_OVER, target, text + ": " + target + " takes over", false, false);
        }
    }

    void maintenance(Decision d, MaintenanceRequested e) {
        PairState s = d.state();
        if (s.step() != FailoverStep.NONE) {
            refuse(d, "maintenance refused: a takeover is in progress");
        } else if (e.untilNanos() <= d.now()) {
            refuse(d, "maintenance refused: its end is not in the future");
        } else {
            d.set(s.withMaintenanceUntil(e.untilNanos()));
            String reason = "maintenance by " + who(e.user()) + " for " + Words.seconds(e.untilNanos() - d.now())
                    + ": no automatic actions until it ends";
            d.enter(Mode.MAINTENANCE, s.active(), reason, "maintenance");
        }
    }

    void maintenanceEnded(Decision d, MaintenanceEnded e) {
        if (d.state().mode() != Mode.MAINTENANCE) {
            refuse(d, "the pair is not in maintenance");
            return;
        }
        leaveMaintenance(d, "maintenance ended by " + who(e.user()));
    }

    /** In MAINTENANCE only the clock matters: the expiry ends it. Observations are recorded, not acted on. */
    void inMaintenance(Decision d) {
        if (d.event() instanceof PairEvent.Tick && d.now() >= d.state().maintenanceUntilNanos()) {
            leaveMaintenance(d, "maintenance expired");
        }
    }

    /** Leaving maintenance re-evaluates from scratch, as after a start-up with the known active. */
    private void leaveMaintenance(Decision d, String why) {
        d.note("maintenance", why);
        BoxId active = d.state().active();
        d.enter(active == null ? Mode.STARTING : Mode.UNPROTECTED, active, why, null);
        if (active == null) {
            startup.reconcile(d);
        } else {
            steady.evaluate(d);
        }
    }

    private static void refuse(Decision d, String text) {
        d.note("refused", text);
    }

    private static String who(String user) {
        return user == null || user.isBlank() ? "an operator" : user;
    }
}
