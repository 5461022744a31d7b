package io.redpair.store.secrets;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Optimistic concurrency for the vault: under an OS lock on {@code <vault>.lock}, the file is replaced
 * only if it is still the one the writer read (same SHA-256), or still absent for a new vault. Two
 * {@code redpair secret set} at once therefore never lose one another's secret: the second is refused
 * and can simply be run again.
 */
final class VaultFileLock {

    private VaultFileLock() {
    }

    static void replaceIfUnchanged(Path file, byte[] expectedDigest, byte[] content) throws IOException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            boolean exists = Files.exists(file);
            boolean unchanged = expectedDigest == null ? !exists
                    : exists && MessageDigest.isEqual(expectedDigest, digest(Files.readAllBytes(file)));
            if (!unchanged) {
                throw new SecretStoreException(file + ": changed by another process since it was opened;"
                        + " nothing was written, run the command again");
            }
            AtomicFiles.write(file, content);
        }
    }

    static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
