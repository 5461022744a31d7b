package io.redpair.pair;

import java.util.Objects;

/**
 * How RedPair authenticates to a box's admin API. Never holds a password: {@code secretRef} is a
 * reference such as {@code env:LINE1_B_PW}, resolved at connect time by the store.
 */
public record AuthRef(Kind kind, String username, String secretRef, String tokenHeader, String scope) {

    public enum Kind { NONE, PASSWORD, TOKEN }

    public AuthRef {
        Objects.requireNonNull(kind, "kind");
    }

    public static AuthRef none() {
        return new AuthRef(Kind.NONE, null, null, null, null);
    }

    public static AuthRef password(String username, String secretRef) {
        return new AuthRef(Kind.PASSWORD, username, secretRef, null, "*");
    }

    /** A static machine token (Node-RED {@code adminAuth.tokens}); header null means Authorization: Bearer. */
    public static AuthRef token(String secretRef, String tokenHeader) {
        return new AuthRef(Kind.TOKEN, null, secretRef, tokenHeader, null);
    }
}
