package io.redpair.flows.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The switchover gap from canary answers with made-up receive times (ms written as nanos). */
class GapTrackerTest {

    private static final long MS = 1_000_000L;

    @Test
    void gapRunsFromTheOldBoxsLastAnswerToTheNewBoxsFirst() {
        GapTracker t = new GapTracker();
        t.newAnswered(false, 0);
        t.oldAnswered(true, 10 * MS);
        t.oldAnswered(true, 20 * MS);
        t.newAnswered(false, 25 * MS);
        t.oldAnswered(false, 30 * MS);
        t.newAnswered(true, 62 * MS);
        t.newAnswered(true, 72 * MS);
        t.oldAnswered(false, 75 * MS);

        assertThat(t.newSeen()).isTrue();
        assertThat(t.gap()).isEqualTo(new GapTracker.Gap(java.util.Optional.of(Duration.ofMillis(42)), false));
    }

    @Test
    void anOldAnswerAfterTheNewBoxsFirstIsAnOverlapAndNoGap() {
        GapTracker t = new GapTracker();
        t.oldAnswered(true, 10 * MS);
        t.newAnswered(true, 15 * MS);
        t.oldAnswered(true, 20 * MS);

        assertThat(t.gap().overlapSeen()).isTrue();
        assertThat(t.gap().downtime()).isEmpty();
    }

    @Test
    void anOldAnswerSentAfterTheNewBoxsFirstIsAnOverlap() {
        GapTracker t = new GapTracker();
        t.newAnswered(true, 15 * MS);
        t.oldAnswered(true, 16 * MS, 18 * MS);

        assertThat(t.gap().overlapSeen()).isTrue();
    }

    /** A loaded client: the old box's last 2xx was produced before the switchover but arrived late. */
    @Test
    void anOldAnswerSentBeforeButReceivedAfterTheNewBoxsFirstIsNoOverlap() {
        GapTracker t = new GapTracker();
        t.oldAnswered(true, 10 * MS, 12 * MS);
        t.oldAnswered(true, 14 * MS, 40 * MS);
        t.newAnswered(true, 30 * MS);

        assertThat(t.gap()).isEqualTo(new GapTracker.Gap(java.util.Optional.of(Duration.ZERO), false));
    }

    @Test
    void withoutTheNewBoxEverAnsweringThereIsNoFigure() {
        GapTracker t = new GapTracker();
        t.oldAnswered(true, 10 * MS);
        t.newAnswered(false, 20 * MS);

        assertThat(t.newSeen()).isFalse();
        assertThat(t.gap()).isEqualTo(new GapTracker.Gap(java.util.Optional.empty(), false));
    }
}
