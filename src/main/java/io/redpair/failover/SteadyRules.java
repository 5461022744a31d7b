package io.redpair.failover;

import static io.redpair.pair.BoxCondition.DOWN;
import static io.redpair.pair.BoxCondition.MISCONFIGURED;
import static io.redpair.pair.BoxCondition.RUNNING_FLOWS;
import static io.redpair.pair.BoxCondition.STANDBY_READY;
import static io.redpair.pair.BoxCondition.UNKNOWN;

import io.redpair.failover.TakeoverRules.OldBox;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.pair.Policy;
import java.util.OptionalLong;

/**
 * Rules for a pair with a known active outside a takeover: PROTECTED, UNPROTECTED, SUSPECT and
 * OPERATOR_NEEDED. Order matters and is the order of the safety argument: split brain first, then a
 * healthy active, then an active out of sight (suspect yourself; under fencing=ARBITER with the link up it
 * is fenced after the window, or at once when the arbiter confirms its power off), then a failed active.
 *
 * <p>OPERATOR_NEEDED is sticky for automatic takeovers: from there RedPair only resolves by itself
 * when the situation clears (the active runs flows again, or a box started by hand is adopted), stops a
 * second running box, or acts on an operator's confirmation.
 */
final class SteadyRules {

    private static final String BOTH_OUT_OF_SIGHT = "RedPair cannot see either box";

    private final String pairId;
    private final Policy policy;
    private final TakeoverRules takeover;

    SteadyRules(String pairId, Policy policy, TakeoverRules takeover) {
        this.pairId = pairId;
        this.policy = policy;
        this.takeover = takeover;
    }

    /** The suspect window: probes of both boxes are at most one interval apart; a second interval covers jitter. */
    long suspectWindowNanos() {
        return 2L * policy.intervalMs() * 1_000_000L;
    }

    void evaluate(Decision d) {
        PairState s = d.state();
        BoxId active = s.active();
        BoxCondition a = s.condition(active);
        BoxCondition b = s.condition(active.other());
        if (a.mayRunFlows() && b.mayRunFlows()) {
            splitBrain(d, active);
        } else if (a == RUNNING_FLOWS) {
            settle(d);
        } else if (outOfSight(a)) {
            activeOutOfSight(d);
        } else if (a == MISCONFIGURED) {
            operatorNeeded(d, d.describe(active) + ": RedPair cannot manage it; fix its access (no automatic action)");
        } else {
            activeFailed(d);
        }
    }

    /** Both boxes run flows: keep the current active (the epoch owner), stop the other at once, alarm. */
    void splitBrain(Decision d, BoxId keep) {
        BoxId other = keep.other();
        String reason = "split brain: " + d.describe(other) + " while " + keep + " is the active (epoch "
                + d.state().epoch() + "); stopping " + other + "'s flows";
        Mode mode = d.state().mode() == Mode.OPERATOR_NEEDED ? Mode.OPERATOR_NEEDED : Mode.UNPROTECTED;
        d.enter(mode, keep, reason, null);
        if (!d.state().stopping().contains(other)) {
            d.alarm("Pair " + pairId + ": both boxes run flows; keeping " + keep + ", stopping " + other);
            d.note("split-brain", reason);
            d.stopFlows(other);
        }
    }

    private void settle(Decision d) {
        PairState s = d.state();
        BoxId active = s.active();
        BoxId spare = active.other();
        boolean recovered = s.mode() == Mode.OPERATOR_NEEDED || s.mode() == Mode.SUSPECT;
        String prefix = recovered ? "recovered: " : "";
        if (s.condition(spare) == STANDBY_READY) {
            d.enter(Mode.PROTECTED, active, prefix + active + " runs flows, " + spare + " stands by",
                    recovered ? "decision" : null);
        } else {
            d.enter(Mode.UNPROTECTED, active, prefix + active + " runs flows; spare not ready: " + d.describe(spare),
                    recovered ? "decision" : null);
        }
    }

    /** Hung, unreachable or (after having been heard) unknown: RedPair cannot tell what the box does. */
    private static boolean outOfSight(BoxCondition c) {
        return c.vanished() || c == UNKNOWN;
    }

    /** "Suspect yourself": if the spare vanished too, RedPair's own network is the likelier culprit. */
    private void activeOutOfSight(Decision d) {
        PairState s = d.state();
        BoxId active = s.active();
        BoxId spare = active.other();
        if (outOfSight(s.condition(spare))) {
            boolean first = !(s.mode() == Mode.SUSPECT && s.reason().startsWith(BOTH_OUT_OF_SIGHT));
            String reason = BOTH_OUT_OF_SIGHT + " (" + d.describe(active) + "; " + d.describe(spare)
                    + "): it suspects its own network and takes no automatic action";
            if (first) {
                d.alarm("Pair " + pairId + ": " + reason);
                d.note("suspect", reason);
            }
            d.enter(Mode.SUSPECT, active, reason, null);
            d.set(d.state().restartClock(d.now()));
        } else if (s.mode() == Mode.OPERATOR_NEEDED) {
            return;
        } else if (takeover.fenceAvailable(s) && s.arbiter().confirmsOff(active, policy.deadlineMs())) {
            failover(d, d.describe(active) + " and the arbiter sees its power off and its heartbeat line silent:"
                    + " confirmed down; fencing it to keep it off and failing over to " + spare, OldBox.FENCE);
        } else if (s.mode() == Mode.SUSPECT && d.now() - s.sinceNanos() >= suspectWindowNanos()) {
            outOfSightForTheDeadline(d);
        } else {
            d.enter(Mode.SUSPECT, active, d.describe(active) + "; waiting " + Words.millis(suspectWindowNanos())
                    + " to see whether " + spare + " vanishes too", "suspect");
        }
    }

    /** The active stayed out of sight for the suspect window while the spare is seen: fence it, or call a human. */
    private void outOfSightForTheDeadline(Decision d) {
        PairState s = d.state();
        BoxId active = s.active();
        BoxId spare = active.other();
        if (takeover.fenceAvailable(s)) {
            String channel = s.arbiter().heartbeatAlive(active, policy.deadlineMs())
                    ? "its heartbeat line is alive: alive but unreachable" : "its heartbeat line is silent, power on";
            failover(d, d.describe(active) + " for the whole deadline and " + channel + "; fencing " + active
                    + " and failing over to " + spare, OldBox.FENCE);
            return;
        }
        String noFence = takeover.arbiterFencing() ? "; the arbiter link is down, so it cannot be fenced" : "";
        operatorNeeded(d, d.describe(active) + " for the whole deadline: not confirmed gone" + noFence + ", so "
                + spare + " is not started. Confirm " + active + " is off to fail over");
    }

    /** The active is stuck, stopped behind RedPair's back, or down: fail over if every rule allows it. */
    private void activeFailed(Decision d) {
        PairState s = d.state();
        BoxId active = s.active();
        BoxId spare = active.other();
        BoxCondition a = s.condition(active);
        BoxCondition b = s.condition(spare);
        String cause = d.describe(active);
        if (b == RUNNING_FLOWS && a.confirmedNotRunning()) {
            adopt(d, spare, cause);
        } else {
            failover(d, cause + "; failing over to " + spare, a != DOWN ? OldBox.STOP : OldBox.ALREADY_OFF);
        }
    }

    /** Fails over to the spare if every rule allows it (ready spare, policy, hold-down); else the operator. */
    private void failover(Decision d, String reason, OldBox how) {
        PairState s = d.state();
        BoxId spare = s.active().other();
        BoxCondition b = s.condition(spare);
        String cause = d.describe(s.active());
        if (s.mode() == Mode.OPERATOR_NEEDED) {
            return;
        } else if (b != STANDBY_READY) {
            operatorNeeded(d, cause + "; " + d.describe(spare) + ": no box can take over");
        } else if (!policy.autoFailover()) {
            operatorNeeded(d, cause + "; automatic failover is off: confirm to fail over to " + spare);
        } else if (inHoldDown(s, d.now())) {
            long ago = d.now() - s.lastAutoFailoverNanos().getAsLong();
            operatorNeeded(d, cause + "; the last automatic failover was " + Words.seconds(ago) + " ago (hold-down "
                    + policy.holdDownS() + " s): no second automatic failover");
        } else {
            takeover.begin(d, Mode.FAILING_OVER, spare, reason, how, true);
        }
    }

    private boolean inHoldDown(PairState s, long now) {
        OptionalLong last = s.lastAutoFailoverNanos();
        return last.isPresent() && now - last.getAsLong() < policy.holdDownS() * 1_000_000_000L;
    }

    /** The spare already runs flows and the active is confirmed not running: the spare becomes the active. */
    private void adopt(Decision d, BoxId box, String cause) {
        String reason = cause + "; " + box + " already runs flows: " + box + " becomes the active";
        d.newEpoch(reason);
        Mode mode = d.state().condition(box.other()) == STANDBY_READY ? Mode.PROTECTED : Mode.UNPROTECTED;
        d.enter(mode, box, reason + " (epoch " + d.state().epoch() + ")", "decision");
    }

    /** Enters OPERATOR_NEEDED with an alarm; when already there nothing changes: the first reason is why the operator was called. */
    void operatorNeeded(Decision d, String reason) {
        if (d.state().mode() != Mode.OPERATOR_NEEDED) {
            d.alarm("Pair " + pairId + ": operator needed: " + reason);
            d.enter(Mode.OPERATOR_NEEDED, d.state().active(), reason, "operator-needed");
        }
    }
}
