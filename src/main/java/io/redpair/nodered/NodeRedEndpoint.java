package io.redpair.nodered;

import java.net.URI;
import java.util.Objects;

/**
 * Where one Node-RED admin API is and how to talk to it.
 *
 * <p>Invariants: {@code adminUrl} is absolute, http or https, and already contains any
 * {@code httpAdminRoot} (e.g. {@code https://10.0.0.11:1880/admin}); every admin path is resolved
 * under it. {@code httpNodeRoot} (nullable) is where flow-served paths live; when it is given the
 * heartbeat needs no admin call at all (it never needs admin credentials), otherwise the client
 * learns it from {@code /settings} once. {@code tlsPinSha256} (base64 SHA-256 of the server's SubjectPublicKeyInfo) is only
 * allowed with https: a pin on plain http would give a false sense of protection.
 */
public record NodeRedEndpoint(URI adminUrl, NodeRedAuth auth, String tlsPinSha256, Timeouts timeouts,
                              String httpNodeRoot) {

    /** Without a known {@code httpNodeRoot}: the client learns it from {@code /settings} on first need. */
    public NodeRedEndpoint(URI adminUrl, NodeRedAuth auth, String tlsPinSha256, Timeouts timeouts) {
        this(adminUrl, auth, tlsPinSha256, timeouts, null);
    }

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
        if (tlsPinSha256 != null) {
            tlsPinSha256 = SpkiPin.normalize(tlsPinSha256);
        }
    }

    /** Anonymous access with default timeouts, handy for local boxes and tests. */
    public static NodeRedEndpoint anonymous(URI adminUrl) {
        return new NodeRedEndpoint(adminUrl, new NodeRedAuth.None(), null, Timeouts.defaults());
    }

    public NodeRedEndpoint withAuth(NodeRedAuth newAuth) {
        return new NodeRedEndpoint(adminUrl, newAuth, tlsPinSha256, timeouts, httpNodeRoot);
    }

    public NodeRedEndpoint withTimeouts(Timeouts newTimeouts) {
        return new NodeRedEndpoint(adminUrl, auth, tlsPinSha256, newTimeouts, httpNodeRoot);
    }

    public NodeRedEndpoint withTlsPin(String pin) {
        return new NodeRedEndpoint(adminUrl, auth, pin, timeouts, httpNodeRoot);
    }

    public NodeRedEndpoint withHttpNodeRoot(String root) {
        return new NodeRedEndpoint(adminUrl, auth, tlsPinSha256, timeouts, root);
    }

    public NodeRedEndpoint withAdminUrl(URI url) {
        return new NodeRedEndpoint(url, auth, tlsPinSha256, timeouts, httpNodeRoot);
    }
}
