package io.redpair.arbiter;

import io.redpair.pair.BoxId;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * What the simulated device keeps in flash: the highest accepted epoch, the latching selector's
 * position, the fence relays and the boot counter. Written atomically (temp file + rename) so a crash
 * mid-write leaves either the old or the new state, never a torn one. A null path keeps it in memory.
 */
final class DeviceStateFile {

    /** The persisted values. */
    record Saved(long epoch, Selection selected, boolean fencedA, boolean fencedB, long bootCount) {
        boolean fenced(BoxId box) {
            return box == BoxId.A ? fencedA : fencedB;
        }
    }

    private final Path path;

    DeviceStateFile(Path path) {
        this.path = path;
    }

    /** Reads the file; a missing file is a factory-fresh device. A corrupt one is an error naming the file and key. */
    Saved load() throws IOException {
        if (path == null || !Files.exists(path)) {
            return new Saved(0, Selection.NONE, false, false, 0);
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            return new Saved(Long.parseLong(p.getProperty("epoch", "0")), Selection.valueOf(p.getProperty("sel", "NONE")),
                    "1".equals(p.getProperty("fA")), "1".equals(p.getProperty("fB")), Long.parseLong(p.getProperty("boot", "0")));
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": unreadable arbiter state (" + e.getMessage() + "); keys: epoch, sel, fA, fB, boot", e);
        }
    }

    void save(Saved s) throws IOException {
        if (path == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("epoch", Long.toString(s.epoch()));
        p.setProperty("sel", s.selected().name());
        p.setProperty("fA", s.fencedA() ? "1" : "0");
        p.setProperty("fB", s.fencedB() ? "1" : "0");
        p.setProperty("boot", Long.toString(s.bootCount()));
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "RedPair arbiter simulator state");
        }
        try {
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
