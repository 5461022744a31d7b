package io.redpair.supervisor;

import java.util.Objects;
import java.util.Optional;

/**
 * When a pair's flows count as drifted, and when that is news. Pure: readings and time (monotonic nanos) are
 * passed in, so the rule is tested without a clock or a box.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Drift is declared only when both boxes were read again at least {@code confirmNanos} after the
 *       reading that revealed the differing revisions, and still showed them: a push deploys the spare first
 *       and the active seconds later, and that window must not flash a warning.</li>
 *   <li>Each drift (each distinct pair of revisions) is announced once, and its end ("match again") once; a
 *       reading that changes nothing announces nothing, however often it comes.</li>
 *   <li>Unknown revisions never give a verdict: UNKNOWN is not MATCH.</li>
 * </ul>
 * Drift is a warning: nothing here, and nothing that reads it, acts on the boxes.
 */
final class FlowsDriftRule {

    private final long confirmNanos;
    private FlowsDrift current = FlowsDrift.UNKNOWN;
    private String seenA;
    private String seenB;
    private long seenSince;
    private FlowsDrift announced;

    /** @param confirmNanos how long differing revisions must persist before they are drift (0: at once) */
    FlowsDriftRule(long confirmNanos) {
        this.confirmNanos = confirmNanos;
    }

    FlowsDrift current() {
        return current;
    }

    /**
     * Takes both boxes' latest revisions and when each was read (monotonic nanos) after a reading; returns the
     * timeline line when the drift verdict is news (drift confirmed, drift between other revisions, or
     * matching again).
     */
    Optional<String> observe(String revA, long readAtA, String revB, long readAtB) {
        if (revA == null || revB == null) {
            return Optional.empty();
        }
        long newest = readAtA - readAtB >= 0 ? readAtA : readAtB;
        long oldest = newest == readAtA ? readAtB : readAtA;
        if (!revA.equals(seenA) || !revB.equals(seenB)) {
            seenA = revA;
            seenB = revB;
            seenSince = newest;
        }
        if (revA.equals(revB)) {
            current = new FlowsDrift(FlowsDrift.State.MATCH, revA, revB);
            if (announced == null) {
                return Optional.empty();
            }
            announced = null;
            return Optional.of(current.matchedAgainWords());
        }
        boolean confirmed = confirmNanos == 0 || oldest - seenSince >= confirmNanos;
        FlowsDrift.State state = confirmed || announced != null ? FlowsDrift.State.DIFFER : FlowsDrift.State.CHECKING;
        current = new FlowsDrift(state, revA, revB);
        if (!confirmed || current.equals(announced)) {
            return Optional.empty();
        }
        announced = current;
        return Optional.of(current.words());
    }

    /**
     * While differing revisions wait for confirmation: when a reading of both boxes would confirm them
     * (the caller schedules one); empty otherwise.
     */
    Optional<Long> confirmationDue() {
        boolean differing = seenA != null && seenB != null && !seenA.equals(seenB);
        if (!differing || Objects.equals(current, announced)) {
            return Optional.empty();
        }
        return Optional.of(seenSince + confirmNanos);
    }
}
