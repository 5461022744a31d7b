package io.redpair.pair;

import java.net.URI;
import java.util.Objects;

/**
 * Where a box is and how to reach it. {@code url} includes any {@code httpAdminRoot}
 * (e.g. {@code https://10.0.0.11:1880/admin}); {@code tlsPin} is the SHA-256 of the box's
 * SubjectPublicKeyInfo, base64, or null for plain http. {@code tlsNextPin} is the key a box will present
 * after a planned rotation (staged with {@code redpair trust --next-pin}; never from the site file itself):
 * during the rotation either key is accepted.
 */
public record BoxConfig(URI url, AuthRef auth, String tlsPin, String tlsNextPin) {
    public BoxConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(auth, "auth");
        if (tlsNextPin != null && tlsPin == null) {
            throw new IllegalArgumentException("a next TLS pin needs a current pin");
        }
    }

    /** Without a staged next pin (the site file's form). */
    public BoxConfig(URI url, AuthRef auth, String tlsPin) {
        this(url, auth, tlsPin, null);
    }
}
