package io.redpair.store.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redpair.pair.BoxId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinFileTest {

    static final String PIN_1 = Base64.getEncoder().encodeToString(new byte[32]);
    static final String PIN_2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final BoxPin A = new BoxPin(PIN_1, PIN_2, "CN=a", Instant.parse("2027-01-01T00:00:00Z"), "alice@eng",
            Instant.parse("2026-11-26T04:30:00Z"));

    @TempDir
    Path dir;

    @Test
    void roundTripsAndKeepsTheLastFileAsBackup() throws Exception {
        Path file = PinFile.fileFor(dir.resolve("site.json"));
        assertThat(file.getFileName().toString()).isEqualTo("site.json.pins.json");
        assertThat(PinFile.load(file)).isEqualTo(Pins.none());
        Pins pins = Pins.none().with("line1", BoxId.A, A);
        PinFile.save(file, pins);
        assertThat(PinFile.load(file)).isEqualTo(pins);
        PinFile.save(file, pins.without("line1", BoxId.A));
        assertThat(PinFile.load(file)).isEqualTo(Pins.none());
        assertThat(PinFile.load(file.resolveSibling("site.json.pins.json.bak"))).isEqualTo(pins);
    }

    @Test
    void assessesFirstUseCurrentNextAndChanged() {
        Pins pins = Pins.none().with("line1", BoxId.A, A);
        String other = Base64.getEncoder().encodeToString("ffffffffffffffffffffffffffffffff".getBytes());
        assertThat(pins.assess("line1", BoxId.B, PIN_1)).isEqualTo(TrustVerdict.FIRST_USE);
        assertThat(pins.assess("line1", BoxId.A, "sha256/" + PIN_1)).isEqualTo(TrustVerdict.MATCHES_CURRENT);
        assertThat(pins.assess("line1", BoxId.A, PIN_2)).isEqualTo(TrustVerdict.MATCHES_NEXT);
        assertThat(pins.assess("line1", BoxId.A, other)).isEqualTo(TrustVerdict.CHANGED);
    }

    @Test
    void unknownKeysBadPinsAndBrokenJsonAreNamedWithPathAndLine() throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(file, "{\"version\": 1,\n \"pairs\": {\"line1\": {\"A\": {\"current\": \"" + PIN_1
                + "\",\n \"confirmedBy\": \"x\", \"confirmedAt\": \"2026-11-26T04:30:00Z\", \"trustAll\": true}}}}");
        assertThatThrownBy(() -> PinFile.load(file)).isInstanceOf(PinFileException.class)
                .hasMessageContaining("trustAll").hasMessageContaining("pairs.line1.A.trustAll").hasMessageContaining("line 3");
        Files.writeString(file, "{\"version\": 1, \"pairs\": {\"line1\": {\"A\": {\"current\": \"abc\","
                + " \"confirmedBy\": \"x\", \"confirmedAt\": \"2026-11-26T04:30:00Z\"}}}}");
        assertThatThrownBy(() -> PinFile.load(file)).hasMessageContaining("pairs.line1.A").hasMessageContaining("32 bytes");
        Files.writeString(file, "{\"version\": 1, \"pairs\": {\"line1\": {\"C\": {}}}}");
        assertThatThrownBy(() -> PinFile.load(file)).hasMessageContaining("pairs.line1.C");
        Files.writeString(file, "{\"version\": 1,\n \"pairs\": {");
        assertThatThrownBy(() -> PinFile.load(file)).hasMessageContaining("end-of-input").hasMessageContaining("line 2");
        Files.writeString(file, "{\"version\": 2, \"pairs\": {}}");
        assertThatThrownBy(() -> PinFile.load(file)).hasMessageContaining("\"version\": 1");
    }

    @Test
    void fingerprintsConfirmWithYesOrEightHexDigits() {
        String pin = PIN_2;
        String hex = Fingerprints.hex(pin);
        assertThat(hex).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(Fingerprints.confirms("yes", pin)).isTrue();
        assertThat(Fingerprints.confirms(" YES ", pin)).isTrue();
        assertThat(Fingerprints.confirms(hex.substring(0, 11).toLowerCase(), pin)).isTrue();
        assertThat(Fingerprints.confirms(Fingerprints.shortHex(pin), pin)).isTrue();
        assertThat(Fingerprints.confirms(Fingerprints.shortHex(pin).substring(0, 7), pin)).isFalse();
        assertThat(Fingerprints.confirms("00000000", pin)).isFalse();
        assertThat(Fingerprints.confirms("y", pin)).isFalse();
        assertThat(Fingerprints.confirms(null, pin)).isFalse();
    }
}
