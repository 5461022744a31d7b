package io.redpair.supervisor.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.arbiter.CommandResult;
import io.redpair.arbiter.Selection;
import io.redpair.arbiter.SerialPortScanner;
import io.redpair.failover.Mode;
import io.redpair.failover.PairState;
import io.redpair.pair.BoxId;
import io.redpair.pair.Policy;
import io.redpair.supervisor.LinkArbiterPort;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fencing with real parts: two real Node-RED boxes, the arbiter simulator behind a real pty (socat), the
 * supervisor's {@link LinkArbiterPort}, and the independent observer. The simulator's power relay for a box
 * is wired to that box's process: when the arbiter cuts A's power, A's Node-RED is SIGKILLed (a 10 ms
 * watcher), and each box's heartbeat line follows "its process exists" (a frozen runtime still beats: the
 * OS is alive); the wiring is {@link ArbiterFaultFixture} and {@link ArbiterLab}. Overlap must be 0 in every test.
 */
class ArbiterFaultTest extends ArbiterFaultFixture {

    @Test
    void hungActiveIsFencedThenBTakesOverWithTheOutputs() throws Exception {
        lab.await("protected by A, arbiter up", ArbiterFaultFixture::protectedByA, SETTLE);
        long t0 = System.nanoTime();
        lab.a.freeze();
        PairState s = lab.await("running on B", x -> runningOn(x, BoxId.B), SETTLE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(lab.observer.awaitServing("B", 0, 5_000)).isTrue();
        System.out.printf("[arbiter-hung] SIGSTOP A -> B running flows: %d ms (epoch %d)%n", ms, s.epoch());
        assertThat(arb.sim.fenced(BoxId.A)).isTrue();
        assertThat(arb.sim.selected()).isEqualTo(Selection.B);
        assertThat(arb.sim.epoch()).isEqualTo(s.epoch());
        assertThat(ArbiterLab.alive(lab.a)).as("A powered off by the fence").isFalse();
        lab.assertNoDualActive("arbiter-hung");
    }

    @Test
    void cablePulledInSteadyStateDoesNotSwitchOver() throws Exception {
        PairState before = lab.await("protected by A, arbiter up", ArbiterFaultFixture::protectedByA, SETTLE);
        arb.pullCable();
        lab.await("arbiter link seen down", x -> !x.arbiter().linkUp(), SETTLE);
        lab.hold("A stays active, epoch unchanged", x -> x.active() == BoxId.A && x.epoch() == before.epoch()
                && x.mode() == Mode.PROTECTED, Duration.ofSeconds(3));
        assertThat(lab.commandIssued("start-flows", BoxId.B)).isFalse();
        assertThat(lab.events).anyMatch(e -> e instanceof io.redpair.supervisor.SupervisorEvent.Alarmed a
                && a.text().contains("arbiter link lost"));
        lab.assertNoDualActive("arbiter-cable-steady");
    }

    @Test
    void cablePulledThenHungActiveNeedsTheOperatorAndNeverPromotes() throws Exception {
        lab.await("protected by A, arbiter up", ArbiterFaultFixture::protectedByA, SETTLE);
        arb.pullCable();
        lab.await("arbiter link seen down", x -> !x.arbiter().linkUp(), SETTLE);
        lab.a.freeze();
        try {
            lab.await("operator needed", x -> x.mode() == Mode.OPERATOR_NEEDED, SETTLE);
            lab.hold("no promotion without a fence", x -> x.mode() == Mode.OPERATOR_NEEDED && x.active() == BoxId.A,
                    Duration.ofSeconds(2));
        } finally {
            lab.a.thaw();
        }
        assertThat(lab.commandIssued("start-flows", BoxId.B)).isFalse();
        assertThat(arb.sim.fenced(BoxId.A)).isFalse();
        lab.assertNoDualActive("arbiter-cable-hung");
    }

    /**
     * The cable is pulled within ~10 ms of the device executing FENCE A (A's power is off); depending on timing
     * the FENCE reply, its read-back, or the SELECT B (or its read-back) is lost. Every variant must end in
     * OPERATOR_NEEDED with B's flows never started (the relay may or may not have moved: outputs of a box
     * whose flows are stopped are not a dual active).
     * (The link lost after a confirmed fence, in the SELECT step, is covered by the transcript
     * fence-link-lost-between-fence-and-select.)
     */
    @Test
    void cablePulledBetweenFenceAndSelectLeavesNoDualActiveAndNoPromotion() throws Exception {
        lab.await("protected by A, arbiter up", ArbiterFaultFixture::protectedByA, SETTLE);
        arb.pullCableWhenFenced = true;
        // The device fences at once but answers 50 ms later (EXEC reply, then the STATUS read-back): a window
        // of >= 100 ms between "A fenced" and the host knowing it, so the 10 ms watcher pulls the cable inside
        // it. Without the delay FENCE -> SELECT took 4 ms and the pull landed after SELECT (flaky in CI).
        arb.sim.setReplyDelayMs(50);
        lab.a.freeze();
        PairState s = lab.await("operator needed", x -> x.mode() == Mode.OPERATOR_NEEDED, SETTLE);
        lab.hold("no automatic promotion", x -> x.mode() == Mode.OPERATOR_NEEDED && x.active() == BoxId.A,
                Duration.ofSeconds(2));
        System.out.printf("[arbiter-cable-fence-select] %s%n", s.reason());
        assertThat(arb.sim.fenced(BoxId.A)).isTrue();
        assertThat(lab.commandIssued("start-flows", BoxId.B)).isFalse();
        assertThat(lab.observer.report().firstServingAfter("B", 0)).isEmpty();
        lab.assertNoDualActive("arbiter-cable-fence-select");
    }

    @Test
    void relayFeedbackFaultBlocksThePromotion() throws Exception {
        lab.await("protected by A, arbiter up", ArbiterFaultFixture::protectedByA, SETTLE);
        arb.sim.setRelayFault(true);
        lab.a.freeze();
        try {
            lab.await("operator needed", x -> x.mode() == Mode.OPERATOR_NEEDED, SETTLE);
            lab.hold("promotion blocked", x -> x.mode() == Mode.OPERATOR_NEEDED, Duration.ofSeconds(2));
        } finally {
            if (ArbiterLab.alive(lab.a)) {
                lab.a.thaw();
            }
        }
        assertThat(lab.commandIssued("start-flows", BoxId.B)).isFalse();
        assertThat(arb.sim.selected()).isNotEqualTo(Selection.B);
        lab.assertNoDualActive("arbiter-relay-fault");
    }

    /**
     * Another console moved the arbiter to a newer epoch: RedPair adopts it into its journal before any new
     * decision, a command with an older epoch is refused by the device (E05), and the next failover fences
     * with an epoch above the adopted one.
     */
    @Test
    void aNewerEpochFromAnotherConsoleIsAdoptedAndOlderEpochsAreRefused() throws Exception {
        PairState before = lab.await("protected by A, arbiter up", ArbiterFaultFixture::protectedByA, SETTLE);
        long other = before.epoch() + 100;
        assertThat(arb.link.select(BoxId.A, other).get(5, TimeUnit.SECONDS)).isInstanceOf(CommandResult.Done.class);
        lab.await("arbiter epoch adopted", x -> x.epoch() == other, SETTLE);
        assertThat(lab.journal.currentEpoch(FaultLab.PAIR)).isEqualTo(other);
        assertThat(arb.link.select(BoxId.B, before.epoch()).get(5, TimeUnit.SECONDS))
                .isEqualTo(new CommandResult.StaleEpoch(other));
        assertThat(arb.sim.selected()).isEqualTo(Selection.A);
        lab.a.freeze();
        PairState s = lab.await("running on B", x -> x.active() == BoxId.B
                && x.step() == io.redpair.failover.FailoverStep.NONE, SETTLE);
        assertThat(s.epoch()).isEqualTo(other + 1);
        assertThat(arb.sim.epoch()).isEqualTo(other + 1);
        assertThat(arb.sim.selected()).isEqualTo(Selection.B);
        lab.assertNoDualActive("arbiter-epoch-adopted");
    }

    @Test
    void forPairOpensTheConfiguredArbiterOnlyUnderFencingArbiter() throws Exception {
        io.redpair.pair.Pair configured = lab.site.pairs().get(0);
        var arbiter = new io.redpair.pair.ArbiterConfig(arb.cable.hostEnd.toString(), "A0042", 115200);
        io.redpair.pair.Pair apiOnly = new io.redpair.pair.Pair(configured.id(), configured.name(), configured.boxes(),
                configured.preferred(), configured.heartbeatPath(), arbiter, Policy.defaults());
        assertThat(LinkArbiterPort.forPair(apiOnly, new SerialPortScanner(List.of(), false))).isNull();
        lab.close(); // the supervisor's own link lets the device go (one host session at a time)
        lab = null;
        io.redpair.pair.Pair fenced = new io.redpair.pair.Pair(configured.id(), configured.name(), configured.boxes(),
                configured.preferred(), configured.heartbeatPath(), arbiter, ARBITER);
        try (io.redpair.supervisor.ArbiterPort port = LinkArbiterPort.forPair(fenced,
                new SerialPortScanner(List.of(), false))) {
            java.util.concurrent.CompletableFuture<io.redpair.failover.ArbiterView> up = new java.util.concurrent.CompletableFuture<>();
            port.onView(v -> {
                if (v.linkUp()) {
                    up.complete(v);
                }
            });
            assertThat(up.get(15, TimeUnit.SECONDS).linkUp()).isTrue();
        }
    }

    /** After the link is back (found again by serial number), the outputs are read and re-selected for the active. */
    @Test
    void outputsAreReconciledWithThePairStateWhenTheLinkComesUp() throws Exception {
        lab.await("protected by A, arbiter up", ArbiterFaultFixture::protectedByA, SETTLE);
        awaitDevice("the boot selection NONE reconciled to the active A", () -> arb.sim.selected() == Selection.A);
        lab.assertNoDualActive("arbiter-reconcile");
    }
}
