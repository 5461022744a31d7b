package io.redpair.supervisor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The one-actor-per-site guarantee: an OS file lock on {@code <site file>.lock}. Whoever holds it is the only
 * process that may act on the site's boxes — a running {@code supervise}, or a one-shot command when none runs.
 *
 * <p>Why an OS lock: it is released by the kernel when the process dies (even by SIGKILL), so a crash never
 * leaves a stale lock that would need manual clean-up. The lock file also holds the holder's pid, but only for
 * the message; the lock itself is the truth.
 */
public final class SiteLock implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private SiteLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a site file. */
    public static Path fileFor(Path siteFile) {
        Path abs = siteFile.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + ".lock");
    }

    /**
     * Takes the site's lock without waiting.
     *
     * @return the held lock, or empty when another process (or another holder in this JVM) has it
     */
    public static Optional<SiteLock> tryAcquire(Path siteFile) throws IOException {
        Path file = fileFor(siteFile);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return Optional.of(new SiteLock(file, channel, lock));
    }

    /** The pid written by the current holder, for messages only ("held by pid 1234"). */
    public static String holderOf(Path siteFile) {
        try {
            String text = Files.readString(fileFor(siteFile), StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? "unknown" : text;
        } catch (IOException e) {
            return "unknown";
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
