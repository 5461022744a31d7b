package io.redpair.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.arbiter.ArbiterLink;
import io.redpair.arbiter.ArbiterLinkOptions;
import io.redpair.arbiter.ArbiterSimulator;
import io.redpair.arbiter.DeviceIdentity;
import io.redpair.arbiter.InMemoryPorts;
import io.redpair.arbiter.InMemoryTransport;
import io.redpair.arbiter.LinkState;
import io.redpair.arbiter.Selection;
import io.redpair.failover.ArbiterView;
import io.redpair.pair.BoxId;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor's arbiter port against the real simulator and the real host link over an in-memory cable
 * (real threads, real time): results are confirmed only by a STATUS read-back, E05 is typed, and the link
 * going down / coming back is published as views.
 */
class LinkArbiterPortTest {

    @TempDir
    Path dir;
    final InMemoryPorts ports = new InMemoryPorts();
    final List<ArbiterView> views = new CopyOnWriteArrayList<>();
    ArbiterSimulator sim;
    ArbiterLink link;
    LinkArbiterPort port;

    @BeforeEach
    void setUp() throws Exception {
        InMemoryTransport.Cable cable = InMemoryTransport.pair("mem0");
        sim = ArbiterSimulator.start(DeviceIdentity.simulator("A0042"), dir.resolve("sim.state"), cable.device(), null);
        ports.plug("mem0", () -> cable.host().reopen());
        link = ArbiterLink.open(new ArbiterLinkOptions("mem0", "A0042", "WS07", 1000, 200, 100), ports);
        port = new LinkArbiterPort(link);
        port.onView(views::add);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (link.state() != LinkState.UP && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(link.state()).isEqualTo(LinkState.UP);
    }

    @AfterEach
    void tearDown() {
        port.close();
        sim.close();
    }

    @Test
    void fenceIsConfirmedOnlyWithPowerSenseZeroAndSelectOnlyWithMatchingRelayFeedback() throws Exception {
        ArbiterPort.Outcome fence = port.fence(BoxId.A, 5).get(5, TimeUnit.SECONDS);
        assertThat(fence).isInstanceOfSatisfying(ArbiterPort.Outcome.Confirmed.class,
                c -> assertThat(c.detail()).contains("fenced=true power sense=0"));
        ArbiterPort.Outcome select = port.select(BoxId.B, 5).get(5, TimeUnit.SECONDS);
        assertThat(select).isInstanceOfSatisfying(ArbiterPort.Outcome.Confirmed.class,
                c -> assertThat(c.detail()).contains("selected=B relay feedback=B"));
        assertThat(sim.selected()).isEqualTo(Selection.B);
        awaitView(v -> v.linkUp() && v.fencedA() && !v.powerA() && v.selected() == BoxId.B);
    }

    @Test
    void relayFeedbackFaultIsNotConfirmed() throws Exception {
        sim.setRelayFault(true);
        ArbiterPort.Outcome select = port.select(BoxId.B, 6).get(5, TimeUnit.SECONDS);
        assertThat(select).isInstanceOfSatisfying(ArbiterPort.Outcome.NotConfirmed.class,
                n -> assertThat(n.detail()).isEqualTo("SELECT B refused: E08 INTERLOCK why=RFB"));
        assertThat(sim.selected()).isNotEqualTo(Selection.B);
    }

    @Test
    void anOlderEpochIsTypedAsStale() throws Exception {
        assertThat(port.fence(BoxId.A, 9).get(5, TimeUnit.SECONDS)).isInstanceOf(ArbiterPort.Outcome.Confirmed.class);
        assertThat(port.select(BoxId.B, 8).get(5, TimeUnit.SECONDS)).isEqualTo(new ArbiterPort.Outcome.StaleEpoch(9));
        assertThat(sim.selected()).isNotEqualTo(Selection.B);
    }

    @Test
    void aSilentDeviceIsPublishedAsLinkDownAndAFreshStatusAfterReconnect() throws Exception {
        sim.setSilent(true);
        ArbiterPort.Outcome fence = port.fence(BoxId.A, 3).get(8, TimeUnit.SECONDS);
        assertThat(fence).isInstanceOf(ArbiterPort.Outcome.NotConfirmed.class);
        assertThat(sim.fenced(BoxId.A)).isFalse();
        awaitView(v -> !v.linkUp());
        views.clear();
        sim.setSilent(false);
        awaitView(ArbiterView::linkUp);
    }

    /**
     * Every STATUS poll reaches the decider, not only changed outputs: the heartbeat age grows between changes,
     * and a line that fell silent must be seen within one poll (before: only when it passed 2 s).
     */
    @Test
    void everyPollIsPublishedSoAHeartbeatLineFallingSilentIsSeenWithinOnePoll() throws Exception {
        sim.heartbeat(BoxId.A);
        awaitView(v -> v.linkUp() && v.heartbeatAgeMsA() >= 600 && v.heartbeatAgeMsA() < 1500);
    }

    /** The operator can read afterwards that the device rebooted and was re-armed (journalled by the runtime). */
    @Test
    void aRebootAndTheReArmAreReportedAsDeviceNotes() throws Exception {
        List<String> notes = new CopyOnWriteArrayList<>();
        port.onDeviceNote(notes::add);
        sim.reboot("BOR");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        while (notes.stream().noneMatch(n -> n.startsWith("arbiter re-armed")) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(notes).anyMatch(n -> n.startsWith("arbiter rebooted (rst=BOR"))
                .anyMatch(n -> n.startsWith("arbiter re-armed by this console (it was DISARMED)"));
    }

    private void awaitView(Predicate<ArbiterView> wanted) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        while (views.stream().noneMatch(wanted) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(views).as("arbiter views published").anyMatch(wanted);
    }
}
