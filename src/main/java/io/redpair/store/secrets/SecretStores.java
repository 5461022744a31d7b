package io.redpair.store.secrets;

import io.redpair.pair.SecretStoreKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the store of a given kind for a writer (the GUI's "Store secret…"): the OS keychain of the
 * session in {@code env}, or the vault at {@link VaultLocation} created on first use. Which store is
 * used is always the caller's explicit choice; a failure is thrown, never answered with another store.
 */
public final class SecretStores {

    private final Map<String, String> env;
    private final Path home;

    public SecretStores(Map<String, String> env, Path home) {
        this.env = Map.copyOf(env);
        this.home = home;
    }

    /** This process's environment and home. */
    public static SecretStores standard() {
        return new SecretStores(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public Path vaultFile() {
        return VaultLocation.resolve(null, env, home);
    }

    /** Whether {@link #open} of the vault would create a new one (so the master password is asked twice). */
    public boolean vaultExists() {
        return Files.isRegularFile(vaultFile());
    }

    /**
     * The store of {@code kind}; {@code master} unlocks (or creates) the vault and is ignored for the keychain.
     * The caller wipes {@code master} and closes the store.
     */
    public SecretStore open(SecretStoreKind kind, char[] master) {
        if (kind == SecretStoreKind.KEYCHAIN) {
            return KeychainSecretStore.forEnvironment(env);
        }
        return EncryptedFileSecretStore.openOrCreate(vaultFile(), master, EncryptedFileSecretStore.DEFAULT_ITERATIONS);
    }
}
