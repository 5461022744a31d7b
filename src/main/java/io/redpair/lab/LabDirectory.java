package io.redpair.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's working directory. Every lab start begins clean (fresh boxes, empty journal), because a lab left
 * over from an earlier run would reconcile to a stale active. Only a directory carrying the lab marker (or an
 * empty/new one) is ever wiped; boxes left running by a JVM that died are killed by their exact PID, and only
 * when that JVM is gone.
 */
final class LabDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(LabDirectory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabDirectory() {
    }

    static void prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(LabPair.MARKER)) && !isEmpty(dir)) {
            throw new IOException(dir + " is not empty and not a RedPair lab directory (no " + LabPair.MARKER
                    + "); choose another with --dir");
        }
        Files.createDirectories(dir);
        for (Path pidFile : pidFiles(dir.resolve("boxes"))) {
            reap(pidFile);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
        Files.writeString(dir.resolve(LabPair.MARKER), "RedPair lab directory; wiped at every lab start\n");
    }

    /**
     * What the edge boot guard does before Node-RED starts: persist {@code runtimeFlowState: stop}, keeping the
     * file's other keys; written atomically.
     */
    static void holdFlowsStopped(Path userDir) throws IOException {
        Path file = userDir.resolve(".config.runtime.json");
        ObjectNode config = Files.exists(file) && Files.size(file) > 0
                ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
        config.put("runtimeFlowState", "stop");
        Path tmp = userDir.resolve(".config.runtime.json.tmp");
        Files.writeString(tmp, JSON.writeValueAsString(config));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static List<Path> pidFiles(Path boxes) throws IOException {
        if (!Files.isDirectory(boxes)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(boxes)) {
            return s.map(d -> d.resolve("node-red.pid")).filter(Files::isRegularFile).toList();
        }
    }

    private static void reap(Path pidFile) throws IOException {
        String[] pids = Files.readString(pidFile).strip().split("\\s+");
        try {
            long pid = Long.parseLong(pids[0]);
            if (pids.length > 1 && ProcessHandle.of(Long.parseLong(pids[1])).filter(ProcessHandle::isAlive).isPresent()
                    && ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()) {
                throw new IOException("a lab already runs in " + pidFile.getParent().getParent().getParent()
                        + " (RedPair pid " + pids[1] + "); close it or choose another directory with --dir");
            }
            String userDir = pidFile.getParent().toString();
            ProcessHandle.of(pid)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(userDir)).orElse(false))
                    .ifPresent(p -> {
                        LOG.warn("killing Node-RED pid {} left behind by an earlier lab ({})", pid, userDir);
                        p.destroyForcibly();
                        p.onExit().join();
                    });
        } catch (NumberFormatException e) {
            LOG.warn("ignoring unreadable {}: {}", pidFile, e.getMessage());
        }
    }
}
