package io.redpair.store.secrets;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the master password comes from: {@code $REDPAIR_VAULT_PASSWORD} for services (the unit file
 * or its credential store sets it; see docs/security.md), otherwise a console prompt without echo.
 * With neither, the caller gets a clear error rather than any fallback.
 */
public final class MasterPassword {

    public static final String PASSWORD_ENV = "REDPAIR_VAULT_PASSWORD";

    private MasterPassword() {
    }

    /** Reads a password on the console without echo; null when the process has no console. */
    public static char[] fromConsole(String prompt) {
        java.io.Console console = System.console();
        return console == null ? null : console.readPassword("%s", prompt);
    }

    /**
     * Obtains the password. {@code prompt} reads a line without echo and returns null when there is no
     * console. When {@code creating}, a prompted password is asked twice and must match.
     */
    public static char[] obtain(Map<String, String> env, Function<String, char[]> prompt, boolean creating) {
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        char[] first = prompt.apply(creating ? "New vault master password: " : "Vault master password: ");
        if (first == null) {
            throw new SecretStoreException("no master password: set " + PASSWORD_ENV + " or run on a console");
        }
        if (!creating) {
            return first;
        }
        char[] second = prompt.apply("Repeat the master password: ");
        boolean same = second != null && Arrays.equals(first, second);
        if (second != null) {
            Arrays.fill(second, '\0');
        }
        if (!same) {
            Arrays.fill(first, '\0');
            throw new SecretStoreException("the two master passwords differ; nothing was created");
        }
        return first;
    }
}
