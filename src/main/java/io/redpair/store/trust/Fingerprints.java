package io.redpair.store.trust;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The two spellings of an SPKI SHA-256: base64 for files and clients, colon-separated upper-case
 * hex for people comparing it with what the box shows ({@code openssl x509 -pubkey | openssl pkey
 * -pubin -outform der | sha256sum}).
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** Accepts {@code sha256/<base64>} or bare base64 of 32 bytes; returns bare base64. */
    public static String requirePin(String pin) {
        String bare = pin.startsWith("sha256/") ? pin.substring(7) : pin;
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(bare);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TLS pin is not base64: " + pin);
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("TLS pin must be a SHA-256 (32 bytes), got " + bytes.length + " bytes: " + pin);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** {@code AB:CD:...} for display. */
    public static String hex(String pin) {
        String plain = HexFormat.of().withUpperCase().formatHex(Base64.getDecoder().decode(requirePin(pin)));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < plain.length(); i += 2) {
            out.append(i == 0 ? "" : ":").append(plain, i, i + 2);
        }
        return out.toString();
    }

    /** The first eight hex digits, the short form an operator may type to confirm. */
    public static String shortHex(String pin) {
        return hex(pin).replace(":", "").substring(0, 8);
    }

    /**
     * Whether {@code typed} confirms {@code pin}: {@code yes}, or at least the first eight hex digits of
     * the fingerprint (colons and case ignored).
     */
    public static boolean confirms(String typed, String pin) {
        if (typed == null) {
            return false;
        }
        String t = typed.strip().replace(":", "").toUpperCase(Locale.ROOT);
        return t.equals("YES") || (t.length() >= 8 && hex(pin).replace(":", "").startsWith(t));
    }
}
