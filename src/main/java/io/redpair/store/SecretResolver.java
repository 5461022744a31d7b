package io.redpair.store;

import java.util.Objects;
import java.util.function.Function;

/**
 * Turns a secret reference from the site file ({@code env:NAME}) into the secret itself, at connect
 * time. Never logs or formats a value; errors name the reference only. Callers should clear the
 * returned array when done.
 */
public final class SecretResolver {

    private final Function<String, String> environment;

    public SecretResolver() {
        this(System::getenv);
    }

    /** For tests: a fake environment. */
    public SecretResolver(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public char[] resolve(String reference) throws SecretException {
        if (reference == null || !reference.startsWith("env:")) {
            throw new SecretException("secret reference " + reference + " cannot be resolved");
        }
        String value = environment.apply(reference.substring(4));
        if (value == null) {
            throw new SecretException("secret reference " + reference + ": environment variable is not set");
        }
        return value.toCharArray();
    }

    /** A secret reference could not be resolved; the message names the reference, never a value. */
    public static final class SecretException extends Exception {
        public SecretException(String message) {
            super(message);
        }
    }
}
