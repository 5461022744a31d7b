package io.redpair.store.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys derived from the master password: one PBKDF2-HMAC-SHA256 run gives a 256-bit master key, from
 * which HMAC-SHA256 expands an AES-256 key and a password check key (HKDF-expand style, distinct
 * labels). The check value lets a wrong password be told apart from a damaged file without weakening
 * anything: testing a guess against it costs the same PBKDF2 run as testing it against the ciphertext.
 */
final class VaultKeys implements AutoCloseable {

    private static final byte[] ENCRYPTION_LABEL = "redpair vault v1 encryption".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECK_LABEL = "redpair vault v1 password check".getBytes(StandardCharsets.US_ASCII);

    private final byte[] encryptionKey;
    private final byte[] check;

    private VaultKeys(byte[] encryptionKey, byte[] check) {
        this.encryptionKey = encryptionKey;
        this.check = check;
    }

    /** Derives the keys; the password array is not modified (the caller wipes it). */
    static VaultKeys derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        byte[] master = null;
        try {
            master = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new VaultKeys(hmac(master, ENCRYPTION_LABEL), hmac(master, CHECK_LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
            if (master != null) {
                Arrays.fill(master, (byte) 0);
            }
        }
    }

    SecretKeySpec aesKey() {
        return new SecretKeySpec(encryptionKey, "AES");
    }

    byte[] check() {
        return check.clone();
    }

    /** Constant-time comparison with the check value stored in a header. */
    boolean matches(byte[] storedCheck) {
        return MessageDigest.isEqual(check, storedCheck);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    @Override
    public void close() {
        Arrays.fill(encryptionKey, (byte) 0);
        Arrays.fill(check, (byte) 0);
    }
}
