package io.redpair.nodered;

import java.util.Objects;

/**
 * How the client authenticates to the admin API. Secrets are {@code char[]} so a caller can wipe
 * them; {@code toString()} never prints them (records would, so each record overrides it).
 */
public sealed interface NodeRedAuth {

    /** No {@code adminAuth} on the box. */
    record None() implements NodeRedAuth { }

    /**
     * Node-RED's OAuth password grant ({@code POST /auth/token}, client {@code node-red-admin}).
     * {@code scope} must not exceed the user's permissions: asking a read-only user for {@code "*"}
     * fails with 403 {@code invalid_grant}, exactly like a wrong password.
     */
    record Password(String username, char[] password, String scope) implements NodeRedAuth {
        public Password {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            scope = scope == null ? "*" : scope;
        }

        public Password(String username, char[] password) {
            this(username, password, "*");
        }

        @Override
        public String toString() {
            return "Password[username=" + username + ", scope=" + scope + ", password=***]";
        }
    }

    /**
     * A static machine token checked by {@code adminAuth.tokens}; sent in {@code header} as is, or
     * as {@code Authorization: Bearer <token>} when {@code header} is null. Never expires, so the
     * supervisor needs no re-authentication.
     */
    record StaticToken(String header, char[] token) implements NodeRedAuth {
        public StaticToken {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "StaticToken[header=" + (header == null ? "Authorization: Bearer" : header) + ", token=***]";
        }
    }
}
