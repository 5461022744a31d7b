package io.redpair.store.secrets;

/**
 * The OS keychain could not do what was asked. Never a reason to fall back to anything else: the
 * caller reports it, and the engineer chooses {@code vault:} or {@code env:} deliberately.
 */
public class KeychainException extends SecretStoreException {

    /** What an engineer can do instead; appended to every keychain message. */
    public static final String ALTERNATIVES = "use the encrypted vault instead (redpair secret set NAME --store vault,"
            + " reference vault:NAME) or, for a service, env:NAME";

    KeychainException(String message) {
        super(message);
    }

    /** No keychain here: no Secret Service on the bus, no bus, no {@code secret-tool}, or an unsupported OS. */
    public static final class Unavailable extends KeychainException {
        public Unavailable(String message) {
            super(message);
        }
    }

    /** The keychain is there but locked; nothing was read or written. */
    public static final class Locked extends KeychainException {
        public Locked(String message) {
            super(message);
        }
    }
}
