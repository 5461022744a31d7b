package io.redpair.nodered;

import java.net.URI;
import java.util.Objects;

/**
 * Where one Node-RED admin API is and how to talk to it.
 *
 * <p>Invariants: {@code adminUrl} is absolute, http or https, and already contains any
 * {@code httpAdminRoot} (e.g. {@code https://10.0.0.11:1880/admin}); every admin path is resolved
 * under it. {@code tlsPinSha256} (base64 SHA-256 of the server's SubjectPublicKeyInfo) is only
 * allowed with https: a pin on plain http would give a false sense of protection.
 */
public record NodeRedEndpoint(URI adminUrl, NodeRedAuth auth, String tlsPinSha256, Timeouts timeouts) {

    public NodeRedEndpoint {
        Objects.requireNonNull(adminUrl, "adminUrl");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(timeouts, "timeouts");
        String scheme = adminUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("admin URL must be http:// or https://, got " + adminUrl);
        }
        if (adminUrl.getHost() == null) {
            throw new IllegalArgumentException("admin URL has no host: " + adminUrl);
        }
        if (tlsPinSha256 != null && !"https".equals(scheme)) {
            throw new IllegalArgumentException("a TLS pin needs an https:// admin URL, got " + adminUrl);
        }
    }

    /** Anonymous access with default timeouts, handy for local boxes and tests. */
    public static NodeRedEndpoint anonymous(URI adminUrl) {
        return new NodeRedEndpoint(adminUrl, new NodeRedAuth.None(), null, Timeouts.defaults());
    }

    public NodeRedEndpoint withAuth(NodeRedAuth newAuth) {
        return new NodeRedEndpoint(adminUrl, newAuth, tlsPinSha256, timeouts);
    }

    public NodeRedEndpoint withTimeouts(Timeouts newTimeouts) {
        return new NodeRedEndpoint(adminUrl, auth, tlsPinSha256, newTimeouts);
    }

    public NodeRedEndpoint withTlsPin(String pin) {
        return new NodeRedEndpoint(adminUrl, auth, pin, timeouts);
    }

    public NodeRedEndpoint withAdminUrl(URI url) {
        return new NodeRedEndpoint(url, auth, tlsPinSha256, timeouts);
    }
}
