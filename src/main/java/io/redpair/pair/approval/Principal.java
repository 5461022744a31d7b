package io.redpair.pair.approval;

import java.util.Locale;
import java.util.Objects;

/**
 * A person as the caller authenticated them: the OS user and host, the RedPair user if the console
 * has its own accounts (null otherwise), and an id of the credential they proved themselves with
 * (e.g. {@code os:alice}, {@code redpair:bob}, a key fingerprint). This class trusts what it is given:
 * authenticating the person is the caller's job.
 */
public record Principal(String osUser, String host, String redpairUser, String credentialId) {

    public Principal {
        Objects.requireNonNull(osUser, "osUser");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentialId, "credentialId");
    }

    /**
     * Whether two principals may be one person. The same credential always is; with RedPair accounts on
     * both sides the RedPair users decide (a shared control-room login is normal); otherwise the OS user.
     */
    public boolean mayBeSamePersonAs(Principal other) {
        if (credentialId.equals(other.credentialId)) {
            return true;
        }
        if (redpairUser != null && other.redpairUser != null) {
            return norm(redpairUser).equals(norm(other.redpairUser));
        }
        return norm(osUser).equals(norm(other.osUser));
    }

    private static String norm(String user) {
        return user.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return (redpairUser == null ? "" : redpairUser + " as ") + osUser + "@" + host;
    }
}
