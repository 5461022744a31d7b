package io.redpair.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.health.ApiObservation;
import io.redpair.health.ApiObservation.Kind;
import io.redpair.pair.BoxId;
import org.junit.jupiter.api.Test;

class UntrustedKeyWatchTest {

    static final ApiObservation CHANGED = new ApiObservation(Kind.UNTRUSTED_KEY,
            "certificate changed: presented sha256/NEW, pinned sha256/OLD — not trusted");

    final UntrustedKeyWatch watch = new UntrustedKeyWatch("line1");

    @Test
    void alarmsOncePerBoxUntilTheBoxAnswersThroughItsPinnedKeyAgain() {
        assertThat(watch.onApi(BoxId.A, CHANGED)).hasValueSatisfying(t -> assertThat(t)
                .startsWith("Pair line1: A's certificate changed: presented sha256/NEW, pinned sha256/OLD — not trusted")
                .contains("redpair trust --forget"));
        assertThat(watch.onApi(BoxId.A, CHANGED)).isEmpty();
        assertThat(watch.onApi(BoxId.A, ApiObservation.of(Kind.REFUSED))).as("down in between: still untrusted").isEmpty();
        assertThat(watch.onApi(BoxId.A, CHANGED)).isEmpty();
        assertThat(watch.onApi(BoxId.B, CHANGED)).isPresent();
        assertThat(watch.onApi(BoxId.A, ApiObservation.of(Kind.STARTED))).isEmpty();
        assertThat(watch.onApi(BoxId.A, CHANGED)).as("changed again after being trusted").isPresent();
    }

    @Test
    void aChangedKeyIsAMisconfigurationNotEvidenceOfDeath() {
        assertThat(Kind.UNTRUSTED_KEY.isMisconfiguration()).isTrue();
        assertThat(Kind.UNTRUSTED_KEY.isAnswer()).isFalse();
        assertThat(OutcomeMapping.api(new io.redpair.nodered.Outcome.TlsPinMismatch<>("NEW", 1), "sha256/OLD"))
                .isEqualTo(CHANGED);
    }
}
