package io.redpair.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.failover.Mode;
import io.redpair.ui.PairBadge.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Badge wording and loudness: pure logic, no toolkit. */
class PairBadgeTest {

    @ParameterizedTest
    @CsvSource({
        "PROTECTED, Protected, OK",
        "UNPROTECTED, Unprotected, WARNING",
        "SUSPECT, Suspect, WARNING",
        "STARTING, Starting, BUSY",
        "FAILING_OVER, Failing over, BUSY",
        "SWITCHING_OVER, Switching over, BUSY",
        "OPERATOR_NEEDED, Operator needed, ALARM",
        "MAINTENANCE, Maintenance, NEUTRAL"})
    void everyModeHasItsWordsAndLevel(Mode mode, String text, Level level) {
        assertThat(PairBadge.of(mode)).isEqualTo(new PairBadge(text, level));
    }

    @Test
    void aPairNobodyDecidesForSaysSoInsteadOfGuessing() {
        assertThat(PairBadge.of(null)).isEqualTo(new PairBadge("Not supervised", Level.NEUTRAL));
    }

    @ParameterizedTest
    @EnumSource(Level.class)
    void eachLevelHasItsOwnStyleClass(Level level) {
        assertThat(level.styleClass()).isEqualTo("level-" + level.name().toLowerCase());
    }
}
