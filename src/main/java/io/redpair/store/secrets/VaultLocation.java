package io.redpair.store.secrets;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the vault file is: an explicit path, else {@code $REDPAIR_VAULT}, else
 * {@code $XDG_CONFIG_HOME/redpair/secrets.rpv} (default {@code ~/.config/redpair/secrets.rpv}).
 * A service account sets {@code REDPAIR_VAULT} to a file next to its site.
 */
public final class VaultLocation {

    public static final String VAULT_ENV = "REDPAIR_VAULT";

    private VaultLocation() {
    }

    public static Path resolve(Path explicit, Map<String, String> env, Path home) {
        if (explicit != null) {
            return explicit;
        }
        String fromEnv = env.get(VAULT_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
        return config.resolve("redpair").resolve("secrets.rpv");
    }
}
