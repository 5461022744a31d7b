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
            Path base = Path.of(System.getProperty("redpair.project.dir", "."), "target", "nodered-boxes");
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
