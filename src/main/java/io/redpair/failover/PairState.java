package io.redpair.failover;

import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The whole state of one pair as the decision core sees it. Immutable; the runtime keeps the latest
 * value and publishes it in snapshots.
 *
 * @param mode                  what the dashboard shows
 * @param active                the box that is meant to run flows (the epoch owner); in STARTING the
 *                              last active known from the journal (a hint for split brain), may be null
 * @param epoch                 fencing token; never decreases; bumped by every takeover decision
 * @param reason                plain-language reason of the last transition
 * @param step                  takeover step (NONE outside FAILING_OVER/SWITCHING_OVER/start-up start)
 * @param target                the box being promoted during a takeover, else null
 * @param conditions            the last observed condition of both boxes (UNKNOWN until heard)
 * @param startedNanos          when the decider started (start-up grace is measured from here)
 * @param lastAutoFailoverNanos when the last automatic failover was decided (hold-down)
 * @param maintenanceUntilNanos end of maintenance (meaningful in MAINTENANCE only)
 * @param sinceNanos            when the current mode (or takeover step) was entered (suspect window, display)
 * @param stopping              boxes with a StopFlows in flight, so repeated observations do not repeat it
 * @param takeoverStartedNanos  when the takeover in progress was decided (its total duration); 0 if none
 * @param arbiter               the arbiter's last report ({@link ArbiterView#UNHEARD} until heard)
 */
public record PairState(Mode mode, BoxId active, long epoch, String reason, FailoverStep step, BoxId target,
                        Map<BoxId, BoxCondition> conditions, long startedNanos, OptionalLong lastAutoFailoverNanos,
                        long maintenanceUntilNanos, long sinceNanos, Set<BoxId> stopping,
                        long takeoverStartedNanos, ArbiterView arbiter) {

    public PairState {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(lastAutoFailoverNanos, "lastAutoFailoverNanos");
        reason = reason == null ? "" : reason;
        arbiter = arbiter == null ? ArbiterView.UNHEARD : arbiter;
        EnumMap<BoxId, BoxCondition> all = new EnumMap<>(BoxId.class);
        for (BoxId box : BoxId.values()) {
            all.put(box, conditions.getOrDefault(box, BoxCondition.UNKNOWN));
        }
        conditions = Map.copyOf(all);
        stopping = stopping.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(stopping));
    }

    public BoxCondition condition(BoxId box) {
        return conditions.get(box);
    }

    /** The box that is not active (null when no active is known). */
    public BoxId spare() {
        return active == null ? null : active.other();
    }

    public PairState withCondition(BoxId box, BoxCondition condition) {
        EnumMap<BoxId, BoxCondition> copy = new EnumMap<>(conditions);
        copy.put(box, condition);
        return new PairState(mode, active, epoch, reason, step, target, copy, startedNanos, lastAutoFailoverNanos,
                maintenanceUntilNanos, sinceNanos, stopping, takeoverStartedNanos, arbiter);
    }

    /** A new mode with its reason; the takeover fields are cleared and the mode clock restarts if it changed. */
    public PairState enter(Mode newMode, BoxId newActive, String newReason, long nowNanos) {
        long since = newMode == mode ? sinceNanos : nowNanos;
        return new PairState(newMode, newActive, epoch, newReason, FailoverStep.NONE, null, conditions, startedNanos,
                lastAutoFailoverNanos, maintenanceUntilNanos, since, stopping, 0, arbiter);
    }

    /**
     * A takeover at a given step (mode FAILING_OVER, SWITCHING_OVER or STARTING). The step clock restarts;
     * the takeover's start is kept while the same takeover moves on.
     */
    public PairState takeover(Mode newMode, long newEpoch, FailoverStep newStep, BoxId newTarget, String newReason,
                              long nowNanos) {
        boolean sameTakeover = newMode == mode && step != FailoverStep.NONE && newEpoch == epoch;
        return new PairState(newMode, active, newEpoch, newReason, newStep, newTarget, conditions, startedNanos,
                lastAutoFailoverNanos, maintenanceUntilNanos, nowNanos, stopping,
                sameTakeover ? takeoverStartedNanos : nowNanos, arbiter);
    }

    public PairState withEpoch(long newEpoch) {
        if (newEpoch < epoch) {
            throw new IllegalArgumentException("epoch never decreases: " + epoch + " -> " + newEpoch);
        }
        return new PairState(mode, active, newEpoch, reason, step, target, conditions, startedNanos,
                lastAutoFailoverNanos, maintenanceUntilNanos, sinceNanos, stopping, takeoverStartedNanos, arbiter);
    }

    public PairState withReason(String newReason) {
        return new PairState(mode, active, epoch, newReason, step, target, conditions, startedNanos,
                lastAutoFailoverNanos, maintenanceUntilNanos, sinceNanos, stopping, takeoverStartedNanos, arbiter);
    }

    /** Restarts the mode clock (e.g. the suspect window starts again while both boxes are out of sight). */
    public PairState restartClock(long nowNanos) {
        return new PairState(mode, active, epoch, reason, step, target, conditions, startedNanos,
                lastAutoFailoverNanos, maintenanceUntilNanos, nowNanos, stopping, takeoverStartedNanos, arbiter);
    }

    public PairState withActive(BoxId newActive) {
        return new PairState(mode, newActive, epoch, reason, step, target, conditions, startedNanos,
                lastAutoFailoverNanos, maintenanceUntilNanos, sinceNanos, stopping, takeoverStartedNanos, arbiter);
    }

    public PairState withLastAutoFailover(long nowNanos) {
        return new PairState(mode, active, epoch, reason, step, target, conditions, startedNanos,
                OptionalLong.of(nowNanos), maintenanceUntilNanos, sinceNanos, stopping, takeoverStartedNanos, arbiter);
    }

    public PairState withMaintenanceUntil(long untilNanos) {
        return new PairState(mode, active, epoch, reason, step, target, conditions, startedNanos,
                lastAutoFailoverNanos, untilNanos, sinceNanos, stopping, takeoverStartedNanos, arbiter);
    }

    public PairState withStopping(BoxId box, boolean inFlight) {
        EnumSet<BoxId> set = EnumSet.noneOf(BoxId.class);
        set.addAll(stopping);
        if (inFlight) {
            set.add(box);
        } else {
            set.remove(box);
        }
        return new PairState(mode, active, epoch, reason, step, target, conditions, startedNanos,
                lastAutoFailoverNanos, maintenanceUntilNanos, sinceNanos, set, takeoverStartedNanos, arbiter);
    }

    public PairState withArbiter(ArbiterView view) {
        return new PairState(mode, active, epoch, reason, step, target, conditions, startedNanos,
                lastAutoFailoverNanos, maintenanceUntilNanos, sinceNanos, stopping, takeoverStartedNanos, view);
    }
}
