package io.redpair.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Installs a pinned Node-RED from the npm registry, once per machine, reproducibly.
 *
 * <p>The committed {@code package.json} + {@code package-lock.json} for each supported version
 * (classpath {@code io/redpair/lab/nodered/<version>/}) are installed with {@code npm ci}, so every
 * machine gets the same dependency tree. The install goes to a per-user cache outside
 * {@code target/} ({@code ~/.cache/redpair/node-red/<version>}, root overridable with
 * {@code -Dredpair.cache} or {@code REDPAIR_CACHE}), so {@code mvn clean} does not cost a
 * reinstall. A marker file holding the lockfile's SHA-256 is written last: an install interrupted
 * half-way is detected and redone. An OS file lock (plus a JVM-local monitor, since file locks are
 * per process) makes concurrent JVMs wait for one install instead of racing.
 */
public final class NodeRedInstaller {

    public static final String DEFAULT_VERSION = "4.1.15";
    private static final String MARKER = ".redpair-installed";
    private static final ConcurrentHashMap<String, Object> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path cacheRoot;
    private final String node;
    private final String npm;
    private final Consumer<String> progress;

    /** Failure with a message an operator can act on (missing Node.js, old Node.js, npm error). */
    public static final class InstallException extends Exception {
        public InstallException(String message) {
            super(message);
        }

        public InstallException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Uses {@code node}/{@code npm} from {@code REDPAIR_NODE}/{@code REDPAIR_NPM} (or the properties), else the PATH. */
    public NodeRedInstaller(Path cacheRoot, Consumer<String> progress) {
        this(cacheRoot, NodeTooling.nodeExecutable(), NodeTooling.npmExecutable(), progress);
    }

    public NodeRedInstaller(Path cacheRoot, String node, String npm, Consumer<String> progress) {
        this.cacheRoot = cacheRoot;
        this.node = node;
        this.npm = npm;
        this.progress = progress;
    }

    /** Cache root from {@code -Dredpair.cache}, {@code REDPAIR_CACHE}, else {@code ~/.cache/redpair}. */
    public static NodeRedInstaller withDefaultCache(Consumer<String> progress) {
        String configured = NodeTooling.setting("redpair.cache", "REDPAIR_CACHE", null);
        Path root = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "redpair");
        return new NodeRedInstaller(root, progress);
    }

    /** {@code -Dredpair.nodered.version}, else {@value #DEFAULT_VERSION}. */
    public static String configuredVersion() {
        String v = System.getProperty("redpair.nodered.version");
        return v == null || v.isBlank() ? DEFAULT_VERSION : v.strip();
    }

    public NodeRedInstallation install(String version) throws InstallException {
        byte[] packageJson = resource(version, "package.json");
        byte[] lock = resource(version, "package-lock.json");
        String nodeVersion = NodeTooling.versionOf(node, "Node.js");
        NodeTooling.requireCompatible(version, nodeVersion);
        Path dir = cacheRoot.resolve("node-red").resolve(version);
        String lockHash = sha256(lock);
        synchronized (JVM_LOCKS.computeIfAbsent(version, v -> new Object())) {
            try {
                Files.createDirectories(dir.getParent());
                try (FileChannel channel = FileChannel.open(dir.getParent().resolve(version + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    if (!isInstalled(dir, lockHash)) {
                        runNpmCi(version, dir, packageJson, lock, lockHash);
                    }
                }
            } catch (IOException e) {
                throw new InstallException("cannot install Node-RED " + version + " into " + dir + ": " + e.getMessage(), e);
            }
        }
        Path redJs = dir.resolve("node_modules/node-red/red.js");
        return new NodeRedInstallation(version, dir, redJs, node, nodeVersion);
    }

    private static boolean isInstalled(Path dir, String lockHash) throws IOException {
        Path marker = dir.resolve(MARKER);
        return Files.isRegularFile(marker)
                && Files.readString(marker).strip().equals(lockHash)
                && Files.isRegularFile(dir.resolve("node_modules/node-red/red.js"));
    }

    private void runNpmCi(String version, Path dir, byte[] packageJson, byte[] lock, String lockHash)
            throws IOException, InstallException {
        progress.accept("Installing Node-RED " + version + " with npm " + NodeTooling.versionOf(npm, "npm")
                + " into " + dir + " (once per machine)");
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Files.write(dir.resolve("package.json"), packageJson);
        Files.write(dir.resolve("package-lock.json"), lock);
        ProcessBuilder pb = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund", "--omit=dev", "--loglevel=warn")
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("npm_config_update_notifier", "false");
        Process p = pb.start();
        Deque<String> tail = pump(p.getInputStream());
        int exit;
        try {
            exit = p.waitFor(15, TimeUnit.MINUTES) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InstallException("interrupted while installing Node-RED " + version, e);
        }
        if (exit != 0 || !Files.isRegularFile(dir.resolve("node_modules/node-red/red.js"))) {
            p.destroyForcibly();
            throw new InstallException("npm ci for Node-RED " + version + " failed (exit " + exit + ") in " + dir
                    + ". Is the npm registry reachable?\n" + String.join("\n", tail));
        }
        Path tmp = dir.resolve(MARKER + ".tmp");
        Files.writeString(tmp, lockHash + "\n");
        Files.move(tmp, dir.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        progress.accept("Installed Node-RED " + version);
    }

    /** Forwards npm's lines as progress and keeps the last ones for the error message. */
    private Deque<String> pump(InputStream in) throws IOException {
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                progress.accept("npm: " + line);
                tail.addLast(line);
                if (tail.size() > 20) {
                    tail.removeFirst();
                }
            }
        }
        return tail;
    }

    private static byte[] resource(String version, String name) throws InstallException {
        String path = "nodered/" + version + "/" + name;
        try (InputStream in = NodeRedInstaller.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new InstallException("RedPair has no pinned lock files for Node-RED " + version
                        + " (io/redpair/lab/" + path + "); supported: 4.1.15, 5.0.7");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InstallException("cannot read " + path + " from the classpath", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
