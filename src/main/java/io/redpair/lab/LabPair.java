package io.redpair.lab;

import io.redpair.arbiter.ArbiterLink;
import io.redpair.arbiter.ArbiterSimulator;
import io.redpair.arbiter.InMemoryTransport;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.Outcome;
import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import io.redpair.pair.Site;
import io.redpair.store.SiteFile;
import io.redpair.store.SiteFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A realistic HA pair on the laptop: two real local Node-RED boxes (A active with the canary running, B booted
 * stopped as the boot guard leaves a hot spare), an in-process watchdog arbiter ({@link LabArbiter}: simulator,
 * power relays wired to the boxes' processes, heartbeat lines, armed host link) and a site file that points at
 * them with {@code fencing: arbiter}. The fault methods are the lab's training buttons; each does to the boxes
 * what the named real fault does, behind RedPair's back.
 *
 * <p>Whoever supervises the lab must use {@link #arbiterLink()} as the pair's arbiter (the device allows one host
 * session; the site file's port name {@link LabArbiter#PORT} exists only inside this JVM).
 *
 * <p>Invariant: {@link #close()} stops everything this object started (also from a JVM shutdown hook), and only
 * that: processes are signalled by the exact PID spawned.
 */
public final class LabPair implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LabPair.class);
    /** Marks a directory the lab owns, so a restart may wipe it and never wipes anything else. */
    static final String MARKER = ".redpair-lab";
    private static final Duration READY = Duration.ofSeconds(60);

    private final Path dir;
    private final Path siteFile;
    private final NodeRedProcess boxA;
    private final NodeRedProcess boxB;
    private final LabArbiter arbiter;
    private final Thread shutdownHook = new Thread(this::stopAll, "redpair-lab-shutdown");
    private volatile boolean frozenA;
    private volatile boolean closed;

    private LabPair(Path dir, NodeRedProcess a, NodeRedProcess b, LabArbiter arbiter) {
        this.dir = dir;
        this.siteFile = dir.resolve("site.json");
        this.boxA = a;
        this.boxB = b;
        this.arbiter = arbiter;
    }

    /** {@code ~/.local/share/redpair/lab}: survives {@code mvn clean}, shared by the CLI and the GUI. */
    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".local", "share", "redpair", "lab");
    }

    /**
     * Installs Node-RED if needed, starts both boxes and the simulator, writes the site file. Blocking (seconds;
     * minutes on the first install): call it off any UI thread. {@code progress} gets one line per step.
     *
     * @throws NodeRedInstaller.InstallException when Node.js/npm are missing or the install fails (message says what to do)
     * @throws IOException when the directory is not the lab's or a box does not start (message carries its log)
     */
    public static LabPair start(Path dir, Consumer<String> progress)
            throws IOException, NodeRedInstaller.InstallException {
        LabDirectory.prepare(dir);
        progress.accept("Checking Node-RED " + NodeRedInstaller.configuredVersion() + " in the per-user cache");
        NodeRedInstallation install = NodeRedInstaller.withDefaultCache(progress).install(NodeRedInstaller.configuredVersion());
        progress.accept("Starting box A (active) and box B (hot spare, flows stopped)");
        NodeRedProcess a = NodeRedProcess.start(install, BoxOptions.defaults(), dir.resolve("boxes/A"));
        NodeRedProcess b = null;
        try {
            b = NodeRedProcess.start(install, BoxOptions.defaults().withBootStopped(true), dir.resolve("boxes/B"));
            Duration readyA = a.awaitReady(READY);
            Duration readyB = b.awaitReady(READY);
            progress.accept("Box A ready in " + readyA.toMillis() + " ms on " + a.adminUrl()
                    + ", box B ready in " + readyB.toMillis() + " ms on " + b.adminUrl());
            progress.accept("Starting the arbiter simulator " + LabArbiter.SERIAL + " (power relays and heartbeat lines"
                    + " wired to the boxes)");
            LabArbiter arbiter = LabArbiter.start(dir.resolve("arbiter.state"), Map.of(BoxId.A, a, BoxId.B, b));
            LabPair lab = new LabPair(dir, a, b, arbiter);
            lab.writeSite();
            Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
            progress.accept("Lab site written to " + lab.siteFile);
            return lab;
        } catch (IOException | RuntimeException e) {
            a.close();
            if (b != null) {
                b.close();
            }
            throw e;
        }
    }

    private void writeSite() throws IOException {
        Map<BoxId, BoxConfig> boxes = Map.of(
                BoxId.A, new BoxConfig(boxA.adminUrl(), AuthRef.none(), null),
                BoxId.B, new BoxConfig(boxB.adminUrl(), AuthRef.none(), null));
        Policy policy = new Policy(250, 4, true, 600, 5000, Policy.Fencing.ARBITER);
        Pair pair = new Pair("lab", "Lab pair", boxes, BoxId.A, BoxOptions.CANARY_PATH, LabArbiter.config(), policy);
        try {
            SiteFile.save(siteFile, new Site("Lab", List.of(pair)));
        } catch (SiteFileException e) {
            throw new IOException("cannot write the lab site file: " + e.getMessage(), e);
        }
    }

    public Path siteFile() {
        return siteFile;
    }

    public Path dir() {
        return dir;
    }

    public NodeRedProcess box(BoxId id) {
        return id == BoxId.A ? boxA : boxB;
    }

    public ArbiterSimulator arbiter() {
        return arbiter.simulator();
    }

    /** The armed host link to the lab's arbiter: the pair's fence. Give it to the supervisor (one session only). */
    public ArbiterLink arbiterLink() {
        return arbiter.link();
    }

    /** The host end of the simulated serial cable currently plugged in. */
    public InMemoryTransport arbiterHostEnd() {
        return arbiter.hostEnd();
    }

    /** SIGKILL box A: a crash or OOM kill. */
    public void killA() {
        LOG.info("lab fault: kill A");
        boxA.kill();
    }

    /** SIGSTOP box A: a hung box whose kernel still accepts connections (its OS still pulses the heartbeat line). */
    public void hangA() throws IOException {
        LOG.info("lab fault: hang A (SIGSTOP)");
        boxA.freeze();
        frozenA = true;
    }

    /** Stops A's flows through its admin API, behind RedPair's back (someone clicked "stop flows"). */
    public void stopFlowsA() throws IOException {
        LOG.info("lab fault: stop A's flows via its admin API");
        try (NodeRedClient client = NodeRedClient.create(boxA.endpoint())) {
            Outcome<FlowsState> r = client.setFlowsState(FlowsState.STOP);
            if (!r.isOk()) {
                throw new IOException("box A refused to stop its flows: " + r.describe());
            }
        }
    }

    /** Power cut on A: the simulator's power sense drops and the process dies at once. */
    public void powerOffA() {
        LOG.info("lab fault: power A off");
        arbiter.supply(BoxId.A, false);
        boxA.kill();
    }

    /** Pulls the arbiter's serial cable: both ends see the port vanish; the pair loses its fence, not its active. */
    public void cutArbiterCable() {
        LOG.info("lab fault: cut the arbiter cable");
        arbiter.cut();
    }

    /** Plugs a new arbiter cable in; the link finds the device again by serial number. */
    public void reconnectArbiterCable() {
        LOG.info("lab: reconnect the arbiter cable");
        arbiter.reconnect();
    }

    /**
     * Brings A back as a rebooted box: thawed if hung, else unfenced (if the arbiter fenced it), power restored and
     * restarted with its flows held stopped, as the boot guard on a real box does (so a returning box never runs
     * flows beside the new active).
     */
    public void reviveA() throws IOException {
        LOG.info("lab: revive A");
        if (frozenA && boxA.isAlive()) {
            boxA.thaw();
            frozenA = false;
            return;
        }
        frozenA = false;
        if (boxA.isAlive()) {
            boxA.terminate();
        }
        arbiter.unfence(BoxId.A);
        LabDirectory.holdFlowsStopped(boxA.userDir());
        arbiter.supply(BoxId.A, true);
        boxA.restart();
        boxA.awaitFlowsState(FlowsState.STOP, READY);
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (or ran) stopAll, which is idempotent
        }
    }

    private synchronized void stopAll() {
        if (closed) {
            return;
        }
        closed = true;
        arbiter.close();
        boxA.close();
        boxB.close();
        LOG.info("lab pair in {} stopped", dir);
    }
}
