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
import io.redpair.pair.Policy;

/**
 * The takeover sequence shared by failover, planned switchover, the operator override and the
 * start-up start: new epoch (persisted first), stop the old box's flows unless it is confirmed down or
 * confirmed off by the operator, then start the target.
 *
 * <p>Invariant (fence before promote): StartFlows(target) is emitted only when the other box is confirmed
 * not running in this takeover: its StopFlows completed ok, it is observed DOWN (or, after a stop that could
 * not be confirmed, freshly observed DOWN or stopped within a short window), or an operator confirmed it
 * off. A failed start never leads to starting the old box automatically: the old box was failing (or was
 * just stopped on purpose), and the target may have started part of its flows, so only a human can tell
 * which box should run.
 */
final class TakeoverRules {

    private final String pairId;
    private final Policy policy;
    private SteadyRules steady;

    TakeoverRules(String pairId, Policy policy) {
        this.pairId = pairId;
        this.policy = policy;
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
        boolean stopUnconfirmed = s.step() == FailoverStep.STOP_OLD && !s.stopping().contains(old);
        if (d.event() instanceof BoxObserved o && o.box() == old && stopUnconfirmed
                && o.condition().confirmedNotRunning()) {
            proceedToStart(d, d.describe(old));
        } else if (d.event() instanceof BoxObserved o && o.box() == old) {
            stopReturningOld(d, old);
        } else if (d.event() instanceof PairEvent.Tick && stopUnconfirmed
                && d.now() - s.sinceNanos() >= confirmWindowNanos()) {
            abort(d, "could not confirm " + old + "'s flows stopped and " + d.describe(old) + ", not confirmed down"
                    + " within " + Words.millis(confirmWindowNanos()) + ": " + s.target() + " is not started");
        } else if (d.event() instanceof CommandCompleted c && c.command() instanceof StopFlows stop
                && stop.box() == old && stop.epoch() == s.epoch()) {
            oldStopCompleted(d, c);
        } else if (d.event() instanceof CommandCompleted c && c.command() instanceof StartFlows start
                && start.box() == s.target() && start.epoch() == s.epoch() && s.step() == FailoverStep.START_NEW) {
            targetStartCompleted(d, c);
        }
    }

    /**
     * After an unconfirmed stop, how long a fresh DOWN or STANDBY_READY observation of the old box may take
     * to arrive: two deadlines, because a box that died while being stopped is convicted DOWN one deadline
     * after its last good probe, and that conviction must not lose a race against this window.
     */
    private long confirmWindowNanos() {
        return 2L * policy.deadlineMs() * 1_000_000L;
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
        if (c.ok() || s.condition(old) == DOWN) {
            proceedToStart(d, c.ok() ? old + "'s flows confirmed stopped" : old + " is confirmed down");
            return;
        }
        d.set(s.withReason("could not confirm " + old + "'s flows stopped (" + c.detail() + "); waiting up to "
                + Words.millis(confirmWindowNanos()) + " for " + old + " to be seen down or stopped").restartClock(d.now()));
        d.note("failover-step", d.state().reason());
    }

    /** The old box is confirmed not running: start the target, if it is still ready. */
    private void proceedToStart(Decision d, String why) {
        PairState s = d.state();
        BoxCondition t = s.condition(s.target());
        if (t != STANDBY_READY && t != RUNNING_FLOWS) {
            abort(d, s.target().other() + " is stopped but " + d.describe(s.target()) + ": nothing is started");
            return;
        }
        d.set(s.takeover(s.mode(), s.epoch(), FailoverStep.START_NEW, s.target(),
                why + "; starting " + s.target() + " (epoch " + s.epoch() + ")", d.now()));
        d.note("failover-step", d.state().reason());
        d.startFlows(s.target());
    }

    private void targetStartCompleted(Decision d, CommandCompleted c) {
        PairState s = d.state();
        BoxId target = s.target();
        String took = Words.millis(d.now() - s.takeoverStartedNanos());
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
