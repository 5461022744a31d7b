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

    /** Every value above; the scan looks for each. */
    public static final List<String> ALL = List.of(BOX_PASSWORD, MASTER_PASSWORD, TOKEN);

    private TestSecrets() {
    }
}
