package io.redpair.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The drift rule with time passed in: confirmed once, announced once per change, and cleared once. */
class FlowsDriftRuleTest {

    static final long S = TimeUnit.SECONDS.toNanos(1);
    static final String R1 = "1a2b3c4d5e6f" + "0".repeat(52);
    static final String R2 = "9f8e7d6c5b4a" + "0".repeat(52);
    static final String R3 = "77777777aaaa" + "0".repeat(52);

    final FlowsDriftRule rule = new FlowsDriftRule(15 * S);

    @Test
    void unknownRevisionsGiveNoVerdictAndNoNews() {
        assertThat(rule.observe(R1, 1 * S, null, 0)).isEmpty();
        assertThat(rule.current().state()).isEqualTo(FlowsDrift.State.UNKNOWN);
        assertThat(rule.current().differs()).isFalse();
    }

    @Test
    void equalRevisionsMatchWithoutAnnouncingIt() {
        assertThat(rule.observe(R1, 1 * S, R1, 2 * S)).isEmpty();
        assertThat(rule.current()).isEqualTo(new FlowsDrift(FlowsDrift.State.MATCH, R1, R1));
    }

    @Test
    void differingRevisionsAreOnlyCheckedUntilBothBoxesWereReadAgainAfterTheWindow() {
        rule.observe(R1, 0, R1, 0);
        assertThat(rule.observe(R1, 0, R2, 2 * S)).isEmpty();
        assertThat(rule.current().state()).isEqualTo(FlowsDrift.State.CHECKING);
        assertThat(rule.confirmationDue()).contains(17 * S);
        assertThat(rule.observe(R1, 17 * S, R2, 2 * S)).as("B not re-read since the difference appeared").isEmpty();
        assertThat(rule.current().differs()).isFalse();

        Optional<String> news = rule.observe(R1, 17 * S, R2, 17 * S);

        assertThat(news).contains("Flows differ: A rev 1a2b3c4d…, B rev 9f8e7d6c…");
        assertThat(rule.current().differs()).isTrue();
        assertThat(rule.confirmationDue()).isEmpty();
    }

    @Test
    void aPushThatReachesTheActiveWithinTheWindowNeverWarns() {
        rule.observe(R1, 0, R1, 0);
        rule.observe(R1, 0, R2, 1 * S); // spare deployed first
        assertThat(rule.observe(R2, 6 * S, R2, 1 * S)).isEmpty(); // then the active
        assertThat(rule.observe(R2, 20 * S, R2, 20 * S)).isEmpty();
        assertThat(rule.current().state()).isEqualTo(FlowsDrift.State.MATCH);
    }

    @Test
    void aConfirmedDriftIsAnnouncedOnceHoweverOftenItIsRead() {
        rule.observe(R1, 0, R2, 0);
        assertThat(rule.observe(R1, 15 * S, R2, 15 * S)).isPresent();
        for (long t = 16; t < 200; t += 30) {
            assertThat(rule.observe(R1, t * S, R2, t * S)).isEmpty();
        }
        assertThat(rule.current().differs()).isTrue();
    }

    @Test
    void matchingAgainIsAnnouncedOnceAndClearsTheWarning() {
        rule.observe(R1, 0, R2, 0);
        rule.observe(R1, 15 * S, R2, 15 * S);

        assertThat(rule.observe(R2, 40 * S, R2, 30 * S)).contains("Flows match again: both boxes at rev 9f8e7d6c…");
        assertThat(rule.current().differs()).isFalse();
        assertThat(rule.observe(R2, 70 * S, R2, 70 * S)).isEmpty();
    }

    @Test
    void driftBetweenOtherRevisionsIsNewsOnceConfirmedAndTheWarningStaysMeanwhile() {
        rule.observe(R1, 0, R2, 0);
        rule.observe(R1, 15 * S, R2, 15 * S);

        assertThat(rule.observe(R1, 15 * S, R3, 20 * S)).isEmpty();
        assertThat(rule.current()).isEqualTo(new FlowsDrift(FlowsDrift.State.DIFFER, R1, R3));
        assertThat(rule.observe(R1, 35 * S, R3, 35 * S)).contains("Flows differ: A rev 1a2b3c4d…, B rev 77777777…");
    }

    @Test
    void withoutAWindowTheFirstDifferingReadingIsDrift() {
        FlowsDriftRule oneShot = new FlowsDriftRule(0);
        assertThat(oneShot.observe(R1, 0, R2, 3 * S)).isPresent();
        assertThat(oneShot.current().differs()).isTrue();
    }

    @Test
    void monotonicTimeMayBeNegative() {
        long t0 = Long.MIN_VALUE + 5;
        rule.observe(R1, t0, R2, t0);
        assertThat(rule.observe(R1, t0 + 15 * S, R2, t0 + 16 * S)).isPresent();
    }
}
