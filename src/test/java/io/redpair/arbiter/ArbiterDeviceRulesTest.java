package io.redpair.arbiter;

import static io.redpair.arbiter.DeviceHarness.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.pair.BoxId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every WDA/1 device rule against the simulator's rule engine, with a fake clock (no sleeping). */
class ArbiterDeviceRulesTest {

    @TempDir
    Path dir;
    DeviceHarness h;

    @BeforeEach
    void setUp() throws IOException {
        h = new DeviceHarness(dir.resolve("arbiter.state"));
        h.helloAndArm(5000);
        assertThat(h.prepExec(new ArbiterCommand.Select(Selection.A, 41))).isInstanceOf(Frame.Ok.class);
    }

    @Test
    void helloReportsIdentityAndSessionState() {
        Frame.Ok hello = (Frame.Ok) h.send(new ArbiterCommand.Hello(1, 3, "WS07"));
        assertThat(hello.get("sn")).isEqualTo("A0042");
        assertThat(hello.get("proto")).isEqualTo("1");
        assertThat(hello.get("epoch")).isEqualTo("41");
        assertThat(hello.get("sel")).isEqualTo("A");
        assertThat(hello.get("rst")).isEqualTo("POR");
    }

    @Test
    void staleEpochIsRefusedWithTheCurrentEpochAndNothingMoves() {
        long actuations = h.device.hardware().actuations();
        Frame reply = h.send(new ArbiterCommand.Prep(new ArbiterCommand.Select(Selection.B, 40)));
        assertThat(reply).isEqualTo(Frame.Error.of(((Frame.Error) reply).seq(), ErrorCode.E05, Field.of("epoch", 41)));
        assertThat(h.device.hardware().selected()).isEqualTo(Selection.A);
        assertThat(h.device.hardware().actuations()).isEqualTo(actuations);
    }

    static Stream<ArbiterCommand> dangerousVerbs() {
        return Stream.of(new ArbiterCommand.Select(Selection.B, 50), new ArbiterCommand.Fence(BoxId.A, FenceMode.OFF, 0, 50),
                new ArbiterCommand.Unfence(BoxId.A, 50), new ArbiterCommand.Disarm());
    }

    @ParameterizedTest
    @MethodSource("dangerousVerbs")
    void dangerousVerbSentDirectlyIsNotPrepared(ArbiterCommand verb) {
        long actuations = h.device.hardware().actuations();
        assertThat(errorCode(h.send(verb))).isEqualTo("E06");
        assertThat(h.device.hardware().actuations()).isEqualTo(actuations);
        assertThat(h.device.armState()).isEqualTo(ArbiterStatus.ArmState.ARMED);
        assertThat(h.device.epoch()).isEqualTo(41);
    }

    @Test
    void execAfterTheTtlIsRefusedAsExpired() {
        Frame.Ok prep = (Frame.Ok) h.send(new ArbiterCommand.Prep(new ArbiterCommand.Select(Selection.B, 42)));
        assertThat(prep.get("ttl")).isEqualTo("3000");
        assertThat(prep.get("cmd")).isEqualTo("SELECT/box=B/epoch=42");
        h.clock.advanceMs(3001);
        Frame exec = h.send(new ArbiterCommand.Exec(Integer.parseInt(prep.get("nonce"), 16)));
        assertThat(errorCode(exec)).isEqualTo("E11");
        assertThat(h.device.hardware().selected()).isEqualTo(Selection.A);
    }

    @Test
    void execJustInsideTheTtlAfterSafeVerbsInterleavedExecutes() {
        Frame.Ok prep = (Frame.Ok) h.send(new ArbiterCommand.Prep(new ArbiterCommand.Select(Selection.B, 42)));
        h.send(new ArbiterCommand.Kick());
        h.send(new ArbiterCommand.Status());
        h.send(new ArbiterCommand.Ack(0));
        h.send(new ArbiterCommand.Log(0));
        h.clock.advanceMs(2999);
        Frame exec = h.send(new ArbiterCommand.Exec(Integer.parseInt(prep.get("nonce"), 16)));
        assertThat(exec).isInstanceOfSatisfying(Frame.Ok.class, ok -> assertThat(ok.get("sel")).isEqualTo("B"));
        assertThat(h.device.epoch()).isEqualTo(42);
    }

    @Test
    void anotherStateChangingCommandCancelsThePreparedOne() {
        Frame.Ok prep = (Frame.Ok) h.send(new ArbiterCommand.Prep(new ArbiterCommand.Select(Selection.B, 42)));
        h.send(new ArbiterCommand.Arm(5000));
        assertThat(errorCode(h.send(new ArbiterCommand.Exec(Integer.parseInt(prep.get("nonce"), 16))))).isEqualTo("E11");
        assertThat(errorCode(h.send(new ArbiterCommand.Exec(0x1234)))).isIn("E06", "E11");
        assertThat(h.device.hardware().selected()).isEqualTo(Selection.A);
    }

    @Test
    void retransmittedExecGetsTheCachedReplyAndExecutesOnce() {
        Frame.Ok prep = (Frame.Ok) h.send(new ArbiterCommand.Prep(new ArbiterCommand.Fence(BoxId.B, FenceMode.OFF, 0, 42)));
        Frame.Command exec = new ArbiterCommand.Exec(Integer.parseInt(prep.get("nonce"), 16)).toFrame(0x0777);
        long actuations = h.device.hardware().actuations();
        Frame first = h.sendFrame(exec);
        int eventsAfterFirst = h.eventsOfType("FENCED").size();
        Frame second = h.sendFrame(exec);
        Frame third = h.sendFrame(exec);

        assertThat(first).isInstanceOf(Frame.Ok.class);
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(h.device.hardware().actuations()).isEqualTo(actuations + 1);
        assertThat(h.eventsOfType("FENCED")).hasSize(eventsAfterFirst).hasSize(1);
    }

    @Test
    void hostLostHoldsEveryOutputAndNeedsHelloAndArmToLeave() {
        long actuations = h.device.hardware().actuations();
        h.advanceMs(4990);
        assertThat(h.device.armState()).isEqualTo(ArbiterStatus.ArmState.ARMED);
        h.advanceMs(20);
        assertThat(h.device.armState()).isEqualTo(ArbiterStatus.ArmState.HOSTLOST);
        assertThat(h.eventsOfType("HOSTLOST")).singleElement().satisfies(e -> assertThat(e.get("sel")).isEqualTo("A"));
        h.advanceMs(30_000);
        h.send(new ArbiterCommand.Kick());
        assertThat(h.device.armState()).isEqualTo(ArbiterStatus.ArmState.HOSTLOST);
        assertThat(h.device.hardware().selected()).isEqualTo(Selection.A);
        assertThat(h.device.hardware().actuations()).isEqualTo(actuations);
        h.helloAndArm(5000);
        assertThat(h.device.armState()).isEqualTo(ArbiterStatus.ArmState.ARMED);
    }

    @Test
    void kickRestartsTheWatchdog() {
        for (int i = 0; i < 10; i++) {
            h.advanceMs(1250);
            assertThat(((Frame.Ok) h.send(new ArbiterCommand.Kick())).get("left")).isEqualTo("5000");
        }
        assertThat(h.device.armState()).isEqualTo(ArbiterStatus.ArmState.ARMED);
    }

    @Test
    void interlocksRefuseUnpoweredFencedBoxesAndBrokenFeedback() {
        h.device.hardware().setSupply(BoxId.B, false);
        assertThat(h.prepExec(new ArbiterCommand.Select(Selection.B, 42))).isEqualTo(interlockReply(h, "NOPOWER"));
        h.device.hardware().setSupply(BoxId.B, true);
        h.prepExec(new ArbiterCommand.Fence(BoxId.B, FenceMode.OFF, 0, 42));
        assertThat(h.prepExec(new ArbiterCommand.Select(Selection.B, 42))).isEqualTo(interlockReply(h, "FENCED"));
        h.device.setRelayFault(true);
        assertThat(h.prepExec(new ArbiterCommand.Unfence(BoxId.B, 42))).isEqualTo(interlockReply(h, "RFB"));
        assertThat(h.device.hardware().selected()).isEqualTo(Selection.A);
    }

    private static Frame interlockReply(DeviceHarness h, String why) {
        Frame last = h.sent.stream().filter(f -> !(f instanceof Frame.Event)).reduce((a, b) -> b).orElseThrow();
        return Frame.Error.of(((Frame.Error) last).seq(), ErrorCode.E08, Field.of("why", why));
    }

    @Test
    void interlockIsCheckedAgainAtExec() {
        Frame.Ok prep = (Frame.Ok) h.send(new ArbiterCommand.Prep(new ArbiterCommand.Select(Selection.B, 42)));
        h.device.hardware().setSupply(BoxId.B, false);
        assertThat(errorCode(h.send(new ArbiterCommand.Exec(Integer.parseInt(prep.get("nonce"), 16))))).isEqualTo("E08");
        assertThat(h.device.hardware().selected()).isEqualTo(Selection.A);
    }

    @Test
    void anotherHostIsBusyWhileTheArmedHostsWatchdogRuns() {
        assertThat(errorCode(h.send(new ArbiterCommand.Hello(1, 1, "LAPTOP")))).isEqualTo("E07");
        assertThat(errorCode(h.send(new ArbiterCommand.Prep(new ArbiterCommand.Select(Selection.B, 99))))).isEqualTo("E07");
        assertThat(errorCode(h.send(new ArbiterCommand.Kick()))).isEqualTo("E07");
        assertThat(h.send(new ArbiterCommand.Status())).isInstanceOf(Frame.Ok.class);
        h.advanceMs(5001);
        assertThat(h.send(new ArbiterCommand.Hello(1, 1, "LAPTOP"))).isInstanceOf(Frame.Ok.class);
    }

    @Test
    void localModeRefusesRemoteActuation() {
        h.device.setLocal(true);
        assertThat(h.eventsOfType("MODE")).singleElement().satisfies(e -> assertThat(e.get("mode")).isEqualTo("LOCAL"));
        assertThat(errorCode(h.send(new ArbiterCommand.Prep(new ArbiterCommand.Select(Selection.B, 42))))).isEqualTo("E09");
        assertThat(((Frame.Ok) h.send(new ArbiterCommand.Status())).get("mode")).isEqualTo("LOCAL");
    }

    @Test
    void criticalEventIsResentEverySecondWithTheSameEvseqUntilAcked() {
        h.device.hardware().setSupply(BoxId.B, false);
        h.advanceMs(10);
        Frame.Event pwr = h.eventsOfType("PWR").get(0);
        assertThat(pwr.get("p")).isEqualTo("0");
        h.advanceMs(3000);
        assertThat(h.eventsOfType("PWR")).hasSize(4).allSatisfy(e -> assertThat(e).isEqualTo(pwr));
        h.send(new ArbiterCommand.Ack(pwr.evseq()));
        h.advanceMs(3000);
        assertThat(h.eventsOfType("PWR")).hasSize(4);
    }

    @Test
    void heartbeatLossIsACriticalBeatEvent() {
        h.device.heartbeat(BoxId.A);
        h.advanceMs(2100);
        assertThat(h.eventsOfType("BEAT")).first().satisfies(e -> assertThat(e.get("state")).isEqualTo("LOST"));
        h.device.heartbeat(BoxId.A);
        h.advanceMs(10);
        assertThat(h.eventsOfType("BEAT")).last().satisfies(e -> assertThat(e.get("state")).isEqualTo("OK"));
    }

    @Test
    void epochIsPersistedAndSurvivesARestartOfTheDevice() throws IOException {
        h.prepExec(new ArbiterCommand.Fence(BoxId.B, FenceMode.OFF, 0, 57));
        DeviceHarness restarted = new DeviceHarness(dir.resolve("arbiter.state"));
        assertThat(restarted.device.epoch()).isEqualTo(57);
        assertThat(restarted.device.hardware().selected()).isEqualTo(Selection.A);
        assertThat(restarted.device.hardware().fenced(BoxId.B)).isTrue();
        assertThat(errorCode(restarted.send(new ArbiterCommand.Prep(new ArbiterCommand.Unfence(BoxId.B, 56))))).isEqualTo("E05");
    }

    @Test
    void nothingMovesWhenTheEpochCannotBePersisted() throws IOException {
        DeviceHarness broken = new DeviceHarness(dir.resolve("ok.state"));
        Files.delete(dir.resolve("ok.state"));
        Files.createDirectory(dir.resolve("ok.state")); // the state file is now a directory: writes fail
        broken.helloAndArm(5000);
        Frame reply = broken.prepExec(new ArbiterCommand.Select(Selection.B, 3));
        assertThat(errorCode(reply)).isEqualTo("E08");
        assertThat(broken.device.hardware().selected()).isEqualTo(Selection.NONE);
        assertThat(broken.device.epoch()).isEqualTo(0);
        assertThat(broken.eventsOfType("FAULT")).singleElement().satisfies(e -> assertThat(e.get("code")).isEqualTo("FLASH"));
    }

    @Test
    void rebootKeepsOutputsRestartsEventNumberingAndDisarms() throws IOException {
        h.device.boot("BOR");
        Frame.Event boot = h.events().get(h.events().size() - 1);
        assertThat(boot.type()).isEqualTo("BOOT");
        assertThat(boot.evseq()).isZero();
        assertThat(boot.get("rst")).isEqualTo("BOR");
        assertThat(boot.get("sel")).isEqualTo("A");
        assertThat(h.device.armState()).isEqualTo(ArbiterStatus.ArmState.DISARMED);
        assertThat(((Frame.Ok) h.send(new ArbiterCommand.Hello(1, 1, "WS07"))).get("rst")).isEqualTo("BOR");
    }

    @Test
    void logReplaysTheLast64Events() {
        for (int i = 0; i < 40; i++) {
            h.device.setLocal(true);
            h.device.setLocal(false);
        }
        int before = h.events().size();
        Frame.Ok log = (Frame.Ok) h.send(new ArbiterCommand.Log(0));
        assertThat(log.get("count")).isEqualTo("64");
        assertThat(h.events().size() - before).isEqualTo(64);
    }

    @Test
    void versionUnknownVerbAndBadArgumentsAreRefused() {
        assertThat(errorCode(h.send(new ArbiterCommand.Hello(2, 3, "WS07")))).isEqualTo("E10");
        assertThat(errorCode(h.sendFrame(new Frame.Command(0x0900, "SELFDESTRUCT", java.util.List.of())))).isEqualTo("E03");
        assertThat(errorCode(h.sendFrame(new Frame.Command(0x0901, "ARM", java.util.List.of(Field.of("host_to", 10)))))).isEqualTo("E04");
        assertThat(errorCode(h.sendFrame(new Frame.Command(0x0902, "KICK", java.util.List.of(Field.of("future", "x")))))).isEqualTo("OK");
    }

    @Test
    void fenceCycleRestoresPowerAfterTheHold() {
        Frame reply = h.prepExec(new ArbiterCommand.Fence(BoxId.B, FenceMode.CYCLE, 2000, 42));
        assertThat(((Frame.Ok) reply).get("pB")).isEqualTo("0");
        h.advanceMs(1990);
        assertThat(h.device.hardware().powerSense(BoxId.B)).isFalse();
        h.advanceMs(20);
        assertThat(h.device.hardware().powerSense(BoxId.B)).isTrue();
        assertThat(h.eventsOfType("UNFENCED")).hasSize(1);
    }

    @Test
    void replyComesBeforeTheEventItCauses() {
        h.prepExec(new ArbiterCommand.Fence(BoxId.B, FenceMode.OFF, 0, 42));
        Frame last = h.sent.get(h.sent.size() - 1);
        Frame beforeLast = h.sent.get(h.sent.size() - 2);
        assertThat(beforeLast).isInstanceOf(Frame.Ok.class);
        assertThat(last).isInstanceOfSatisfying(Frame.Event.class, e -> assertThat(e.type()).isEqualTo("FENCED"));
    }
}
