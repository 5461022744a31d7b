package io.redpair.pair;

import java.net.URI;
import java.util.Objects;

/**
 * Where a box is and how to reach it. {@code url} includes any {@code httpAdminRoot}
 * (e.g. {@code https://10.0.0.11:1880/admin}); {@code tlsPin} is the SHA-256 of the box's
 * SubjectPublicKeyInfo, base64, or null for plain http.
 */
public record BoxConfig(URI url, AuthRef auth, String tlsPin) {
    public BoxConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(auth, "auth");
    }
}
