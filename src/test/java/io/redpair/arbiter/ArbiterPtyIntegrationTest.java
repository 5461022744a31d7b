package io.redpair.arbiter;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.pair.BoxId;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real serial lines: a socat pty pair, the simulator on one end and the host link on the other, both
 * through jSerialComm. The host end lives in a directory of its own, which is what the link's port
 * scanner searches, so the link never opens the simulator's end.
 */
class ArbiterPtyIntegrationTest {

    @TempDir
    Path dir;
    SocatPty cable;
    ArbiterSimulator sim;
    ArbiterLink link;
    final List<LinkEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        cable = SocatPty.start(dir.resolve("host/ttyA"), dir.resolve("dev/ttyB"));
        sim = ArbiterSimulator.start(DeviceIdentity.simulator("A0042"), dir.resolve("sim.state"),
                SerialTransport.open(cable.deviceEnd.toString()), null);
        link = ArbiterLink.open(new ArbiterLinkOptions(cable.hostEnd.toString(), null, "WS07", 2000, 250, 100),
                new SerialPortScanner(List.of(dir.resolve("host")), false));
        link.addListener(events::add, Runnable::run);
        awaitState(LinkState.UP, 5000);
    }

    @AfterEach
    void tearDown() throws Exception {
        link.close();
        sim.close();
        cable.close();
    }

    @Test
    void fullFailoverSequenceOverARealPty() throws Exception {
        assertThat(link.device()).get().extracting(DeviceInfo::serialNumber).isEqualTo("A0042");
        assertThat(sim.armState()).isEqualTo(ArbiterStatus.ArmState.ARMED);
        assertThat(link.select(BoxId.A, 41).get(3, TimeUnit.SECONDS)).isInstanceOf(CommandResult.Done.class);
        ArbiterStatus before = link.status().get(2, TimeUnit.SECONDS);
        long next = before.epoch() + 1;

        CommandResult fence = link.fence(BoxId.A, next).get(3, TimeUnit.SECONDS);
        CommandResult select = link.select(BoxId.B, next).get(3, TimeUnit.SECONDS);

        assertThat(fence).isInstanceOfSatisfying(CommandResult.Done.class, d -> assertThat(d.reply().get("fA")).isEqualTo("1"));
        assertThat(select).isInstanceOfSatisfying(CommandResult.Done.class, d -> assertThat(d.reply().get("rfb")).isEqualTo("B"));
        ArbiterStatus after = link.status().get(2, TimeUnit.SECONDS);
        assertThat(after.selected()).isEqualTo(Selection.B);
        assertThat(after.fencedA()).isTrue();
        assertThat(after.poweredA()).isFalse();
        assertThat(after.epoch()).isEqualTo(42);
        assertThat(link.select(BoxId.A, 41).get(3, TimeUnit.SECONDS)).isEqualTo(new CommandResult.StaleEpoch(42));
        Thread.sleep(3000); // longer than the 2 s watchdog: only the KICK loop keeps the device armed
        assertThat(sim.armState()).isEqualTo(ArbiterStatus.ArmState.ARMED);
    }

    @Test
    void cablePulledInSteadyStateIsDownWithinOneSecondWithoutActuation() throws Exception {
        long actuations = sim.actuations();
        Selection selected = sim.selected();
        long t0 = System.nanoTime();
        cable.kill();
        awaitState(LinkState.DOWN, 1000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("cable pull -> link DOWN in " + ms + " ms");
        assertThat(ms).isLessThan(1000);
        Thread.sleep(300);
        assertThat(sim.actuations()).isEqualTo(actuations);
        assertThat(sim.selected()).isEqualTo(selected);
        assertThat(link.fence(BoxId.A, 99).get(2, TimeUnit.SECONDS)).isInstanceOf(CommandResult.LinkDown.class);
    }

    @Test
    void deviceIsRediscoveredBySerialNumberWhenANewPtyAppearsUnderANewName() throws Exception {
        cable.kill();
        awaitState(LinkState.DOWN, 1000);
        SocatPty stranger = SocatPty.start(dir.resolve("host/ttyS9"), dir.resolve("dev/ttyS9-dev"));
        SocatPty replugged = SocatPty.start(dir.resolve("host/ttyUSB7"), dir.resolve("dev/ttyUSB7-dev"));
        ArbiterSimulator other = ArbiterSimulator.start(DeviceIdentity.simulator("Z0001"), null,
                SerialTransport.open(stranger.deviceEnd.toString()), null);
        try {
            sim.attach(SerialTransport.open(replugged.deviceEnd.toString()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            while (System.nanoTime() < deadline && events.stream().noneMatch(e -> e instanceof LinkEvent.LinkUp u
                    && u.port().equals(replugged.hostEnd.toString()) && u.device().serialNumber().equals("A0042"))) {
                Thread.sleep(5);
            }
            assertThat(link.state()).as("events %s", events).isEqualTo(LinkState.UP);
            assertThat(events).anyMatch(e -> e instanceof LinkEvent.LinkUp u && u.port().equals(replugged.hostEnd.toString()));
            assertThat(other.armState()).isEqualTo(ArbiterStatus.ArmState.DISARMED);
            assertThat(link.status().get(2, TimeUnit.SECONDS).state()).isEqualTo(ArbiterStatus.ArmState.ARMED);
        } finally {
            other.close();
            stranger.close();
            replugged.close();
        }
    }

    private void awaitState(LinkState state, long ms) throws InterruptedException {
        long deadline = System.nanoTime() + ms * 1_000_000L;
        while (link.state() != state && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(link.state()).as("link state after %d ms; events %s", ms, events).isEqualTo(state);
    }
}
