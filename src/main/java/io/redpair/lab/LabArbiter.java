package io.redpair.lab;

import io.redpair.arbiter.ArbiterLink;
import io.redpair.arbiter.ArbiterLinkOptions;
import io.redpair.arbiter.ArbiterSimulator;
import io.redpair.arbiter.CommandResult;
import io.redpair.arbiter.DeviceIdentity;
import io.redpair.arbiter.InMemoryPorts;
import io.redpair.arbiter.InMemoryTransport;
import io.redpair.arbiter.PortScanner;
import io.redpair.pair.ArbiterConfig;
import io.redpair.pair.BoxId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's watchdog arbiter, wired to the lab boxes the way a real one is wired to real boxes: the simulator's
 * power relay for a box feeds that box's Node-RED process (a fence or a power cut SIGKILLs it), and each heartbeat
 * line follows "the box's process exists" (a SIGSTOPped runtime still beats: its OS is alive). The host side is a
 * real {@link ArbiterLink} with the supervisor's options (armed, kicked, found by serial number) over an in-memory
 * serial cable named {@link #PORT}; the lab's supervisor fences through it exactly as through a USB adapter.
 *
 * <p>Invariant: a box whose relay is open (fenced) or whose supply is off never keeps a running process for more
 * than one relay sample (20 ms).
 */
public final class LabArbiter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LabArbiter.class);
    /** The port name the lab site file names; only {@link #ports()} knows it. */
    public static final String PORT = "lab-arbiter";
    public static final String SERIAL = "LAB0001";
    private static final long RELAY_SAMPLE_MS = 20;

    private final ArbiterSimulator sim;
    private final InMemoryPorts ports = new InMemoryPorts();
    private final Map<BoxId, NodeRedProcess> boxes;
    private final Thread powerRelay;
    private volatile InMemoryTransport.Cable cable;
    private volatile ArbiterLink link;

    private LabArbiter(ArbiterSimulator sim, InMemoryTransport.Cable cable, Map<BoxId, NodeRedProcess> boxes) {
        this.sim = sim;
        this.cable = cable;
        this.boxes = boxes;
        this.powerRelay = new Thread(this::followPowerRelays, "redpair-lab-power-relay");
        this.powerRelay.setDaemon(true);
    }

    /** Starts the simulator (state in {@code stateFile}), its relays and lines, and the armed host link. */
    static LabArbiter start(Path stateFile, Map<BoxId, NodeRedProcess> boxes) throws IOException {
        InMemoryTransport.Cable cable = InMemoryTransport.pair(PORT);
        ArbiterSimulator sim = ArbiterSimulator.start(DeviceIdentity.simulator(SERIAL), stateFile, cable.device(), null);
        LabArbiter arbiter = new LabArbiter(sim, cable, boxes);
        arbiter.ports.plug(PORT, () -> arbiter.cable.host().reopen());
        boxes.forEach((id, box) -> sim.heartbeatSource(id, box::isAlive));
        arbiter.powerRelay.start();
        arbiter.link = ArbiterLink.open(ArbiterLinkOptions.supervisor(PORT, SERIAL, hostName()), arbiter.ports);
        return arbiter;
    }

    /** What the lab site file says about its arbiter. */
    static ArbiterConfig config() {
        return new ArbiterConfig(PORT, SERIAL, 115200);
    }

    /** The lab host name in HELLO; the device lets only this host's session act while it is armed. */
    private static String hostName() {
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._/:+-]", "-");
            return ("lab-" + name).substring(0, Math.min(40, name.length() + 4));
        } catch (IOException e) {
            return "lab-redpair";
        }
    }

    private void followPowerRelays() {
        while (!Thread.currentThread().isInterrupted()) {
            boxes.forEach((id, box) -> {
                if (sim.fenced(id) && box.isAlive()) {
                    LOG.info("lab arbiter: power relay of {} open (fenced): its Node-RED process loses power", id);
                    box.kill();
                }
            });
            try {
                TimeUnit.MILLISECONDS.sleep(RELAY_SAMPLE_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public ArbiterSimulator simulator() {
        return sim;
    }

    /** The host link (armed, kicked, polled): the one session the device allows. The lab's supervisor drives it. */
    public ArbiterLink link() {
        return link;
    }

    /** The lab's ports: only {@link #PORT}. */
    public PortScanner ports() {
        return ports;
    }

    /** The host end of the current cable. */
    public InMemoryTransport hostEnd() {
        return cable.host();
    }

    /** Pulls the serial cable: both ends see the port vanish; the link goes down and keeps searching. */
    void cut() {
        cable.unplug();
    }

    /** Plugs a new cable in: the link finds the device again by its serial number. */
    void reconnect() {
        InMemoryTransport.Cable fresh = InMemoryTransport.pair(PORT);
        cable = fresh;
        sim.attach(fresh.device());
    }

    /**
     * What an engineer does before switching a fenced box back on: UNFENCE through the link at the device's own
     * epoch (an operator action, not a decision of the pair; it moves no field output).
     */
    void unfence(BoxId box) throws IOException {
        if (!sim.fenced(box)) {
            return;
        }
        try {
            CommandResult r = link.unfence(box, sim.epoch()).get(10, TimeUnit.SECONDS);
            if (!r.isDone()) {
                throw new IOException("the arbiter refused UNFENCE " + box + ": " + r);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("UNFENCE " + box + " not answered: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unfencing " + box, e);
        }
    }

    /** Mains supply of a box: the power sense follows it (the caller kills or restarts the process). */
    void supply(BoxId box, boolean on) {
        sim.setSupply(box, on);
    }

    @Override
    public void close() {
        powerRelay.interrupt();
        link.close();
        sim.close();
    }
}
