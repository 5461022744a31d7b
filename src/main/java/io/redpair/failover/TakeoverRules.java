package io.redpair.failover;

import static io.redpair.pair.BoxCondition.DOWN;
import static io.redpair.pair.BoxCondition.RUNNING_FLOWS;
import static io.redpair.pair.BoxCondition.STANDBY_READY;

import io.redpair.failover.PairCommand.StartFlows;
import io.redpair.failover.PairCommand.StopFlows;
import io.redpair.failover.PairEvent.BoxObserved;
import io.redpair.failover.PairEvent.CommandCompleted;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;

/**
 * The takeover sequence shared by failover, planned switchover, the operator override and the
 * start-up start: new epoch (persisted first), stop the old box's flows unless it is confirmed down or
 * confirmed off by the operator, then start the target.
 *
 * <p>Invariant (fence before promote): StartFlows(target) is emitted only when the other box is confirmed
 * not running in this takeover: its StopFlows completed ok, it is observed DOWN, or an operator confirmed it
 * off. A failed start never leads to starting the old box automatically: the old box was failing (or was
 * just stopped on purpose), and the target may have started part of its flows, so only a human can tell
 * which box should run.
 */
final class TakeoverRules {

    private final String pairId;
    private SteadyRules steady;

    TakeoverRules(String pairId) {
        this.pairId = pairId;
    }

    void setSteady(SteadyRules steady) {
        this.steady = steady;
    }

    /**
     * Starts a takeover towards {@code target}.
     *
     * @param stopOld   stop the other box's flows first (false only when it is down or confirmed off)
     * @param automatic counts for the hold-down
     */
    void begin(Decision d, Mode mode, BoxId target, String reason, boolean stopOld, boolean automatic) {
        long epoch = d.newEpoch(reason);
        BoxId old = target.other();
        String type = mode == Mode.SWITCHING_OVER ? "switchover-started" : "failover-started";
        String next = stopOld ? "; stopping " + old + "'s flows first" : "";
        PairState s = d.state().takeover(mode, epoch, stopOld ? FailoverStep.STOP_OLD : FailoverStep.START_NEW,
                target, reason + " (epoch " + epoch + ")" + next, d.now());
        d.set(automatic ? s.withLastAutoFailover(d.now()) : s);
        d.note(type, d.state().reason());
        if (stopOld) {
            d.stopFlows(old);
        } else {
            d.startFlows(target);
        }
    }

    /** Any event while a takeover is in progress. */
    void progress(Decision d) {
        PairState s = d.state();
        BoxId old = s.target().other();
        if (d.event() instanceof BoxObserved o && o.box() == old) {
            stopReturningOld(d, old);
        } else if (d.event() instanceof CommandCompleted c && c.command() instanceof StopFlows stop
                && stop.box() == old && stop.epoch() == s.epoch()) {
            oldStopCompleted(d, c);
        } else if (d.event() instanceof CommandCompleted c && c.command() instanceof StartFlows start
                && start.box() == s.target() && start.epoch() == s.epoch() && s.step() == FailoverStep.START_NEW) {
            targetStartCompleted(d, c);
        }
    }

    /** The old box was confirmed off but runs flows again (e.g. it unfroze): stop it at once. */
    private void stopReturningOld(Decision d, BoxId old) {
        PairState s = d.state();
        if (s.step() == FailoverStep.START_NEW && s.condition(old).mayRunFlows() && !s.stopping().contains(old)) {
            String text = old + " runs flows again while " + s.target() + " takes over: stopping " + old + " at once";
            d.alarm("Pair " + pairId + ": " + text);
            d.note("split-brain", text);
            d.stopFlows(old);
        }
    }

    private void oldStopCompleted(Decision d, CommandCompleted c) {
        PairState s = d.state();
        BoxId old = s.target().other();
        if (s.step() != FailoverStep.STOP_OLD) {
            if (!c.ok()) {
                d.alarm("Pair " + pairId + ": could not stop " + old + "'s flows (" + c.detail() + ")");
            }
            return;
        }
        if (!c.ok() && s.condition(old) != DOWN) {
            abort(d, "could not confirm " + old + "'s flows stopped (" + c.detail() + "): " + s.target()
                    + " is not started");
            return;
        }
        BoxCondition t = s.condition(s.target());
        if (t != STANDBY_READY && t != RUNNING_FLOWS) {
            abort(d, old + " is stopped but " + d.describe(s.target()) + ": nothing is started");
            return;
        }
        String why = c.ok() ? old + "'s flows confirmed stopped" : old + " is confirmed down";
        d.set(s.takeover(s.mode(), s.epoch(), FailoverStep.START_NEW, s.target(),
                why + "; starting " + s.target() + " (epoch " + s.epoch() + ")", d.now()));
        d.note("failover-step", d.state().reason());
        d.startFlows(s.target());
    }

    private void targetStartCompleted(Decision d, CommandCompleted c) {
        PairState s = d.state();
        BoxId target = s.target();
        String took = Words.millis(d.now() - s.sinceNanos());
        if (!c.ok()) {
            d.set(s.withActive(target));
            abort(d, target + "'s flows did not start (" + c.detail() + "); " + target.other() + " stays stopped: "
                    + "RedPair never restarts the old active on its own. Check " + target + " and confirm which box to run");
            return;
        }
        String kind = s.mode() == Mode.SWITCHING_OVER ? "switchover" : s.mode() == Mode.STARTING ? "start" : "failover";
        d.note(kind.equals("switchover") ? "switchover-completed" : "failover-completed",
                kind + " complete: " + target + " runs flows (epoch " + s.epoch() + "), took " + took);
        d.enter(Mode.UNPROTECTED, target, target + " runs flows", null);
        steady.evaluate(d);
    }

    /** The takeover stops where it is; the journal gets one "failover-aborted" line, the operator an alarm. */
    private void abort(Decision d, String reason) {
        d.alarm("Pair " + pairId + ": operator needed: " + reason);
        d.enter(Mode.OPERATOR_NEEDED, d.state().active(), reason, "failover-aborted");
    }
}
