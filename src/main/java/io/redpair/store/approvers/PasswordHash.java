package io.redpair.store.approvers;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash (the KDF the vault uses, ADR 0070). The iteration count is
 * stored with the hash so it can rise for new accounts without breaking old ones.
 *
 * @param salt 16 random bytes, base64
 * @param hash 32 bytes, base64
 */
public record PasswordHash(int iterations, String salt, String hash) {

    /** OWASP 2023 for PBKDF2-HMAC-SHA256, as for the vault. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    public PasswordHash {
        if (iterations < 1_000 || iterations > 10_000_000) {
            throw new IllegalArgumentException("PBKDF2 iterations out of range: " + iterations);
        }
        if (Base64.getDecoder().decode(salt).length < 16 || Base64.getDecoder().decode(hash).length != 32) {
            throw new IllegalArgumentException("salt must be at least 16 bytes and hash 32 bytes (base64)");
        }
    }

    /** Hashes {@code password} with a fresh salt; the caller wipes the password. */
    public static PasswordHash create(char[] password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, b64(salt), b64(derive(password, salt, iterations)));
    }

    /** Constant-time comparison of the derived key. */
    public boolean matches(char[] password) {
        byte[] derived = derive(password, Base64.getDecoder().decode(salt), iterations);
        return MessageDigest.isEqual(derived, Base64.getDecoder().decode(hash));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "PasswordHash[PBKDF2-HMAC-SHA256, " + iterations + " iterations]";
    }
}
