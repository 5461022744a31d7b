package io.redpair.supervisor.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.LinkEvent;
import io.redpair.arbiter.Selection;
import io.redpair.failover.Mode;
import io.redpair.failover.PairState;
import io.redpair.pair.BoxId;
import io.redpair.store.JournalEntry;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SupervisorEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The arbiter's host session with the full supervisor: RedPair away long enough for the device's host watchdog
 * to expire (HOSTLOST), and the serial cable pulled and plugged back under another name. The device holds its
 * outputs meanwhile (fail-static, WDA/1 §5); RedPair must take no action that needs the arbiter while it cannot
 * reach it, raise an alarm, and on its return re-HELLO, re-ARM, read the outputs (never assume them), reconcile
 * them with the pair's real state, and journal what it found.
 */
class ArbiterSessionFaultTest extends ArbiterFaultFixture {

    private static final Duration HOLD = Duration.ofSeconds(2);

    /** RedPair closes; the returning one finds the device HOSTLOST after it waited out its watchdog. */
    private long awayUntilHostLost(Runnable whileAway) throws InterruptedException {
        lab.await("protected by A, arbiter up", ArbiterFaultFixture::protectedByA, SETTLE);
        awaitDevice("the boot selection reconciled to A", () -> arb.sim.selected() == Selection.A);
        long actuations = arb.sim.actuations();
        lab.stopSupervising();
        lab.observer.mark("RedPair away");
        whileAway.run();
        awaitDevice("HOSTLOST after " + ArbiterLab.ARM_TIMEOUT_MS + " ms without a KICK",
                () -> arb.sim.armState() == ArbiterStatus.ArmState.HOSTLOST);
        assertThat(arb.sim.selected()).as("outputs held in HOSTLOST").isEqualTo(Selection.A);
        assertThat(arb.sim.actuations()).as("nothing moved in HOSTLOST").isEqualTo(actuations);
        lab.observer.mark("RedPair back");
        lab.superviseWithArbiter(arb.newPort());
        return actuations;
    }

    private void assertHostLostJournalled() throws InterruptedException {
        awaitArmed();
        awaitArbiterNote("the HOSTLOST found", t -> t.startsWith("arbiter reports HOSTLOST (sel=A)"));
    }

    @Test
    void consoleAwayUntilHostLostIsReArmedOnReturnAndMovesNothing() throws Exception {
        long epoch = lab.journal.currentEpoch(FaultLab.PAIR);
        long actuations = awayUntilHostLost(() -> { });
        lab.await("protected by A again, arbiter up", ArbiterFaultFixture::protectedByA, SETTLE);
        assertHostLostJournalled();
        lab.hold("A stays the active, no new epoch", s -> protectedByA(s) && s.epoch() == epoch, HOLD);
        assertThat(arb.sim.actuations()).as("outputs read back, found right, not moved").isEqualTo(actuations);
        assertThat(arb.sim.selected()).isEqualTo(Selection.A);
        assertThat(lab.journalled(JournalEntry.Kind.NOTE, "arbiter")).anyMatch(t -> t.startsWith("arbiter link up"));
        lab.assertNoDualActive("arbiter-hostlost-away");
    }

    /**
     * While RedPair was away A died and a technician started B's flows by hand; the device held the outputs on A.
     * RedPair comes back, adopts B from what it observes, reads the relay (still A) and selects B's outputs.
     */
    @Test
    void consoleAwayWhileATechnicianMovedTheFlowsToBSelectsBsOutputsOnReturn() throws Exception {
        awayUntilHostLost(() -> {
            lab.observer.mark("SIGKILL A");
            lab.a.kill();
            try {
                assertThat(FaultLab.setFlowsStateBehindTheBack(lab.b, "start")).isEqualTo(200);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        PairState s = lab.await("B adopted as the active", x -> runningOn(x, BoxId.B), SETTLE);
        assertHostLostJournalled();
        awaitDevice("B's outputs selected", () -> arb.sim.selected() == Selection.B);
        assertThat(lab.journalled(JournalEntry.Kind.NOTE, "arbiter"))
                .anyMatch(t -> t.startsWith("outputs point at A while B runs flows: selecting B's outputs"));
        assertThat(arb.sim.epoch()).isEqualTo(s.epoch()).isEqualTo(lab.journal.currentEpoch(FaultLab.PAIR));
        lab.assertNoDualActive("arbiter-hostlost-moved");
    }

    /**
     * Cable pulled: alarm on the snapshot's timeline, fencing shown unavailable; A dies and nothing that needs
     * the arbiter happens (no output switch, B not started) until a technician starts B by hand; the cable comes
     * back under a new name, the link finds the device by its serial number, re-arms it, and RedPair moves the
     * outputs to B, which it reads still on A.
     */
    @Test
    void cableReplugedUnderANewNameIsFoundBySerialNumberReArmedAndTheOutputsReconciled() throws Exception {
        lab.await("protected by A, arbiter up", ArbiterFaultFixture::protectedByA, SETTLE);
        awaitDevice("the boot selection reconciled to A", () -> arb.sim.selected() == Selection.A);
        List<LinkEvent> linkEvents = new CopyOnWriteArrayList<>();
        arb.link.addListener(linkEvents::add, Runnable::run);
        arb.pullCable();
        lab.await("arbiter link seen down", x -> !x.arbiter().linkUp(), SETTLE);
        PairSnapshot down = lab.snapshot();
        assertThat(down.fencing()).contains("LINK DOWN");
        assertThat(down.timeline()).anyMatch(e -> e instanceof SupervisorEvent.Alarmed a && a.text().contains("arbiter link lost"));
        lab.observer.mark("SIGKILL A");
        lab.a.kill();
        lab.await("operator needed: no output switch without the arbiter", x -> x.mode() == Mode.OPERATOR_NEEDED, SETTLE);
        lab.hold("no promotion while the link is down", x -> x.active() == BoxId.A, HOLD);
        assertThat(lab.commandIssued("select-output", BoxId.B)).isFalse();
        assertThat(lab.commandIssued("start-flows", BoxId.B)).isFalse();
        assertThat(FaultLab.setFlowsStateBehindTheBack(lab.b, "start")).isEqualTo(200);
        lab.await("B adopted as the active", x -> runningOn(x, BoxId.B), SETTLE);
        assertThat(arb.sim.selected()).as("nobody could move the outputs").isEqualTo(Selection.A);
        arb.replug("ttyUSB7");
        awaitDevice("B's outputs selected after the reconnect", () -> arb.sim.selected() == Selection.B);
        awaitArmed();
        assertThat(linkEvents).anyMatch(e -> e instanceof LinkEvent.LinkUp u && u.port().endsWith("host/ttyUSB7")
                && u.device().serialNumber().equals(ArbiterLab.SERIAL));
        assertThat(lab.journalled(JournalEntry.Kind.NOTE, "arbiter")).anyMatch(t -> t.startsWith("arbiter link lost"))
                .anyMatch(t -> t.startsWith("arbiter link up"))
                .anyMatch(t -> t.startsWith("outputs point at A while B runs flows: selecting B's outputs"));
        lab.assertNoDualActive("arbiter-replug");
    }
}
