package io.redpair.store.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import io.redpair.pair.Site;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfirmedPinsTest {

    static final String PIN = Base64.getEncoder().encodeToString(new byte[32]);
    static final String OTHER = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    static Site site(String aUrl, String aPin) {
        Pair pair = new Pair("line1", "Line 1", Map.of(
                BoxId.A, new BoxConfig(URI.create(aUrl), AuthRef.none(), aPin),
                BoxId.B, new BoxConfig(URI.create("http://10.0.0.12:1880"), AuthRef.none(), null)),
                BoxId.A, null, null, Policy.defaults());
        return new Site("Hall B", List.of(pair));
    }

    static Pins confirmed(String pin) {
        BoxPin p = new BoxPin(pin, null, "CN=a", null, "alice@eng", Instant.parse("2026-11-26T04:30:00Z"));
        return Pins.none().with("line1", BoxId.A, p).with("line1", BoxId.B, p);
    }

    @Test
    void aConfirmedPinIsUsedForHttpsBoxesWithoutOne() {
        Site out = ConfirmedPins.apply(site("https://10.0.0.11:1880", null), confirmed(PIN));
        assertThat(out.pair("line1").orElseThrow().box(BoxId.A).tlsPin()).isEqualTo(PIN);
        assertThat(out.pair("line1").orElseThrow().box(BoxId.B).tlsPin()).as("http box: nothing to pin").isNull();
        assertThat(ConfirmedPins.apply(site("https://10.0.0.11:1880", null), Pins.none()).pair("line1").orElseThrow()
                .box(BoxId.A).tlsPin()).isNull();
    }

    @Test
    void aMatchingSiteFilePinIsKeptAndADifferentOneIsRefused() {
        Site same = ConfirmedPins.apply(site("https://10.0.0.11:1880", "sha256/" + PIN), confirmed(PIN));
        assertThat(same.pair("line1").orElseThrow().box(BoxId.A).tlsPin()).isEqualTo("sha256/" + PIN);
        assertThatThrownBy(() -> ConfirmedPins.apply(site("https://10.0.0.11:1880", OTHER), confirmed(PIN)))
                .hasMessageContaining("line1/A").hasMessageContaining("differs from the key confirmed");
    }

    @Test
    void aStagedNextPinGoesAlongSoEitherKeyIsAccepted() {
        BoxPin rotating = new BoxPin(PIN, OTHER, "CN=a", null, "alice@eng", Instant.parse("2026-11-26T04:30:00Z"));
        Site out = ConfirmedPins.apply(site("https://10.0.0.11:1880", null), Pins.none().with("line1", BoxId.A, rotating));
        assertThat(out.pair("line1").orElseThrow().box(BoxId.A).tlsPin()).isEqualTo(PIN);
        assertThat(out.pair("line1").orElseThrow().box(BoxId.A).tlsNextPin()).isEqualTo(OTHER);
        Site same = ConfirmedPins.apply(site("https://10.0.0.11:1880", PIN), Pins.none().with("line1", BoxId.A, rotating));
        assertThat(same.pair("line1").orElseThrow().box(BoxId.A).tlsNextPin()).isEqualTo(OTHER);
    }
}
