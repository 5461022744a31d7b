package io.redpair.lab;

import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedAuth;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.NodeRedEndpoint;
import io.redpair.nodered.Outcome;
import io.redpair.nodered.Timeouts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local Node-RED runtime RedPair started itself: its own userDir, a free loopback port, output
 * appended to {@code <userDir>/node-red.log}. It tracks the exact PID it spawned ({@code node red.js},
 * no wrapper; in a network namespace {@code ip netns exec} exec()s node, so the PID is node's) and
 * signals only that PID, never a process name. {@link #restart()} reuses the port
 * and userDir, so persisted state ({@code .config.runtime.json}, sessions, context) carries over
 * like a real box reboot.
 */
public final class NodeRedProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeRedProcess.class);

    private final NodeRedInstallation install;
    private final BoxOptions options;
    private final Path userDir;
    private final int port;
    private final String tlsPin;
    private volatile Process process;

    private NodeRedProcess(NodeRedInstallation install, BoxOptions options, Path userDir, int port, String tlsPin) {
        this.install = install;
        this.options = options;
        this.userDir = userDir;
        this.port = port;
        this.tlsPin = tlsPin;
    }

    /** Prepares {@code userDir} and spawns the runtime; call {@link #awaitReady(Duration)} next. */
    public static NodeRedProcess start(NodeRedInstallation install, BoxOptions options, Path userDir) throws IOException {
        int port = freeLoopbackPort();
        String pin = UserDirSetup.prepare(install, options, userDir, port);
        NodeRedProcess box = new NodeRedProcess(install, options, userDir, port, pin);
        box.spawn();
        return box;
    }

    private void spawn() throws IOException {
        List<String> command = new ArrayList<>(options.network().commandPrefix());
        command.addAll(List.of(install.nodeExecutable(), install.redJs().toString(),
                "--userDir", userDir.toString(), "--settings", userDir.resolve("settings.js").toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(userDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("NODE_RED_"));
        pb.environment().putAll(options.env());
        process = pb.start();
        Files.writeString(pidFile(), process.pid() + "\n" + ProcessHandle.current().pid() + "\n");
        LOG.info("Node-RED {} started: pid {}, {} , userDir {}", install.version(), process.pid(), adminUrl(), userDir);
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public Path userDir() {
        return userDir;
    }

    /**
     * {@code <userDir>/node-red.pid}: the box's PID, then the PID of the JVM that started it. Lets a
     * later run reap a box left behind by a killed JVM (and only then: the owner must be gone).
     */
    public Path pidFile() {
        return userDir.resolve("node-red.pid");
    }

    public Path logFile() {
        return userDir.resolve("node-red.log");
    }

    public BoxOptions options() {
        return options;
    }

    public NodeRedInstallation installation() {
        return install;
    }

    /** Base64 SPKI SHA-256 of the box's self-signed certificate, or null for http. */
    public String tlsPin() {
        return tlsPin;
    }

    /** Admin URL including httpAdminRoot. */
    public URI adminUrl() {
        String root = options.httpAdminRoot() == null ? "" : options.httpAdminRoot();
        return URI.create((options.https() ? "https" : "http") + "://" + host() + ":" + port + root);
    }

    /** The address the box listens on and is reached at (loopback unless it runs in a network namespace). */
    public String host() {
        return options.network().address();
    }

    /** An endpoint with full admin rights: the static token, else the first "*" user, else anonymous. */
    public NodeRedEndpoint endpoint() {
        return endpoint(defaultAuth());
    }

    public NodeRedEndpoint endpoint(NodeRedAuth auth) {
        return new NodeRedEndpoint(adminUrl(), auth, tlsPin, Timeouts.defaults(),
                options.httpNodeRoot() == null ? "/" : options.httpNodeRoot());
    }

    private NodeRedAuth defaultAuth() {
        if (options.staticToken() != null) {
            return new NodeRedAuth.StaticToken(options.tokenHeader(), options.staticToken().toCharArray());
        }
        return options.users().stream().filter(u -> "*".equals(u.permissions())).findFirst()
                .<NodeRedAuth>map(u -> new NodeRedAuth.Password(u.username(), u.password().toCharArray(), "*"))
                .orElse(new NodeRedAuth.None());
    }

    /**
     * Waits until the box is ready: for a box booted stopped, until the admin API answers (its
     * heartbeat is 404 by design); otherwise until flows serve the heartbeat path.
     * {@code /flows/state} alone never proves a running box: it says "start" before nodes exist.
     */
    public Duration awaitReady(Duration timeout) throws IOException {
        return options.bootStopped() ? awaitFlowsState(FlowsState.STOP, timeout) : awaitHeartbeat(timeout);
    }

    /**
     * Waits until {@code GET /flows/state} reports {@code expected}. Needed after a cold boot with a
     * persisted stop: the admin API can answer "start" for a moment before the runtime has read
     * {@code .config.runtime.json} (observed on 4.1.15).
     */
    public Duration awaitFlowsState(FlowsState expected, Duration timeout) throws IOException {
        return await(timeout, client -> {
            Outcome<FlowsState> state = client.flowsState();
            return state.isOk() && state.value() != expected
                    ? new Outcome.NotFound<>("state is " + state.value() + ", waiting for " + expected, state.latencyNanos())
                    : state;
        });
    }

    /** Waits until the flow-served heartbeat answers 2xx. */
    public Duration awaitHeartbeat(Duration timeout) throws IOException {
        return await(timeout, client -> client.heartbeat(options.heartbeatPath()));
    }

    /** Waits until {@code GET /flows/state} answers (runtime up, whatever the flow state). */
    public Duration awaitAdminApi(Duration timeout) throws IOException {
        return await(timeout, NodeRedClient::flowsState);
    }

    private Duration await(Duration timeout, java.util.function.Function<NodeRedClient, Outcome<?>> probe)
            throws IOException {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        try (NodeRedClient client = NodeRedClient.create(endpoint())) {
            Outcome<?> last = null;
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("Node-RED exited with " + process.exitValue() + " before it was ready; log:\n"
                            + logTail(30));
                }
                last = probe.apply(client);
                if (last.isOk()) {
                    return Duration.ofNanos(System.nanoTime() - t0);
                }
                sleep(40);
            }
            throw new IOException("Node-RED on port " + port + " not ready after " + timeout.toMillis() + " ms (last: "
                    + (last == null ? "no probe" : last.describe()) + "); log:\n" + logTail(30));
        }
    }

    /** SIGKILL, as a power cut or OOM kill looks to the network; waits until the PID is gone. */
    public void kill() {
        Process p = process;
        p.destroyForcibly();
        waitFor(p, 10);
        LOG.info("Node-RED pid {} killed (SIGKILL)", p.pid());
    }

    /** SIGTERM: graceful stop (flows closed, context flushed); SIGKILL after 20 s. */
    public void terminate() {
        Process p = process;
        p.destroy();
        if (!waitFor(p, 20)) {
            p.destroyForcibly();
            waitFor(p, 10);
        }
        LOG.info("Node-RED pid {} terminated", p.pid());
    }

    /** SIGSTOP: the process freezes, yet the kernel still accepts TCP connections into its backlog. */
    public void freeze() throws IOException {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() throws IOException {
        signal("CONT");
    }

    /** Terminates (if alive) and starts again on the same port and userDir. */
    public void restart() throws IOException {
        if (process.isAlive()) {
            terminate();
        }
        spawn();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last {@code lines} lines of the box's log, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Kills the process if it still runs (thawing it first is unnecessary: SIGKILL ends a stopped process). */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void signal(String name) throws IOException {
        Process p = process;
        if (!p.isAlive()) {
            throw new IOException("cannot send SIG" + name + ": Node-RED pid " + p.pid() + " is not running");
        }
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).redirectErrorStream(true).start();
        if (!waitFor(kill, 10) || kill.exitValue() != 0) {
            throw new IOException("kill -" + name + " " + p.pid() + " failed");
        }
        LOG.info("Node-RED pid {} sent SIG{}", p.pid(), name);
    }

    private static boolean waitFor(Process p, int seconds) {
        try {
            return p.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Node-RED", e);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
