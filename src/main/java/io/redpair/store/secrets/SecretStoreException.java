package io.redpair.store.secrets;

/**
 * A secret store could not do what was asked. The message names the file and the reason and never
 * contains a secret value or a password.
 */
public class SecretStoreException extends RuntimeException {

    public SecretStoreException(String message) {
        super(message);
    }

    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The master password did not unlock the file (its check value did not match). Nothing was written. */
    public static final class WrongPassword extends SecretStoreException {
        public WrongPassword(String message) {
            super(message);
        }
    }

    /** The file's content was altered or truncated: authentication of header or ciphertext failed. */
    public static final class Tampered extends SecretStoreException {
        public Tampered(String message) {
            super(message);
        }

        public Tampered(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
