package io.redpair.testsupport;

import java.util.List;

/**
 * Distinctive secret values used by tests. {@code ZzSecretScanTest} searches every test log and
 * export for them: a test that handles a secret should use one of these so that a leak is caught.
 */
public final class TestSecrets {

    /** A box password. */
    public static final String BOX_PASSWORD = "rp-TESTSECRET-box-7Qx9Lw2Vk";
    /** A master password for vault tests. */
    public static final String MASTER_PASSWORD = "rp-TESTSECRET-master-Hz4Pn8Ty";
    /** A second person's credential in approval tests. */
    public static final String TOKEN = "rp-TESTSECRET-token-Mc3Rj6Ub";

    /** The password that unlocks the private test keyring (PrivateKeyring). */
    public static final String KEYRING_PASSWORD = "rp-TESTSECRET-keyring-Wd5Gs1Nq";
    /** A value stored in the OS keychain by the keychain tests (with a non-ASCII letter and a space). */
    public static final String KEYCHAIN_VALUE = "rp-TESTSECRET-keychain-Ä Jf8Sd3";

    /** Every value above; the scan looks for each. */
    public static final List<String> ALL = List.of(BOX_PASSWORD, MASTER_PASSWORD, TOKEN, KEYRING_PASSWORD,
            KEYCHAIN_VALUE);

    private TestSecrets() {
    }
}
