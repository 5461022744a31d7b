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
 * learns it from {@code /settings} once.
 *
 * <p>{@code tlsPinSha256} (base64 SHA-256 of the server's SubjectPublicKeyInfo, with or without a
 * {@code sha256/} prefix) pins the box's key; {@code tlsNextPinSha256} optionally pins the key it
 * will rotate to, so a planned certificate change does not break the pair. Pins are only allowed
 * with https (on plain http they would give a false sense of protection), and a next pin only
 * together with a current one. Without a pin, https uses the JDK's CA trust and hostname checks.
 */
public record NodeRedEndpoint(URI adminUrl, NodeRedAuth auth, String tlsPinSha256, Timeouts timeouts,
                              String httpNodeRoot, String tlsNextPinSha256) {

    /** Without a known {@code httpNodeRoot}: the client learns it from {@code /settings} on first need. */
    public NodeRedEndpoint(URI adminUrl, NodeRedAuth auth, String tlsPinSha256, Timeouts timeouts) {
        this(adminUrl, auth, tlsPinSha256, timeouts, null, null);
    }

    public NodeRedEndpoint(URI adminUrl, NodeRedAuth auth, String tlsPinSha256, Timeouts timeouts, String httpNodeRoot) {
        this(adminUrl, auth, tlsPinSha256, timeouts, httpNodeRoot, null);
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
        if (tlsNextPinSha256 != null && tlsPinSha256 == null) {
            throw new IllegalArgumentException("a next TLS pin needs a current pin");
        }
        tlsPinSha256 = tlsPinSha256 == null ? null : SpkiPin.normalize(tlsPinSha256);
        tlsNextPinSha256 = tlsNextPinSha256 == null ? null : SpkiPin.normalize(tlsNextPinSha256);
    }

    /** Anonymous access with default timeouts, handy for local boxes and tests. */
    public static NodeRedEndpoint anonymous(URI adminUrl) {
        return new NodeRedEndpoint(adminUrl, new NodeRedAuth.None(), null, Timeouts.defaults());
    }

    public NodeRedEndpoint withAuth(NodeRedAuth newAuth) {
        return new NodeRedEndpoint(adminUrl, newAuth, tlsPinSha256, timeouts, httpNodeRoot, tlsNextPinSha256);
    }

    public NodeRedEndpoint withTimeouts(Timeouts newTimeouts) {
        return new NodeRedEndpoint(adminUrl, auth, tlsPinSha256, newTimeouts, httpNodeRoot, tlsNextPinSha256);
    }

    /** Replaces the current pin (and drops a next pin when {@code pin} is null). */
    public NodeRedEndpoint withTlsPin(String pin) {
        return new NodeRedEndpoint(adminUrl, auth, pin, timeouts, httpNodeRoot, pin == null ? null : tlsNextPinSha256);
    }

    public NodeRedEndpoint withTlsNextPin(String nextPin) {
        return new NodeRedEndpoint(adminUrl, auth, tlsPinSha256, timeouts, httpNodeRoot, nextPin);
    }

    public NodeRedEndpoint withHttpNodeRoot(String root) {
        return new NodeRedEndpoint(adminUrl, auth, tlsPinSha256, timeouts, root, tlsNextPinSha256);
    }

    public NodeRedEndpoint withAdminUrl(URI url) {
        return new NodeRedEndpoint(url, auth, tlsPinSha256, timeouts, httpNodeRoot, tlsNextPinSha256);
    }
}
