package io.redpair.store;

import io.redpair.store.secrets.MasterPassword;
import io.redpair.store.secrets.SecretStoreException;
import io.redpair.store.secrets.VaultSecretResolver;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns a secret reference from the site file ({@code env:NAME}, or {@code vault:NAME} from the
 * encrypted vault when one is configured) into the secret itself, at connect time. {@code keychain:NAME}
 * is accepted by the site file but not resolved yet. Never logs or formats a value; errors name the
 * reference only. Callers should clear the returned array when done.
 */
public final class SecretResolver {

    private final Function<String, String> environment;
    private final VaultSecretResolver vault;

    /**
     * The resolver of a running RedPair: {@code env:} from the process environment, {@code vault:} from
     * the standard vault ({@code $REDPAIR_VAULT} or {@code ~/.config/redpair/secrets.rpv}), unlocked with
     * {@code $REDPAIR_VAULT_PASSWORD} or a console prompt the first time a {@code vault:} reference is used.
     */
    public SecretResolver() {
        this(System::getenv, VaultSecretResolver.standard(System.getenv(), Path.of(System.getProperty("user.home")),
                MasterPassword::fromConsole));
    }

    /** For tests: a fake environment. */
    public SecretResolver(Function<String, String> environment) {
        this(environment, null);
    }

    /** Resolves {@code env:} from {@code environment} and {@code vault:} from {@code vault} (null: no vault). */
    public SecretResolver(Function<String, String> environment, VaultSecretResolver vault) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.vault = vault;
    }

    public char[] resolve(String reference) throws SecretException {
        if (VaultSecretResolver.handles(reference)) {
            return resolveFromVault(reference);
        }
        if (reference != null && reference.startsWith("keychain:")) {
            throw new SecretException("secret reference " + reference + ": keychain references are not yet supported;"
                    + " use env:NAME or vault:NAME");
        }
        if (reference == null || !reference.startsWith("env:")) {
            throw new SecretException("not a secret reference: expected env:NAME or vault:NAME (the value given is not"
                    + " shown, it may be a password)");
        }
        String value = environment.apply(reference.substring(4));
        if (value == null) {
            throw new SecretException("secret reference " + reference + ": environment variable is not set");
        }
        return value.toCharArray();
    }

    private char[] resolveFromVault(String reference) throws SecretException {
        if (vault == null) {
            throw new SecretException("secret reference " + reference + ": no vault is configured here"
                    + " (set REDPAIR_VAULT and REDPAIR_VAULT_PASSWORD for a service)");
        }
        try {
            return vault.resolve(reference);
        } catch (SecretStoreException e) {
            throw new SecretException("secret reference " + reference + ": " + e.getMessage());
        }
    }

    /** A secret reference could not be resolved; the message names the reference, never a value. */
    public static final class SecretException extends Exception {
        public SecretException(String message) {
            super(message);
        }
    }
}
