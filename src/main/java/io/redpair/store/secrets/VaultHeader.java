package io.redpair.store.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The clear header of a vault file. It is authenticated as AES-GCM additional data, so changing any
 * byte of it (iterations, salt, nonce, check value) makes the file fail to open.
 *
 * <p>Layout, big-endian: magic {@code "RPVT"}, format version (1 byte, = 1), KDF id (1 byte,
 * 1 = PBKDF2-HMAC-SHA256), iterations (4 bytes), salt length (1 byte) and salt, password check value
 * (32 bytes), GCM nonce (12 bytes). The ciphertext with its 16-byte tag follows.
 */
record VaultHeader(int iterations, byte[] salt, byte[] check, byte[] nonce) {

    static final byte[] MAGIC = "RPVT".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 1;
    static final int KDF_PBKDF2_SHA256 = 1;
    static final int CHECK_LENGTH = 32;
    static final int NONCE_LENGTH = 12;
    /** Above this, unlocking would take minutes: a header that claims more is treated as damaged. */
    static final int MAX_ITERATIONS = 50_000_000;

    int length() {
        return MAGIC.length + 1 + 1 + 4 + 1 + salt.length + CHECK_LENGTH + NONCE_LENGTH;
    }

    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(length());
        out.put(MAGIC).put((byte) FORMAT_VERSION).put((byte) KDF_PBKDF2_SHA256).putInt(iterations);
        out.put((byte) salt.length).put(salt).put(check).put(nonce);
        return out.array();
    }

    /** Parses the header at the start of {@code file}; errors name the file and what is wrong. */
    static VaultHeader decode(byte[] file, Path source) {
        ByteBuffer in = ByteBuffer.wrap(file);
        byte[] magic = new byte[MAGIC.length];
        if (file.length < MAGIC.length + 7) {
            throw tampered(source, "too short to be a vault (" + file.length + " bytes)");
        }
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new SecretStoreException(source + ": not a RedPair vault (bad magic)");
        }
        int version = in.get() & 0xff;
        int kdf = in.get() & 0xff;
        if (version != FORMAT_VERSION || kdf != KDF_PBKDF2_SHA256) {
            throw new SecretStoreException(source + ": unsupported vault format " + version + " / KDF " + kdf);
        }
        int iterations = in.getInt();
        int saltLength = in.get() & 0xff;
        if (iterations < 1 || iterations > MAX_ITERATIONS || saltLength < 16
                || in.remaining() < saltLength + CHECK_LENGTH + NONCE_LENGTH + 16) {
            throw tampered(source, "damaged header");
        }
        byte[] salt = new byte[saltLength];
        byte[] check = new byte[CHECK_LENGTH];
        byte[] nonce = new byte[NONCE_LENGTH];
        in.get(salt).get(check).get(nonce);
        return new VaultHeader(iterations, salt, check, nonce);
    }

    private static SecretStoreException tampered(Path source, String what) {
        return new SecretStoreException.Tampered(source + ": " + what + "; the file was altered or truncated");
    }
}
