package io.redpair.nodered;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.util.Base64;

/**
 * SHA-256 pins of a certificate's SubjectPublicKeyInfo, base64 (the HPKP / OkHttp
 * {@code sha256/...} form without the prefix). Pinning the key, not the certificate, lets a box
 * renew its self-signed certificate with the same key without re-confirmation.
 */
public final class SpkiPin {

    private SpkiPin() {
    }

    /** Base64 SHA-256 of the certificate's DER SubjectPublicKeyInfo. */
    public static String of(Certificate certificate) {
        return Base64.getEncoder().encodeToString(sha256(certificate.getPublicKey().getEncoded()));
    }

    /** Accepts {@code sha256/<base64>} or bare base64; returns bare base64 or throws with the reason. */
    public static String normalize(String pin) {
        String bare = pin.startsWith("sha256/") ? pin.substring("sha256/".length()) : pin;
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(bare);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TLS pin is not base64: " + pin, e);
        }
        if (decoded.length != 32) {
            throw new IllegalArgumentException("TLS pin must be a base64 SHA-256 (32 bytes), got " + decoded.length + " bytes");
        }
        return bare;
    }

    /** Constant-time comparison, so a probing peer learns nothing from timing. */
    static boolean matches(String expectedPin, Certificate presented) {
        return MessageDigest.isEqual(expectedPin.getBytes(StandardCharsets.US_ASCII),
                of(presented).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
