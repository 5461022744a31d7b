package io.redpair.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.ArbiterStatus.ArmState;
import io.redpair.arbiter.ArbiterStatus.RelayFeedback;
import io.redpair.arbiter.DeviceInfo;
import io.redpair.arbiter.Selection;
import io.redpair.check.ArbiterFacts.ArmOutcome;
import io.redpair.check.ArbiterFacts.ArmTest;
import io.redpair.pair.ArbiterConfig;
import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arbiter items from given facts (no device): the states the simulator-over-pty test does not reach. */
class ArbiterRulesTest {

    private static final Pair PAIR = new Pair("line1", "Line 1", Map.of(
            BoxId.A, new BoxConfig(java.net.URI.create("http://127.0.0.1:1880"), AuthRef.none(), null),
            BoxId.B, new BoxConfig(java.net.URI.create("http://127.0.0.1:1881"), AuthRef.none(), null)), BoxId.A, null,
            new ArbiterConfig("/dev/ttyACM0", "A0042", 115200), new Policy(250, 4, true, 600, 5000, Policy.Fencing.ARBITER));
    private static final DeviceInfo DEVICE = new DeviceInfo(1, "1.2.0", "B", "A0042", 17, "POR", "SEL.FENCE", Selection.A, 41, false);

    private static ArbiterStatus status(ArmState st, Selection sel, RelayFeedback rfb, boolean local, long hA, boolean pB) {
        return new ArbiterStatus(st, sel, rfb, false, false, true, pB, hA, 80, -1, 41, local, 0);
    }

    private static CheckItem item(List<CheckItem> items, String scope, String name) {
        return items.stream().filter(i -> i.scope().equals(scope) && i.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<CheckItem> judge(ArbiterStatus s, ArmOutcome arm, BoxId active) {
        return ArbiterRules.judge(PAIR, new ArbiterFacts("/dev/ttyACM0", DEVICE, null, s, new ArmTest(arm, "seen")), active);
    }

    @Test
    void hostLostIsAWarningTheCheckDoesNotClear() {
        CheckItem arm = item(judge(status(ArmState.HOSTLOST, Selection.A, RelayFeedback.A, false, 100, true),
                ArmOutcome.NOT_TRIED, BoxId.A), "arbiter", "armable");
        assertThat(arm.status()).isEqualTo(CheckStatus.WARN);
        assertThat(arm.detail()).contains("not re-armed by the check");
    }

    @Test
    void localModeFailsArmableWithTheKeySwitch() {
        CheckItem arm = item(judge(status(ArmState.DISARMED, Selection.A, RelayFeedback.A, true, 100, true),
                ArmOutcome.NOT_TRIED, BoxId.A), "arbiter", "armable");
        assertThat(arm.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(arm.fix()).contains("REMOTE");
    }

    @Test
    void aDisarmThatDidNotRestoreFails() {
        CheckItem arm = item(judge(status(ArmState.ARMED, Selection.A, RelayFeedback.A, false, 100, true),
                ArmOutcome.DISARM_FAILED, BoxId.A), "arbiter", "armable");
        assertThat(arm.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(arm.fix()).contains("HOSTLOST");
    }

    @Test
    void noSelectionIsAWarningAndARelayFaultAFailure() {
        assertThat(item(judge(status(ArmState.DISARMED, Selection.NONE, RelayFeedback.NONE, false, 100, true),
                ArmOutcome.ARMED_THEN_DISARMED, BoxId.A), "arbiter", "selection").status()).isEqualTo(CheckStatus.WARN);
        CheckItem fault = item(judge(status(ArmState.DISARMED, Selection.A, RelayFeedback.FAULT, false, 100, true),
                ArmOutcome.NOT_TRIED, BoxId.A), "arbiter", "selection");
        assertThat(fault.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(fault.fix()).contains("feedback contact");
    }

    @Test
    void selectionWithoutASingleActiveIsAWarning() {
        assertThat(item(judge(status(ArmState.DISARMED, Selection.A, RelayFeedback.A, false, 100, true),
                ArmOutcome.ARMED_THEN_DISARMED, null), "arbiter", "selection").status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void aSilentOrNeverSeenHeartbeatLineAndNoPowerFail() {
        List<CheckItem> never = judge(status(ArmState.DISARMED, Selection.A, RelayFeedback.A, false, -1, false),
                ArmOutcome.ARMED_THEN_DISARMED, BoxId.A);
        assertThat(item(never, "A", "heartbeat-line").detail()).contains("no heartbeat edge");
        assertThat(item(never, "A", "heartbeat-line").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(item(never, "B", "power-sense").status()).isEqualTo(CheckStatus.FAIL);
        CheckItem stale = item(judge(status(ArmState.DISARMED, Selection.A, RelayFeedback.A, false, 1001, true),
                ArmOutcome.ARMED_THEN_DISARMED, BoxId.A), "A", "heartbeat-line");
        assertThat(stale.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(stale.detail()).contains("deadline 1000 ms");
    }

    @Test
    void aSiteFileWithoutSerialNumberWarnsWithTheOneToAdd() {
        Pair noSerial = new Pair(PAIR.id(), PAIR.name(), PAIR.boxes(), PAIR.preferred(), null,
                new ArbiterConfig("/dev/ttyACM0", null, 115200), PAIR.policy());
        CheckItem serial = item(ArbiterRules.judge(noSerial, new ArbiterFacts("/dev/ttyACM0", DEVICE, null,
                status(ArmState.DISARMED, Selection.A, RelayFeedback.A, false, 100, true),
                new ArmTest(ArmOutcome.ARMED_THEN_DISARMED, "ok")), BoxId.A), "arbiter", "serial");
        assertThat(serial.status()).isEqualTo(CheckStatus.WARN);
        assertThat(serial.fix()).contains("\"serialNumber\": \"A0042\"");
    }
}
