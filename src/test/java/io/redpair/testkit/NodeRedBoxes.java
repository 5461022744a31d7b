package io.redpair.testkit;

import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedInstallation;
import io.redpair.lab.NodeRedInstaller;
import io.redpair.lab.NodeRedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that runs real Node-RED boxes for a test class:
 * <pre>
 * {@literal @}RegisterExtension static final NodeRedBoxes BOXES = new NodeRedBoxes();
 * NodeRedProcess box = BOXES.start(BoxOptions.defaults().withUsers(...));
 * </pre>
 * Node-RED is installed once per machine ({@link NodeRedInstaller}, version from
 * {@code -Dredpair.nodered.version}), and its version is printed once per JVM. A box started inside
 * a test is SIGKILLed after that test, one started in {@code @BeforeAll} after the class, pass or
 * fail; a JVM shutdown hook kills whatever is left (e.g. when the run is aborted). UserDirs live
 * under {@code target/nodered-boxes/} so their {@code node-red.log} can be read after a failure.
 */
public final class NodeRedBoxes implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private static final Set<NodeRedProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile NodeRedInstallation installation;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(NodeRedProcess::close), "kill-nodered-boxes"));
        reapLeftovers(boxesRoot());
    }

    /**
     * A JVM killed with SIGKILL (e.g. a surefire timeout) runs no shutdown hook. Its boxes are found
     * by their {@code node-red.pid} files and killed, but only when the JVM that started them is gone
     * (a parallel run keeps its boxes) and that PID's command line still names that box's userDir
     * (an unrelated process that reused the PID is never touched).
     */
    static void reapLeftovers(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var dirs = Files.list(root)) {
            dirs.map(d -> d.resolve("node-red.pid")).filter(Files::isRegularFile).forEach(NodeRedBoxes::reap);
        } catch (IOException e) {
            System.err.println("could not scan " + root + " for leftover Node-RED boxes: " + e.getMessage());
        }
    }

    private static void reap(Path pidFile) {
        try {
            String[] pids = Files.readString(pidFile).strip().split("\\s+");
            long pid = Long.parseLong(pids[0]);
            if (pids.length > 1 && ProcessHandle.of(Long.parseLong(pids[1])).isPresent()) {
                return; // its JVM is still running
            }
            String userDir = pidFile.getParent().toString();
            ProcessHandle.of(pid)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(userDir)).orElse(false))
                    .ifPresent(p -> {
                        System.err.println("killing Node-RED pid " + pid + " left behind by an earlier run (" + userDir + ")");
                        p.destroyForcibly();
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            System.err.println("ignoring unreadable " + pidFile + ": " + e.getMessage());
        }
    }

    private static Path boxesRoot() {
        return Path.of(System.getProperty("redpair.project.dir", "."), "target", "nodered-boxes");
    }

    private final List<NodeRedProcess> classBoxes = new ArrayList<>();
    private List<NodeRedProcess> testBoxes; // non-null while a test method runs

    /** The installed Node-RED (installs on first use, once per machine). */
    public static synchronized NodeRedInstallation installation() {
        if (installation == null) {
            String version = NodeRedInstaller.configuredVersion();
            try {
                installation = NodeRedInstaller.withDefaultCache(line -> System.out.println("[node-red install] " + line))
                        .install(version);
            } catch (NodeRedInstaller.InstallException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            String banner = "Real Node-RED " + installation.version() + " on Node.js " + installation.nodeVersion()
                    + " from " + installation.directory();
            System.out.println(banner);
            System.err.println(banner);
        }
        return installation;
    }

    /** Starts a box and waits until it is ready (heartbeat, or admin API when booted stopped). */
    public NodeRedProcess start(BoxOptions options) {
        NodeRedProcess box = startUnready(options);
        try {
            box.awaitReady(Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return box;
    }

    /** Starts a box without waiting (for tests that measure or expect a failing boot). */
    public synchronized NodeRedProcess startUnready(BoxOptions options) {
        NodeRedInstallation install = installation();
        try {
            Path base = boxesRoot();
            Files.createDirectories(base);
            Path userDir = Files.createTempDirectory(base, "box" + COUNTER.incrementAndGet() + "-");
            NodeRedProcess box = NodeRedProcess.start(install, options, userDir);
            LIVE.add(box);
            (testBoxes != null ? testBoxes : classBoxes).add(box);
            return box;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        testBoxes = new ArrayList<>();
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        killAll(testBoxes);
        testBoxes = null;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        killAll(classBoxes);
    }

    private static void killAll(List<NodeRedProcess> boxes) {
        for (NodeRedProcess box : boxes) {
            box.close();
            LIVE.remove(box);
        }
        boxes.clear();
    }
}
