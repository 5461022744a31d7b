package io.redpair.pair;

import java.util.Locale;

/**
 * Where a site keeps the secrets its engineers add ({@code "secretStore"} in the site file): the
 * encrypted vault file ({@code vault:NAME}, the default: it works on every machine and in services) or
 * the OS keychain ({@code keychain:NAME}). It is the default for {@code redpair secret} and the GUI's
 * "Store secret…"; references already in the file resolve from wherever they say.
 */
public enum SecretStoreKind {
    VAULT, KEYCHAIN;

    /** The word used in the site file and on the command line, and the reference prefix without ':'. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reference a secret of this name gets in the site file, e.g. {@code keychain:LINE1_PW}. */
    public String reference(String secretName) {
        return word() + ":" + secretName;
    }
}
