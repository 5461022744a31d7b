package io.redpair.store.trust;

import java.time.Instant;
import java.util.Objects;

/**
 * The confirmed key of one box and, optionally, the key it will present after a planned rotation.
 * Pins are base64 SHA-256 of the DER SubjectPublicKeyInfo (the form OkHttp and HPKP use).
 *
 * @param subject     the certificate subject shown when the pin was confirmed (for people, not for checks)
 * @param confirmedBy who typed the confirmation ({@code user@host})
 */
public record BoxPin(String current, String next, String subject, Instant notAfter, String confirmedBy,
                     Instant confirmedAt) {

    public BoxPin {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(confirmedBy, "confirmedBy");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        current = Fingerprints.requirePin(current);
        next = next == null ? null : Fingerprints.requirePin(next);
    }

    /** The pins a connection may accept now: current, and next when one is staged. */
    public java.util.List<String> accepted() {
        return next == null ? java.util.List.of(current) : java.util.List.of(current, next);
    }

    public BoxPin withNext(String nextPin) {
        return new BoxPin(current, nextPin, subject, notAfter, confirmedBy, confirmedAt);
    }
}
