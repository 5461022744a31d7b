package io.redpair.failover;

import io.redpair.failover.PairCommand.StartFlows;
import io.redpair.failover.PairCommand.StopFlows;
import io.redpair.failover.PairEvent.ArbiterEpochRejected;
import io.redpair.failover.PairEvent.ArbiterObserved;
import io.redpair.failover.PairEvent.BoxObserved;
import io.redpair.failover.PairEvent.CommandCompleted;
import io.redpair.failover.PairEvent.MaintenanceEnded;
import io.redpair.failover.PairEvent.MaintenanceRequested;
import io.redpair.failover.PairEvent.OperatorConfirmedOff;
import io.redpair.failover.PairEvent.SwitchoverRequested;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.pair.Policy;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The pure decision core of one pair: {@code (state, event, now) -> (state, commands)}. No threads, no
 * I/O, no clock: the same inputs always give the same outputs, which is what makes the scenario
 * transcripts in src/test/resources/transcripts possible (ADR 0030). See docs/failover.md for the rules.
 *
 * <p>Invariants every step keeps (checked by the randomized test): the epoch never decreases; a step
 * that bumps the epoch emits PersistEpoch as its first command; StartFlows is emitted only when the
 * other box is confirmed not running; an UNKNOWN observation never causes a StartFlows or StopFlows.
 *
 * <p>Contract with the runtime: send {@code BoxObserved} when the health model's condition of a box
 * changes (a verified command completion already updates the condition here, so re-sending an older
 * condition afterwards would be read as news); deliver exactly one {@code CommandCompleted} per
 * StopFlows/StartFlows/FenceBox/SelectOutput, ok only when verified (a confirmed fence counts as DOWN), or an
 * {@code ArbiterEpochRejected} instead for an E05; send {@code ArbiterObserved} when the arbiter's report changes; send a {@code Tick} at least once per probe interval.
 */
public final class Decider {

    private final String pairId;
    private final Policy policy;
    private final SteadyRules steady;
    private final TakeoverRules takeover;
    private final StartupRules startup;
    private final OperatorRules operator;

    public Decider(String pairId, Policy policy) {
        this(pairId, policy, BoxId.A);
    }

    /** @param preferred the box started when none runs at start-up (the site file's "preferred") */
    public Decider(String pairId, Policy policy, BoxId preferred) {
        this.pairId = Objects.requireNonNull(pairId, "pairId");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.takeover = new TakeoverRules(pairId, policy);
        this.steady = new SteadyRules(pairId, policy, takeover);
        this.takeover.setSteady(steady);
        this.startup = new StartupRules(policy, Objects.requireNonNull(preferred, "preferred"), steady, takeover);
        this.operator = new OperatorRules(steady, startup, takeover);
    }

    /** The state after RedPair starts, before any box was heard; {@code epoch} comes from the journal. */
    public PairState initial(long epochFromJournal, long nowNanos) {
        return initial(epochFromJournal, null, nowNanos);
    }

    /** As {@link #initial(long, long)}, with the last active from the journal (kept if both boxes run flows). */
    public PairState initial(long epochFromJournal, BoxId lastActive, long nowNanos) {
        return initial(epochFromJournal, lastActive, OptionalLong.empty(), nowNanos);
    }

    /**
     * As {@link #initial(long, BoxId, long)}, with the journalled time of the last automatic failover on this
     * clock (it may lie before this run began). Why: the hold-down must survive a supervisor restart, or a
     * supervisor that crashes and restarts would allow a second automatic failover inside the hold-down.
     */
    public PairState initial(long epochFromJournal, BoxId lastActive, OptionalLong lastAutoFailoverNanos, long nowNanos) {
        return new PairState(Mode.STARTING, lastActive, epochFromJournal, "waiting for both boxes to answer",
                FailoverStep.NONE, null, Map.of(), nowNanos, lastAutoFailoverNanos, 0, nowNanos, Set.of(), 0,
                ArbiterView.UNHEARD);
    }

    public Step step(PairState state, PairEvent event, long nowNanos) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        Decision d = new Decision(state, event, nowNanos);
        record(d);
        if (event instanceof SwitchoverRequested e) {
            operator.switchover(d, e);
        } else if (event instanceof OperatorConfirmedOff e) {
            operator.confirmedOff(d, e);
        } else if (event instanceof MaintenanceRequested e) {
            operator.maintenance(d, e);
        } else if (event instanceof MaintenanceEnded e) {
            operator.maintenanceEnded(d, e);
        } else if (event instanceof ArbiterEpochRejected e) {
            takeover.epochRejected(d, e);
        } else if (event instanceof ArbiterObserved && d.state().epoch() != state.epoch()) {
            return d.toStep(); // the arbiter's newer epoch was adopted: persisted alone, rules apply from the next event
        } else {
            decide(d);
        }
        return d.toStep();
    }

    /**
     * Facts first: an observation or a verified completion updates what is known about a box. A verified
     * start counts even from an older epoch: flows that run must never be overlooked.
     */
    private void record(Decision d) {
        if (d.event() instanceof BoxObserved o) {
            d.set(d.state().withCondition(o.box(), o.condition()));
        } else if (d.event() instanceof CommandCompleted c && c.command() instanceof StopFlows stop) {
            d.set(d.state().withStopping(stop.box(), false));
            if (c.ok()) {
                d.set(d.state().withCondition(stop.box(), BoxCondition.STANDBY_READY));
            }
        } else if (d.event() instanceof CommandCompleted c && c.command() instanceof StartFlows start && c.ok()) {
            d.set(d.state().withCondition(start.box(), BoxCondition.RUNNING_FLOWS));
        } else if (d.event() instanceof CommandCompleted c && c.command() instanceof PairCommand.FenceBox f && c.ok()) {
            d.set(d.state().withCondition(f.box(), BoxCondition.DOWN));
        } else if (d.event() instanceof ArbiterObserved a) {
            ArbiterView before = d.state().arbiter();
            arbiterLinkChange(d, before, a.view());
            d.set(d.state().withArbiter(a.view()));
            if (policy.fencing() == Policy.Fencing.ARBITER && a.view().linkUp()) {
                takeover.arbiterEpochAhead(d, a.view().epoch());
                if (!before.linkUp()) {
                    reconcileOutputs(d);
                }
            }
        }
    }

    /**
     * After the link came (back) up, and when start-up settles on an active, the outputs are read, never assumed: if the relay does not point at the
     * active that runs flows, it is selected again with the current epoch (outside takeovers only).
     */
    private void reconcileOutputs(Decision d) {
        PairState s = d.state();
        BoxId active = s.active();
        ArbiterView now = s.arbiter();
        if (policy.fencing() != Policy.Fencing.ARBITER || !now.linkUp() || s.step() != FailoverStep.NONE || active == null || s.mode() == Mode.STARTING
                || s.condition(active) != BoxCondition.RUNNING_FLOWS || now.selected() == active) {
            return;
        }
        d.note("arbiter", "outputs point at " + (now.selected() == null ? "no box" : now.selected()) + " while "
                + active + " runs flows: selecting " + active + "'s outputs (epoch " + s.epoch() + ")");
        d.select(active);
    }

    /** One alarm when the fence is lost (fencing=ARBITER), one note when it is back. */
    private void arbiterLinkChange(Decision d, ArbiterView before, ArbiterView now) {
        if (policy.fencing() != Policy.Fencing.ARBITER || before.linkUp() == now.linkUp()) {
            return;
        }
        if (!now.linkUp()) {
            String text = "arbiter link lost: no automatic action that needs a fence or an output switch until it is back";
            d.alarm("Pair " + pairId + ": " + text);
            d.note("arbiter", text);
        } else {
            d.note("arbiter", "arbiter link up: fencing available");
        }
    }

    private void decide(Decision d) {
        PairState s = d.state();
        if (d.event() instanceof CommandCompleted c && c.command() instanceof PairCommand.SelectOutput sel
                && s.step() == FailoverStep.NONE && s.mode() != Mode.OPERATOR_NEEDED && !c.ok()) {
            d.alarm("Pair " + pairId + ": the outputs could not be switched to " + sel.box() + " (" + c.detail() + ")");
        }
        if (s.step() != FailoverStep.NONE) {
            takeover.progress(d);
        } else if (s.mode() == Mode.MAINTENANCE) {
            operator.inMaintenance(d);
        } else if (s.mode() == Mode.STARTING) {
            startup.starting(d);
            if (d.state().mode() != Mode.STARTING) {
                reconcileOutputs(d);
            }
        } else if (s.active() == null) {
            startup.reconcile(d);
        } else {
            failedSplitBrainStop(d);
            if (d.state().mode() != Mode.OPERATOR_NEEDED || !(d.event() instanceof CommandCompleted)) {
                steady.evaluate(d);
            }
        }
    }

    /** A split-brain StopFlows that could not be confirmed: both boxes may run flows; call a human. */
    private void failedSplitBrainStop(Decision d) {
        if (d.event() instanceof CommandCompleted c && c.command() instanceof StopFlows stop && !c.ok()
                && stop.box() != d.state().active() && d.state().condition(stop.box()).mayRunFlows()) {
            steady.operatorNeeded(d, "could not stop " + stop.box() + "'s flows (" + c.detail()
                    + "): both boxes may run flows");
        }
    }

    public String pairId() {
        return pairId;
    }

    public Policy policy() {
        return policy;
    }
}
