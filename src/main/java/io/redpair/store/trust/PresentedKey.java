package io.redpair.store.trust;

import java.time.Instant;
import java.util.Objects;

/**
 * What a box presented, as far as trust needs it (the caller maps it from the Node-RED client's TLS
 * probe, so this package needs no network code). {@code spkiSha256} is base64.
 */
public record PresentedKey(String subject, String issuer, Instant notBefore, Instant notAfter, String spkiSha256) {

    public PresentedKey {
        Objects.requireNonNull(subject, "subject");
        spkiSha256 = Fingerprints.requirePin(spkiSha256);
    }

    /** The lines shown to the operator before asking for confirmation. */
    public String describe() {
        return "subject:     " + subject + "\n"
                + "issuer:      " + issuer + "\n"
                + "valid:       " + notBefore + " .. " + notAfter + "\n"
                + "SPKI SHA-256 " + Fingerprints.hex(spkiSha256) + "\n"
                + "pin:         sha256/" + spkiSha256;
    }
}
