package io.redpair.store.secrets;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Resolves {@code vault:NAME} references from an {@link EncryptedFileSecretStore}. The vault is
 * opened on the first reference only, so a site that uses none never needs a master password.
 * The master password is wiped as soon as the vault is open.
 */
public final class VaultSecretResolver implements AutoCloseable {

    public static final String PREFIX = "vault:";

    private final Path vault;
    private final Supplier<char[]> password;
    private EncryptedFileSecretStore store;

    public VaultSecretResolver(Path vault, Supplier<char[]> password) {
        this.vault = vault;
        this.password = password;
    }

    /**
     * The resolver a process uses: the vault at {@link VaultLocation} and the master password from
     * {@link MasterPassword} ({@code $REDPAIR_VAULT_PASSWORD}, else {@code prompt}), asked for only
     * when a {@code vault:} reference is first resolved.
     */
    public static VaultSecretResolver standard(Map<String, String> env, Path home, Function<String, char[]> prompt) {
        return new VaultSecretResolver(VaultLocation.resolve(null, env, home),
                () -> MasterPassword.obtain(env, prompt, false));
    }

    public static boolean handles(String reference) {
        return reference != null && reference.startsWith(PREFIX);
    }

    /** A copy of the secret the reference names (the caller wipes it); a clear error when it is missing. */
    public synchronized char[] resolve(String reference) {
        if (!handles(reference)) {
            throw new IllegalArgumentException("not a vault reference: " + reference);
        }
        String name = reference.substring(PREFIX.length());
        return openStore().get(name).orElseThrow(() -> new SecretStoreException(
                "secret '" + name + "' is not in the vault " + vault + " (add it: redpair secret set " + name + ")"));
    }

    private EncryptedFileSecretStore openStore() {
        if (store == null) {
            if (!java.nio.file.Files.isRegularFile(vault)) {
                throw new SecretStoreException("no vault at " + vault + " (create it with 'redpair secret set NAME',"
                        + " or point REDPAIR_VAULT at it)");
            }
            char[] master = password.get();
            try {
                // minimum 1: a reader never rewrites the vault; raising the cost is the CLI's job
                store = EncryptedFileSecretStore.open(vault, master, 1);
            } finally {
                Arrays.fill(master, '\0');
            }
        }
        return store;
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
