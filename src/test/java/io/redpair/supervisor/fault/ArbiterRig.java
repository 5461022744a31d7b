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
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The arbiter of a fault test, with real parts: the simulator behind a real pty (socat) and the host link
 * the supervisor's {@link LinkArbiterPort} uses. {@link #wire(FaultLab)} joins it to the lab's boxes: each
 * box's heartbeat line follows "its process exists" (a frozen or cut-off runtime still beats: the OS is alive),
 * and the simulated power relay SIGKILLs a box's Node-RED within ~10 ms of the arbiter fencing it.
 */
final class ArbiterRig implements AutoCloseable {

    static final String SERIAL = "A0042";

    final SocatPty cable;
    final ArbiterSimulator sim;
    final ArbiterLink link;
    private Thread powerRelay;
    /** Set by a test: pull the serial cable the moment a fence took effect (between FENCE and SELECT). */
    private volatile boolean pullCableWhenFenced;

    private ArbiterRig(SocatPty cable, ArbiterSimulator sim, ArbiterLink link) {
        this.cable = cable;
        this.sim = sim;
        this.link = link;
    }

    static ArbiterRig start(Path dir) throws Exception {
        SocatPty cable = SocatPty.start(dir.resolve("host/ttyArb"), dir.resolve("dev/ttyArb"));
        ArbiterSimulator sim = ArbiterSimulator.start(DeviceIdentity.simulator(SERIAL), dir.resolve("sim.state"),
                SerialTransport.open(cable.deviceEnd.toString()), null);
        ArbiterLink link = ArbiterLink.open(new ArbiterLinkOptions(cable.hostEnd.toString(), SERIAL, "WS07", 2000, 250, 100),
                new SerialPortScanner(List.of(dir.resolve("host")), false));
        return new ArbiterRig(cable, sim, link);
    }

    /** Heartbeat lines follow the boxes' processes; the power relay kills a fenced box. */
    ArbiterRig wire(FaultLab lab) {
        sim.heartbeatSource(BoxId.A, () -> alive(lab.a));
        sim.heartbeatSource(BoxId.B, () -> alive(lab.b));
        powerRelay = new Thread(() -> cutPowerWhenFenced(lab), "arbiter-power-relay");
        powerRelay.setDaemon(true);
        powerRelay.start();
        return this;
    }

    LinkArbiterPort port() {
        return new LinkArbiterPort(link);
    }

    void pullCableWhenFenced() {
        pullCableWhenFenced = true;
    }

    /** Stops the simulated power relay (a test that closes the lab early). */
    void stopPowerRelay() {
        if (powerRelay != null) {
            powerRelay.interrupt();
        }
    }

    static boolean alive(NodeRedProcess p) {
        return ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The simulated power relay: a fenced box loses power, so its Node-RED process dies (SIGKILL). */
    private void cutPowerWhenFenced(FaultLab lab) {
        while (!Thread.currentThread().isInterrupted()) {
            for (BoxId box : BoxId.values()) {
                NodeRedProcess p = lab.process(box);
                if (sim.fenced(box) && pullCableWhenFenced) {
                    pullCableWhenFenced = false;
                    pullCable();
                }
                if (sim.fenced(box) && alive(p)) {
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

    void pullCable() {
        try {
            cable.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        stopPowerRelay();
        sim.close();
        cable.close();
    }
}
