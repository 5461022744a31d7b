package io.redpair.supervisor.fault;

import io.redpair.arbiter.ArbiterLink;
import io.redpair.arbiter.ArbiterLinkOptions;
import io.redpair.arbiter.ArbiterSimulator;
import io.redpair.arbiter.DeviceIdentity;
import io.redpair.arbiter.SerialPortScanner;
import io.redpair.arbiter.SerialTransport;
import io.redpair.arbiter.SocatPty;
import io.redpair.lab.NodeRedProcess;
import io.redpair.pair.BoxId;
import io.redpair.supervisor.LinkArbiterPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The arbiter half of a {@link FaultLab}: a real pty cable (socat), the simulator on its device end, and the
 * supervisor's link on the host end, which finds the device by serial number among the entries of the lab's
 * host directory. The simulator is wired to the boxes like the real unit: its power relay for a box cuts that
 * box's Node-RED (a fenced box's process is SIGKILLed by a 10 ms watcher), and each heartbeat line follows
 * "the box's process exists and has power" (a frozen runtime still beats: its OS is alive).
 * <p>Faults: {@link #pullCable()}, {@link #replug(String)} under a new name, {@link #restartSimulator()} (the
 * device reboots: a new simulator on the same line and state file), {@link #cutSupply(BoxId)}.
 */
final class ArbiterLab implements AutoCloseable {

    static final String SERIAL = "A0042";
    static final String HOST = "WS07";
    /** Host watchdog 2 s, STATUS every 250 ms, rediscovery every 100 ms: the fault tests' link. */
    static final int ARM_TIMEOUT_MS = 2000;
    /** How long a dying simulator's last frames get to reach the host: far below the host's 300 ms reply timeout. */
    private static final long DRAIN_MS = 200;

    private final Path dir;
    private final FaultLab lab;
    private final Map<BoxId, Boolean> supply = new ConcurrentHashMap<>(Map.of(BoxId.A, true, BoxId.B, true));
    private final Thread powerRelay;
    private Path deviceEnd;
    volatile SocatPty cable;
    volatile ArbiterSimulator sim;
    /** The link of the last {@link #newPort()}. */
    volatile ArbiterLink link;
    /** Set by a test: pull the cable the moment a fence took effect (between FENCE and SELECT). */
    volatile boolean pullCableWhenFenced;

    private ArbiterLab(Path dir, FaultLab lab) throws IOException, InterruptedException {
        this.dir = dir;
        this.lab = lab;
        this.cable = SocatPty.start(dir.resolve("host/ttyArb"), dir.resolve("dev/ttyArb"));
        this.deviceEnd = cable.deviceEnd;
        this.sim = simulator();
        this.powerRelay = new Thread(this::cutPowerWhenFenced, "arbiter-power-relay");
        this.powerRelay.setDaemon(true);
        this.powerRelay.start();
    }

    /** Cable and device for {@code lab}'s boxes; the supervisor's port comes from {@link #newPort()}. */
    static ArbiterLab start(Path dir, FaultLab lab) throws IOException, InterruptedException {
        return new ArbiterLab(dir, lab);
    }

    private ArbiterSimulator simulator() throws IOException {
        ArbiterSimulator s = ArbiterSimulator.start(DeviceIdentity.simulator(SERIAL), dir.resolve("sim.state"),
                SerialTransport.open(deviceEnd.toString()), null);
        for (BoxId box : BoxId.values()) {
            NodeRedProcess p = lab.process(box);
            s.heartbeatSource(box, () -> alive(p));
            s.setSupply(box, supply.get(box));
        }
        return s;
    }

    /** A fresh link (as a console opens at start-up) wrapped as the supervisor's port. */
    LinkArbiterPort newPort() {
        link = ArbiterLink.open(new ArbiterLinkOptions(cable.hostEnd.toString(), SERIAL, HOST, ARM_TIMEOUT_MS, 250, 100),
                new SerialPortScanner(List.of(dir.resolve("host")), false));
        return new LinkArbiterPort(link);
    }

    static boolean alive(NodeRedProcess p) {
        return ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * The device reboots: this simulator stops (its host session, prepared command, reply cache and event
     * numbering die with it) and a new one starts on the same line with the same state file (epoch, latching
     * selector, fence relays, boot counter), as after a power cut of the arbiter itself.
     */
    void restartSimulator() throws IOException, InterruptedException {
        ArbiterSimulator old = sim;
        // A frame a real device sent is on the wire; closing a pty end discards what socat has not read yet,
        // which would turn "died after answering" into "died before answering" (the host then re-sends the
        // same command to the rebooted device, which acts on it: safe, but another scenario).
        TimeUnit.MILLISECONDS.sleep(DRAIN_MS);
        old.close();
        sim = simulator();
        lab.observer.mark("arbiter rebooted");
    }

    /** Pulls the cable: socat dies and its names vanish, as a USB adapter's device node does. */
    void pullCable() throws IOException, InterruptedException {
        cable.kill();
        Files.deleteIfExists(cable.hostEnd);
        Files.deleteIfExists(cable.deviceEnd);
    }

    /** Plugs the cable back in under a new name; the simulator moves to the new line. */
    void replug(String name) throws IOException, InterruptedException {
        cable = SocatPty.start(dir.resolve("host/" + name), dir.resolve("dev/" + name));
        deviceEnd = cable.deviceEnd;
        sim.attach(SerialTransport.open(deviceEnd.toString()));
    }

    /** The box's mains supply fails: power sense 0, and its heartbeat line falls silent with it. */
    void cutSupply(BoxId box) {
        supply.put(box, false);
        sim.setSupply(box, false);
    }

    /** The box's mains supply is back (power sense follows it unless the box is fenced). */
    void restoreSupply(BoxId box) {
        supply.put(box, true);
        sim.setSupply(box, true);
    }

    /** The simulated power relay: a fenced box loses power, so its Node-RED process dies (SIGKILL). */
    private void cutPowerWhenFenced() {
        while (!Thread.currentThread().isInterrupted()) {
            ArbiterSimulator s = sim;
            for (BoxId box : BoxId.values()) {
                NodeRedProcess p = lab.process(box);
                if (s.fenced(box) && pullCableWhenFenced) {
                    pullCableWhenFenced = false;
                    quietly(this::pullCable);
                }
                if (s.fenced(box) && alive(p)) {
                    lab.observer.mark("power off " + box);
                    p.kill();
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private interface Fault {
        void inject() throws Exception;
    }

    private static void quietly(Fault fault) {
        try {
            fault.inject();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        powerRelay.interrupt();
        powerRelay.join(1000);
        sim.close();
        cable.close();
    }
}
