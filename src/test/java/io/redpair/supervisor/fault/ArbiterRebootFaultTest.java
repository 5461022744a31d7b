package io.redpair.supervisor.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.arbiter.Selection;
import io.redpair.failover.Mode;
import io.redpair.failover.PairState;
import io.redpair.pair.BoxId;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The arbiter reboots in the middle of a takeover: the simulator dies the moment it has sent a given frame and
 * a new one starts on the same pty with the same state file. WDA/1 §5 says what comes back: outputs never move
 * during boot (the latching selector keeps its position, fence relays stay as they were), the device starts
 * DISARMED with a new event numbering and emits BOOT; the prepared command and the reply cache are gone, so an
 * EXEC sent after the reboot is refused (E06). RedPair must re-HELLO and re-ARM, read the outputs back instead
 * of assuming them, never promote on an unconfirmed step, and leave a state an operator can act on.
 */
class ArbiterRebootFaultTest extends ArbiterFaultFixture {

    private static final Duration HOLD = Duration.ofSeconds(2);

    /** Sets the trap, freezes A (so the supervisor fences it), and reboots the device when the trap springs. */
    private void freezeAAndRebootAfter(String frame) throws Exception {
        lab.await("protected by A, arbiter up", ArbiterFaultFixture::protectedByA, SETTLE);
        awaitDevice("the boot selection reconciled to A", () -> arb.sim.selected() == Selection.A);
        var sprung = arb.sim.dieAfterSending(Pattern.compile(frame));
        lab.a.freeze();
        System.out.printf("[arbiter-reboot] device died after sending %s%n", sprung.get(SETTLE.toSeconds(), TimeUnit.SECONDS));
        arb.restartSimulator();
    }

    /**
     * The device is armed again (its own state, not RedPair's belief) and the reboot in the middle of the sequence
     * (selector on A, unlike the boot at the lab's start) is in the journal for the operator.
     */
    private void assertRebootJournalled() throws InterruptedException {
        awaitArmed();
        awaitArbiterNote("the reboot", t -> t.startsWith("arbiter rebooted (rst=POR") && t.contains("sel=A"));
    }

    /** EXEC FENCE reaches a device that has forgotten the PREP: nothing is fenced, so nothing may be started. */
    @Test
    void rebootBetweenPrepAndExecOfTheFenceFencesNothingAndPromotesNothing() throws Exception {
        try {
            freezeAAndRebootAfter(",OK,PREP,.*cmd=FENCE/box=A/");
            PairState s = lab.await("operator needed", x -> x.mode() == Mode.OPERATOR_NEEDED, SETTLE);
            lab.hold("no promotion", x -> x.mode() == Mode.OPERATOR_NEEDED && x.active() == BoxId.A, HOLD);
            System.out.printf("[arbiter-reboot-prep-exec] %s%n", s.reason());
            assertThat(s.reason()).contains("fence");
            assertRebootJournalled();
            assertThat(arb.sim.fenced(BoxId.A)).as("the prepared FENCE died with the reboot").isFalse();
            assertThat(arb.sim.selected()).as("the latching selector kept A").isEqualTo(Selection.A);
            assertThat(arb.sim.actuations()).as("no output moved since the reboot").isZero();
            assertThat(arb.sim.epoch()).isLessThanOrEqualTo(lab.journal.currentEpoch(FaultLab.PAIR));
            assertThat(lab.commandIssued("start-flows", BoxId.B)).isFalse();
            assertThat(lab.observer.report().firstServingAfter("B", 0)).isEmpty();
        } finally {
            if (ArbiterLab.alive(lab.a)) {
                lab.a.thaw();
            }
        }
        lab.await("A runs flows again: recovered by itself", ArbiterFaultFixture::protectedByA, SETTLE);
        lab.assertNoDualActive("arbiter-reboot-prep-exec");
    }

    /**
     * The device dies right after answering EXEC FENCE: RedPair's read-back goes to the rebooted device, which
     * reports the fence it kept (fA=1, pA=0); that reading, not the lost reply, lets the takeover go on.
     */
    @Test
    void rebootRightAfterTheFenceIsReadBackFromTheRebootedDeviceThenBTakesOver() throws Exception {
        freezeAAndRebootAfter(",OK,FENCE,box=A,");
        PairState s = lab.await("running on B", x -> runningOn(x, BoxId.B), SETTLE);
        assertThat(lab.observer.awaitServing("B", 0, 5_000)).isTrue();
        assertRebootJournalled();
        assertThat(arb.sim.fenced(BoxId.A)).as("the fence relay kept A off across the reboot").isTrue();
        assertThat(arb.sim.selected()).isEqualTo(Selection.B);
        assertThat(arb.sim.epoch()).isEqualTo(s.epoch()).isEqualTo(lab.journal.currentEpoch(FaultLab.PAIR));
        assertThat(ArbiterLab.alive(lab.a)).as("A powered off by the fence").isFalse();
        assertThat(lab.events).anyMatch(e -> e instanceof io.redpair.supervisor.SupervisorEvent.CommandFinished c
                && c.command().equals("fence") && c.ok() && c.detail().contains("fenced=true power sense=0"));
        lab.assertNoDualActive("arbiter-reboot-after-fence");
    }

    /**
     * EXEC SELECT B reaches a device that has forgotten the PREP: A is fenced (and stays so across the reboot),
     * the outputs still point at A, B is not started. The operator's confirmation then completes the takeover
     * through the re-armed device with a new epoch.
     */
    @Test
    void rebootBetweenPrepAndExecOfTheSelectWaitsForTheOperatorWhoseConfirmationCompletesIt() throws Exception {
        freezeAAndRebootAfter(",OK,PREP,.*cmd=SELECT/box=B/");
        PairState s = lab.await("operator needed", x -> x.mode() == Mode.OPERATOR_NEEDED, SETTLE);
        lab.hold("no promotion", x -> x.mode() == Mode.OPERATOR_NEEDED && x.active() == BoxId.A, HOLD);
        System.out.printf("[arbiter-reboot-select] %s%n", s.reason());
        assertRebootJournalled();
        assertThat(arb.sim.fenced(BoxId.A)).as("the fence relay kept A off across the reboot").isTrue();
        assertThat(arb.sim.selected()).as("the latching selector did not move").isEqualTo(Selection.A);
        assertThat(lab.commandIssued("start-flows", BoxId.B)).isFalse();
        ControlResponse r = lab.supervisor.handle(new ControlRequest(null, ControlRequest.FAILOVER, FaultLab.PAIR, null,
                null, null, true, "test: A is fenced, the arbiter rebooted during SELECT", "tester", "lab"));
        assertThat(r.outcome()).as(r.message()).isEqualTo(ControlResponse.Outcome.OK);
        PairState after = lab.await("running on B", x -> runningOn(x, BoxId.B), SETTLE);
        assertThat(lab.observer.awaitServing("B", 0, 5_000)).isTrue();
        assertThat(arb.sim.selected()).isEqualTo(Selection.B);
        assertThat(after.epoch()).isGreaterThan(s.epoch());
        assertThat(arb.sim.epoch()).isEqualTo(after.epoch());
        lab.assertNoDualActive("arbiter-reboot-select");
    }
}
