package io.redpair.flows.push;

import io.redpair.pair.BoxId;
import java.time.Duration;
import java.util.Optional;

/**
 * The switchover step of a push by switchover, as it happened.
 *
 * @param from       the box that was active before
 * @param to         the box that became active (the spare that already carried the new flows)
 * @param outcome    what the switchover port answered
 * @param downtime   the measured gap: last canary answer of {@code from} → first of {@code to}, from this process's
 *                   own polling ({@link CanaryGapMeter}); empty when it could not be measured
 * @param overlapSeen true when both canaries answered at once at some poll (must never happen)
 */
public record SwitchoverReport(BoxId from, BoxId to, SwitchoverOutcome outcome, Optional<Duration> downtime,
                               boolean overlapSeen) {

    public boolean completed() {
        return outcome.completed();
    }

    /** The gap shown to the engineer: our canary measurement, else the supervisor's. */
    public Optional<Duration> shownDowntime() {
        return downtime.isPresent() ? downtime : outcome.supervisorGap();
    }
}
