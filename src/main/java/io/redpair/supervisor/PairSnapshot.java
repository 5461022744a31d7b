package io.redpair.supervisor;

import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.pair.BoxId;
import java.util.List;
import java.util.Map;

/**
 * One pair at one moment, immutable. {@code mode} is null when nothing decides for the pair (a read-only
 * {@code status} without a running supervisor): then only the box health is meaningful.
 *
 * @param canary     false when the pair has no heartbeat path: "flows run" then rests on the admin API alone
 * @param suppressed true while the local-pause guard holds convictions back
 * @param timeline   the newest events of this pair, oldest first (bounded)
 * @param fencing    how the old active would be fenced now, in words; starts with "UNFENCED" for
 *                   {@code fencing: api-only} (a hung or cut-off active needs an operator), "" when unknown
 * @param drift      whether both boxes carry the same flows (a warning, never a reason to act); never null
 * @param arbiter    the arbiter's link and last STATUS; null when no arbiter is wired to this supervisor
 */
public record PairSnapshot(String pairId, String name, Mode mode, BoxId active, long epoch, String reason,
                           FailoverStep step, BoxId target, boolean canary, boolean suppressed,
                           Map<BoxId, BoxSnapshot> boxes, List<SupervisorEvent> timeline, String fencing,
                           FlowsDrift drift, ArbiterSnapshot arbiter) {
    public PairSnapshot {
        boxes = Map.copyOf(boxes);
        timeline = List.copyOf(timeline);
        fencing = fencing == null ? "" : fencing;
        drift = drift == null ? FlowsDrift.UNKNOWN : drift;
    }

    /** Without drift and arbiter (older snapshots, tests). */
    public PairSnapshot(String pairId, String name, Mode mode, BoxId active, long epoch, String reason,
                        FailoverStep step, BoxId target, boolean canary, boolean suppressed,
                        Map<BoxId, BoxSnapshot> boxes, List<SupervisorEvent> timeline, String fencing) {
        this(pairId, name, mode, active, epoch, reason, step, target, canary, suppressed, boxes, timeline, fencing,
                null, null);
    }

    /** Without the fencing words (older snapshots, tests). */
    public PairSnapshot(String pairId, String name, Mode mode, BoxId active, long epoch, String reason,
                        FailoverStep step, BoxId target, boolean canary, boolean suppressed,
                        Map<BoxId, BoxSnapshot> boxes, List<SupervisorEvent> timeline) {
        this(pairId, name, mode, active, epoch, reason, step, target, canary, suppressed, boxes, timeline, "");
    }

    /** The same moment with another timeline (the console merges events the snapshot does not carry). */
    public PairSnapshot withTimeline(List<SupervisorEvent> events) {
        return new PairSnapshot(pairId, name, mode, active, epoch, reason, step, target, canary, suppressed, boxes,
                events, fencing, drift, arbiter);
    }

    /** The same moment with the flows drift verdict and the arbiter view. */
    public PairSnapshot withDriftAndArbiter(FlowsDrift flowsDrift, ArbiterSnapshot arbiterView) {
        return new PairSnapshot(pairId, name, mode, active, epoch, reason, step, target, canary, suppressed, boxes,
                timeline, fencing, flowsDrift, arbiterView);
    }
}
