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
 * start-up start: new epoch (persisted first), stop the old box's flows (or, under fencing=ARBITER, fence
 * it when it does not answer) unless it is confirmed down or confirmed off by the operator, then (under
 * fencing=ARBITER) select the target's outputs, then start the target.
 *
 * <p>Invariant (fence before promote): StartFlows(target) is emitted only when the other box is confirmed
 * not running in this takeover: its StopFlows completed ok, it is observed DOWN (or, after a stop that could
 * not be confirmed, freshly observed DOWN or stopped within a short window), the arbiter confirmed it fenced
 * (power sense 0), or an operator confirmed it off; under fencing=ARBITER also only after the relay feedback
 * confirmed the target's outputs selected. A lost arbiter link, an unconfirmed fence, a relay fault or a
 * stale epoch stop the takeover in OPERATOR_NEEDED: never a promotion. A failed start never leads to starting the old box automatically: the old box was failing (or was
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

    /** How the old box is made safe before the target is started. */
    enum OldBox {
        /** Graceful API stop (it answers). */
        STOP,
        /** fencing=ARBITER: power it off through the arbiter (it does not answer). */
        FENCE,
        /** Already confirmed not running (down, or confirmed off by the operator). */
        ALREADY_OFF
    }

    /** As {@link #begin(Decision, Mode, BoxId, String, OldBox, boolean)}: stop the old box, or not. */
    void begin(Decision d, Mode mode, BoxId target, String reason, boolean stopOld, boolean automatic) {
        begin(d, mode, target, reason, stopOld ? OldBox.STOP : OldBox.ALREADY_OFF, automatic);
    }

    /**
     * Starts a takeover towards {@code target}: new epoch (persisted first), then the old box is stopped,
     * fenced, or (already off) the target's output is selected / its flows started.
     *
     * @param automatic counts for the hold-down
     */
    void begin(Decision d, Mode mode, BoxId target, String reason, OldBox how, boolean automatic) {
        long epoch = d.newEpoch(reason);
        BoxId old = target.other();
        String type = mode == Mode.SWITCHING_OVER ? "switchover-started" : "failover-started";
        FailoverStep first = how == OldBox.STOP ? FailoverStep.STOP_OLD
                : how == OldBox.FENCE ? FailoverStep.FENCE_OLD
                : arbiterFencing() ? FailoverStep.SELECT_NEW : FailoverStep.START_NEW;
        String next = how == OldBox.STOP ? "; stopping " + old + "'s flows first"
                : how == OldBox.FENCE ? "; fencing " + old + " through the arbiter first" : "";
        PairState s = d.state().takeover(mode, epoch, first, target, reason + " (epoch " + epoch + ")" + next, d.now());
        d.set(automatic ? s.withLastAutoFailover(d.now()) : s);
        d.note(type, d.state().reason());
        if (how == OldBox.STOP) {
            d.stopFlows(old);
        } else if (how == OldBox.FENCE) {
            d.fence(old);
        } else if (first == FailoverStep.SELECT_NEW) {
            selectTarget(d);
        } else {
            d.startFlows(target);
        }
    }

    /** The pair is fenced by the arbiter (site file {@code fencing: arbiter}). */
    boolean arbiterFencing() {
        return policy.fencing() == Policy.Fencing.ARBITER;
    }

    /** A fence can be used now: fencing=ARBITER and the arbiter link is up. */
    boolean fenceAvailable(PairState s) {
        return arbiterFencing() && s.arbiter().linkUp();
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
        } else if (d.event() instanceof PairEvent.ArbiterObserved a && !a.view().linkUp() && arbiterStep(s)) {
            abort(d, "the arbiter link was lost during the " + stepWords(s.step()) + " step: " + s.target()
                    + " is not started; check the arbiter, then confirm which box runs");
        } else if (d.event() instanceof CommandCompleted c && c.command() instanceof PairCommand.FenceBox fence
                && fence.box() == old && fence.epoch() == s.epoch() && s.step() == FailoverStep.FENCE_OLD) {
            fenceCompleted(d, c);
        } else if (d.event() instanceof CommandCompleted c && c.command() instanceof PairCommand.SelectOutput sel
                && sel.box() == s.target() && sel.epoch() == s.epoch() && s.step() == FailoverStep.SELECT_NEW) {
            selectCompleted(d, c);
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
        boolean oldConfirmedOff = s.step() == FailoverStep.START_NEW || s.step() == FailoverStep.SELECT_NEW;
        if (oldConfirmedOff && s.condition(old).mayRunFlows() && !s.stopping().contains(old)) {
            String text = old + " runs flows again while " + s.target() + " takes over: stopping " + old + " at once";
            d.alarm("Pair " + pairId + ": " + text);
            d.note("split-brain", text);
            d.stopFlows(old);
            if (s.step() == FailoverStep.SELECT_NEW) {
                abort(d, text + "; " + s.target() + " is not started (the old box came back before the outputs moved)");
            }
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
        if (fenceAvailable(s)) {
            d.set(s.takeover(s.mode(), s.epoch(), FailoverStep.FENCE_OLD, s.target(), "could not confirm " + old
                    + "'s flows stopped (" + c.detail() + "): fencing " + old + " through the arbiter", d.now()));
            d.note("failover-step", d.state().reason());
            d.fence(old);
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
        if (arbiterFencing()) {
            d.set(s.takeover(s.mode(), s.epoch(), FailoverStep.SELECT_NEW, s.target(),
                    why + "; selecting " + s.target() + "'s outputs (epoch " + s.epoch() + ")", d.now()));
            d.note("failover-step", d.state().reason());
            selectTarget(d);
            return;
        }
        startTarget(d, why);
    }

    private void startTarget(Decision d, String why) {
        PairState s = d.state();
        d.set(s.takeover(s.mode(), s.epoch(), FailoverStep.START_NEW, s.target(),
                why + "; starting " + s.target() + " (epoch " + s.epoch() + ")", d.now()));
        d.note("failover-step", d.state().reason());
        d.startFlows(s.target());
    }

    /** SELECT the target's outputs, unless the link is down: outputs never move without the relay feedback. */
    private void selectTarget(Decision d) {
        PairState s = d.state();
        if (!s.arbiter().linkUp()) {
            abort(d, "the arbiter link is down: " + s.target() + "'s outputs cannot be selected, so " + s.target()
                    + " is not started; check the arbiter, then confirm which box runs");
            return;
        }
        d.select(s.target());
    }

    /** FENCE answered: ok only when the reply said fenced and the power sense reads 0. */
    private void fenceCompleted(Decision d, CommandCompleted c) {
        BoxId old = d.state().target().other();
        if (!c.ok()) {
            abort(d, "could not confirm " + old + " is fenced (" + c.detail() + "): " + d.state().target()
                    + " is not started. Confirm " + old + " is off to fail over");
            return;
        }
        proceedToStart(d, old + " fenced: power off confirmed by the arbiter");
    }

    /**
     * SELECT answered: ok only when the relay feedback matches; a FAULT blocks the promotion. The old box
     * is re-checked: if it came back running flows while the relay moved, nothing is started.
     */
    private void selectCompleted(Decision d, CommandCompleted c) {
        PairState s = d.state();
        BoxId target = s.target();
        BoxId old = target.other();
        BoxCondition t = s.condition(target);
        if (!c.ok()) {
            abort(d, "the output relay did not confirm " + target + " (" + c.detail() + "): promotion blocked, "
                    + target + " is not started; check the relay, then confirm which box runs");
        } else if (s.condition(old).mayRunFlows() || s.stopping().contains(old)) {
            abort(d, target + "'s outputs are selected but " + d.describe(old) + ": " + target
                    + " is not started; confirm which box runs");
        } else if (t != STANDBY_READY && t != RUNNING_FLOWS) {
            abort(d, target + "'s outputs are selected but " + d.describe(target) + ": nothing is started");
        } else {
            startTarget(d, target + "'s outputs selected (relay feedback confirmed)");
        }
    }

    /**
     * E05: the arbiter holds a newer epoch (another console acted). The newer epoch is adopted and
     * journalled; a takeover in progress stops where it is.
     */
    void epochRejected(Decision d, PairEvent.ArbiterEpochRejected e) {
        String text = "the arbiter refused " + e.command().getClass().getSimpleName() + " with a stale epoch ("
                + e.command() + ", arbiter epoch " + e.arbiterEpoch() + "): another console acted";
        d.adoptEpoch(e.arbiterEpoch(), text);
        d.note("stale-epoch", text);
        if (d.state().step() != FailoverStep.NONE) {
            abort(d, text + "; the takeover stops here");
        } else {
            d.alarm("Pair " + pairId + ": " + text);
        }
    }

    /**
     * The arbiter reports a higher epoch than the journal (at HELLO after a reconnect, or another console
     * acted): adopted and persisted before anything else; a takeover in progress stops, because its
     * commands carry the older epoch and the device would refuse them.
     */
    void arbiterEpochAhead(Decision d, long arbiterEpoch) {
        if (arbiterEpoch <= d.state().epoch()) {
            return;
        }
        String text = "the arbiter holds epoch " + arbiterEpoch + ", newer than " + d.state().epoch()
                + ": adopted (another console acted, or the journal was behind)";
        d.adoptEpoch(arbiterEpoch, text);
        d.note("stale-epoch", text);
        if (d.state().step() != FailoverStep.NONE) {
            abort(d, text + "; the takeover stops here");
        }
    }

    private static boolean arbiterStep(PairState s) {
        return s.step() == FailoverStep.FENCE_OLD || s.step() == FailoverStep.SELECT_NEW;
    }

    private static String stepWords(FailoverStep step) {
        return step == FailoverStep.FENCE_OLD ? "fence" : "select";
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
