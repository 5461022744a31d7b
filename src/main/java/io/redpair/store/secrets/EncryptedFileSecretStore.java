package io.redpair.store.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in one file encrypted with AES-256-GCM under a key derived from a master password
 * (PBKDF2-HMAC-SHA256, iterations in the header; see ADR 0070).
 *
 * <p>Invariants: every write uses a fresh random 96-bit nonce and authenticates the header as
 * additional data; every write replaces the file atomically; a wrong password or a damaged file is
 * reported before anything is written; values are kept as {@code char[]} and wiped by {@link #close()}.
 * Writes are whole-file and optimistic: a write is refused when another process changed the file
 * since this store read it (see {@link VaultFileLock}), so no update is silently lost.
 */
public final class EncryptedFileSecretStore implements SecretStore {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; a file with fewer is re-encrypted on open. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final int SALT_LENGTH = 16;
    private static final int TAG_BITS = 128;
    private static final long MAX_FILE_BYTES = 16L << 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(EncryptedFileSecretStore.class);

    private final Path file;
    private final int iterations;
    private final byte[] salt;
    private final VaultKeys keys;
    private final TreeMap<String, char[]> secrets;
    /** SHA-256 of the file as this store last read or wrote it; null before the first write of a new vault. */
    private byte[] lastSeen;
    private boolean closed;

    private EncryptedFileSecretStore(Path file, int iterations, byte[] salt, VaultKeys keys,
                                     TreeMap<String, char[]> secrets) {
        this.file = file;
        this.iterations = iterations;
        this.salt = salt;
        this.keys = keys;
        this.secrets = secrets;
    }

    /** Creates a new, empty vault; refuses when the file exists (so a typo never replaces a vault). */
    public static EncryptedFileSecretStore create(Path file, char[] password, int iterations) {
        if (Files.exists(file)) {
            throw new SecretStoreException(file + ": already exists; refusing to replace a vault");
        }
        if (password.length == 0) {
            throw new SecretStoreException("an empty master password is not allowed");
        }
        EncryptedFileSecretStore store = fresh(file, password, iterations, new TreeMap<>());
        store.save();
        LOG.info("vault created: {} ({} PBKDF2 iterations)", file, iterations);
        return store;
    }

    /**
     * Opens an existing vault. When its header holds fewer than {@code minIterations}, the vault is
     * re-encrypted at once with a new salt and {@code minIterations}: the cost can only rise.
     */
    public static EncryptedFileSecretStore open(Path file, char[] password, int minIterations) {
        byte[] content = read(file);
        VaultHeader header = VaultHeader.decode(content, file);
        VaultKeys keys = VaultKeys.derive(password, header.salt(), header.iterations());
        if (!keys.matches(header.check())) {
            keys.close();
            throw new SecretStoreException.WrongPassword(file + ": wrong master password (or the header was altered); nothing was changed");
        }
        TreeMap<String, char[]> secrets = decrypt(content, header, keys, file);
        if (header.iterations() >= minIterations) {
            EncryptedFileSecretStore store = new EncryptedFileSecretStore(file, header.iterations(), header.salt(), keys, secrets);
            store.lastSeen = VaultFileLock.digest(content);
            return store;
        }
        keys.close();
        EncryptedFileSecretStore upgraded = fresh(file, password, minIterations, secrets);
        upgraded.lastSeen = VaultFileLock.digest(content);
        upgraded.save();
        LOG.info("vault {} re-encrypted: PBKDF2 iterations raised from {} to {}", file, header.iterations(), minIterations);
        return upgraded;
    }

    /** Opens the vault if the file exists, otherwise creates it. */
    public static EncryptedFileSecretStore openOrCreate(Path file, char[] password, int iterations) {
        return Files.exists(file) ? open(file, password, iterations) : create(file, password, iterations);
    }

    public Path file() {
        return file;
    }

    public int iterations() {
        return iterations;
    }

    @Override
    public synchronized Optional<char[]> get(String name) {
        requireOpen();
        char[] value = secrets.get(name);
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    @Override
    public synchronized void put(String name, char[] value) {
        requireOpen();
        char[] old = secrets.put(SecretNames.requireValid(name), value.clone());
        save();
        if (old != null) {
            Arrays.fill(old, '\0');
        }
        LOG.info("secret {} {} in vault {}", name, old == null ? "added" : "replaced", file);
    }

    @Override
    public synchronized boolean delete(String name) {
        requireOpen();
        char[] old = secrets.remove(name);
        if (old == null) {
            return false;
        }
        save();
        Arrays.fill(old, '\0');
        LOG.info("secret {} deleted from vault {}", name, file);
        return true;
    }

    @Override
    public synchronized SortedSet<String> names() {
        requireOpen();
        return Collections.unmodifiableSortedSet(new TreeSet<>(secrets.keySet()));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            secrets.values().forEach(v -> Arrays.fill(v, '\0'));
            secrets.clear();
            keys.close();
            closed = true;
        }
    }

    private static EncryptedFileSecretStore fresh(Path file, char[] password, int iterations,
                                                  TreeMap<String, char[]> secrets) {
        if (iterations < 1 || iterations > VaultHeader.MAX_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations out of range: " + iterations);
        }
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return new EncryptedFileSecretStore(file, iterations, salt, VaultKeys.derive(password, salt, iterations), secrets);
    }

    private void save() {
        byte[] nonce = new byte[VaultHeader.NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        byte[] header = new VaultHeader(iterations, salt, keys.check(), nonce).encode();
        byte[] plain = SecretPayload.encode(secrets);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, keys.aesKey(), new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(header);
            byte[] out = Arrays.copyOf(header, header.length + gcm.getOutputSize(plain.length));
            gcm.doFinal(plain, 0, plain.length, out, header.length);
            VaultFileLock.replaceIfUnchanged(file, lastSeen, out);
            lastSeen = VaultFileLock.digest(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
        } catch (IOException e) {
            throw new SecretStoreException(file + ": could not write the vault: " + e.getMessage(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static TreeMap<String, char[]> decrypt(byte[] content, VaultHeader header, VaultKeys keys, Path file) {
        int headerLength = header.length();
        byte[] plain = null;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, keys.aesKey(), new GCMParameterSpec(TAG_BITS, header.nonce()));
            gcm.updateAAD(content, 0, headerLength);
            plain = gcm.doFinal(content, headerLength, content.length - headerLength);
            return SecretPayload.decode(plain, file);
        } catch (AEADBadTagException e) {
            keys.close();
            throw new SecretStoreException.Tampered(file + ": authentication failed; the vault was altered or truncated", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static byte[] read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new SecretStoreException(file + ": larger than " + MAX_FILE_BYTES + " bytes; not a vault");
            }
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SecretStoreException(file + ": no vault here (create one with 'redpair secret set NAME')", e);
        } catch (IOException e) {
            throw new SecretStoreException(file + ": could not read the vault: " + e.getMessage(), e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("secret store is closed");
        }
    }
}
