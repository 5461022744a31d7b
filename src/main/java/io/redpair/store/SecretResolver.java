package io.redpair.store;

import io.redpair.store.secrets.KeychainException;
import io.redpair.store.secrets.KeychainSecretStore;
import io.redpair.store.secrets.MasterPassword;
import io.redpair.store.secrets.SecretStore;
import io.redpair.store.secrets.SecretStoreException;
import io.redpair.store.secrets.VaultSecretResolver;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a secret reference from the site file ({@code env:NAME}, {@code vault:NAME} from the encrypted
 * vault when one is configured, {@code keychain:NAME} from the OS keychain) into the secret itself, at
 * connect time. Never logs or formats a value; errors name the reference only, and a keychain that is
 * missing or locked is an error, never a reason to look elsewhere. Callers clear the returned array.
 */
public final class SecretResolver {

    private final Function<String, String> environment;
    private final VaultSecretResolver vault;
    private final Supplier<? extends SecretStore> keychain;

    /**
     * The resolver of a running RedPair: {@code env:} from the process environment, {@code vault:} from
     * the standard vault ({@code $REDPAIR_VAULT} or {@code ~/.config/redpair/secrets.rpv}), unlocked with
     * {@code $REDPAIR_VAULT_PASSWORD} or a console prompt the first time a {@code vault:} reference is used.
     */
    public SecretResolver() {
        this(System::getenv, VaultSecretResolver.standard(System.getenv(), Path.of(System.getProperty("user.home")),
                MasterPassword::fromConsole), () -> KeychainSecretStore.forEnvironment(System.getenv()));
    }

    /** For tests: a fake environment. */
    public SecretResolver(Function<String, String> environment) {
        this(environment, null);
    }

    /** Resolves {@code env:} from {@code environment} and {@code vault:} from {@code vault} (null: no vault). */
    public SecretResolver(Function<String, String> environment, VaultSecretResolver vault) {
        this(environment, vault, null);
    }

    /**
     * Also resolves {@code keychain:} from the store {@code keychain} supplies (asked on first use; it may
     * throw when there is no keychain here). Null: no keychain is configured.
     */
    public SecretResolver(Function<String, String> environment, VaultSecretResolver vault,
                          Supplier<? extends SecretStore> keychain) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.vault = vault;
        this.keychain = keychain;
    }

    public char[] resolve(String reference) throws SecretException {
        if (VaultSecretResolver.handles(reference)) {
            return resolveFromVault(reference);
        }
        if (KeychainSecretStore.handles(reference)) {
            return resolveFromKeychain(reference);
        }
        if (reference == null || !reference.startsWith("env:")) {
            throw new SecretException("not a secret reference: expected env:NAME, vault:NAME or keychain:NAME (the value"
                    + " given is not shown, it may be a password)");
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

    private char[] resolveFromKeychain(String reference) throws SecretException {
        String name = reference.substring(KeychainSecretStore.PREFIX.length());
        if (keychain == null) {
            throw new SecretException("secret reference " + reference + ": no OS keychain is configured here; "
                    + KeychainException.ALTERNATIVES);
        }
        try (SecretStore store = keychain.get()) {
            return store.get(name).orElseThrow(() -> new SecretException("secret reference " + reference
                    + ": no secret '" + name + "' in the OS keychain (add it: redpair secret set " + name
                    + " --store keychain)"));
        } catch (SecretStoreException | IllegalArgumentException e) {
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
