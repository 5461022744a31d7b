package io.redpair.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.store.Reconciliation;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The journalled hold-down anchor, moved onto the monotonic clock of a new run. */
class ReconcilerHoldDownTest {

    private static final Instant NOW = Instant.parse("2026-11-26T07:10:00Z");
    private static final long NOW_NANOS = 5_000_000_000L;

    private static Reconciliation journalled(Instant lastAuto) {
        return new Reconciliation("p", 3, Optional.empty(), Optional.empty(), Optional.ofNullable(lastAuto));
    }

    @Test
    void noAutomaticFailoverInTheJournalMeansNoHoldDown() {
        assertThat(Reconciler.lastAutoFailover(journalled(null), NOW, NOW_NANOS)).isEmpty();
    }

    @Test
    void aFailoverTwoMinutesAgoLiesTwoMinutesBeforeNowOnTheNewClock() {
        OptionalLong anchor = Reconciler.lastAutoFailover(journalled(NOW.minusSeconds(120)), NOW, NOW_NANOS);
        assertThat(anchor).hasValue(NOW_NANOS - 120_000_000_000L);
    }

    @Test
    void aJournalTimeInTheFutureCountsAsJustNowSoTheHoldDownHolds() {
        OptionalLong anchor = Reconciler.lastAutoFailover(journalled(NOW.plusSeconds(3600)), NOW, NOW_NANOS);
        assertThat(anchor).hasValue(NOW_NANOS);
    }
}
