package io.redpair.ui.editor;

import io.redpair.pair.SecretStoreKind;
import io.redpair.store.secrets.SecretNames;
import io.redpair.store.secrets.SecretStore;
import io.redpair.store.secrets.SecretStores;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The logic of the pair editor's "Store secret…" dialog, without the toolkit: what is still missing in
 * words, and storing the typed secret into the chosen store, giving back the reference for the site file.
 *
 * <p>Invariants: the secret goes only into the chosen store (a failure is reported, never answered by
 * another store or by putting the value in the form); every {@code char[]} of a {@link Request} is wiped
 * by {@link #store}, success or not; nothing here logs or formats a value.
 */
public final class StoreSecretViewModel {

    /** What the dialog holds when Store is pressed. Arrays, so they can be wiped. */
    public record Request(String name, SecretStoreKind store, char[] secret, char[] repeat, char[] master,
                          char[] masterRepeat) {

        void wipe() {
            for (char[] a : new char[][] {secret, repeat, master, masterRepeat}) {
                if (a != null) {
                    Arrays.fill(a, '\0');
                }
            }
        }
    }

    private final SecretStoreKind defaultStore;
    private final SecretStores stores;

    /** @param defaultStore the site's {@code secretStore}, preselected in the dialog */
    public StoreSecretViewModel(SecretStoreKind defaultStore, SecretStores stores) {
        this.defaultStore = defaultStore;
        this.stores = stores;
    }

    public SecretStoreKind defaultStore() {
        return defaultStore;
    }

    /** True when storing into the vault creates it, so the master password must be typed twice. */
    public boolean createsVault(SecretStoreKind kind) {
        return kind == SecretStoreKind.VAULT && !stores.vaultExists();
    }

    /** Where the secret will go, in words, for the dialog. */
    public String destination(SecretStoreKind kind) {
        if (kind == SecretStoreKind.KEYCHAIN) {
            return "The OS keychain of this login (Linux Secret Service). The site file gets keychain:NAME.";
        }
        return (createsVault(kind) ? "A new encrypted vault " : "The encrypted vault ") + stores.vaultFile()
                + ". The site file gets vault:NAME.";
    }

    /** A secret name from the pair id, e.g. {@code line-1-pw}; empty while the id is not usable. */
    public static String suggestedName(String pairId) {
        String base = pairId == null ? "" : pairId.strip().toLowerCase(Locale.ROOT);
        return base.matches("[a-z0-9][a-z0-9-]{0,39}") ? base + "-pw" : "";
    }

    /** What stops Store, in words; empty when the request can be stored. */
    public Optional<String> problem(Request r) {
        try {
            SecretNames.requireValid(r.name() == null ? null : r.name().strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("Name: 1-128 of A-Z a-z 0-9 _ . - starting with a letter or digit");
        }
        if (r.secret() == null || r.secret().length == 0) {
            return Optional.of("Type the secret");
        }
        if (!Arrays.equals(r.secret(), r.repeat())) {
            return Optional.of("The two secrets differ");
        }
        if (r.store() == SecretStoreKind.VAULT && (r.master() == null || r.master().length == 0)) {
            return Optional.of("Type the vault's master password");
        }
        if (createsVault(r.store()) && !Arrays.equals(r.master(), r.masterRepeat())) {
            return Optional.of("The two master passwords differ");
        }
        return Optional.empty();
    }

    /**
     * Stores the secret and returns its reference ({@code vault:NAME} / {@code keychain:NAME}). Blocking
     * (key derivation, the keychain's process): call it off the UI thread. Throws with a message for the
     * engineer; wipes the request's arrays either way.
     */
    public String store(Request r) {
        try {
            Optional<String> problem = problem(r);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
            String name = r.name().strip();
            try (SecretStore store = stores.open(r.store(), r.master())) {
                store.put(name, r.secret());
            }
            return r.store().reference(name);
        } finally {
            r.wipe();
        }
    }
}
