package io.redpair.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven tests of the health model with a fake clock (policy 250 ms × 4 = 1 s deadline). A script
 * is a list of probe rounds {@code "T api canary"} separated by ';' (T in ms; canary {@code 200/AGE},
 * {@code 404}, a failure kind, or {@code -} for none); the condition is assessed at {@code assessAt}.
 */
class BoxHealthTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            never heard stays unknown                 | true  |                                                                 | 5000 | UNKNOWN
            fresh canary means flows run              | true  | 0 STARTED 200/100                                               | 0    | RUNNING_FLOWS
            stale canary tick is stuck at once        | true  | 0 STARTED 200/100; 250 STARTED 200/1300                         | 250  | STUCK
            stop and canary 404 is standby            | true  | 0 STOPPED 404                                                   | 0    | STANDBY_READY
            safe mode and canary 404 is standby       | true  | 0 SAFE 404                                                      | 0    | STANDBY_READY
            API start but canary 404 is not running   | true  | 0 STARTED 404                                                   | 0    | STUCK
            API answer without canary answer yet      | true  | 0 STOPPED -                                                     | 0    | UNKNOWN
            canary 404 on a running box waits         | true  | 0 STARTED 200/50; 250 STARTED 404; 500 STARTED 404; 750 STARTED 404 | 750  | RUNNING_FLOWS
            canary 404 for the deadline is stuck      | true  | 0 STARTED 200/50; 250 STARTED 404; 500 STARTED 404; 1000 STARTED 404 | 1000 | STUCK
            one refusal does not convict              | true  | 0 STARTED 200/50; 250 REFUSED REFUSED                           | 750  | RUNNING_FLOWS
            two refusals everywhere convict at once   | true  | 0 STARTED 200/50; 250 REFUSED REFUSED; 500 REFUSED REFUSED      | 500  | DOWN
            refused for the deadline is down          | true  | 0 STARTED 200/50; 250 REFUSED REFUSED; 1000 REFUSED REFUSED     | 1000 | DOWN
            hung for the deadline is hung             | true  | 0 STARTED 200/50; 250 HUNG HUNG; 1000 HUNG HUNG                 | 1000 | HUNG
            no connection for the deadline            | true  | 0 STOPPED 404; 250 UNREACHABLE UNREACHABLE; 1000 UNREACHABLE UNREACHABLE | 1000 | UNREACHABLE
            deadline applies without new probes       | true  | 0 STARTED 200/50; 250 REFUSED REFUSED                           | 1000 | DOWN
            refused since start-up waits the deadline | true  | 0 REFUSED REFUSED; 500 REFUSED REFUSED                          | 500  | UNKNOWN
            refused since start-up then down          | true  | 0 REFUSED REFUSED; 500 REFUSED REFUSED; 1000 REFUSED REFUSED    | 1000 | DOWN
            unauthorized at start-up                  | true  | 0 UNAUTHORIZED -                                                | 0    | MISCONFIGURED
            runtimeState disabled                     | true  | 0 FEATURE_DISABLED -                                            | 0    | MISCONFIGURED
            not Node-RED                              | false | 0 NOT_NODE_RED -                                                | 0    | MISCONFIGURED
            unauthorized but canary fresh still runs  | true  | 0 STARTED 200/50; 250 UNAUTHORIZED 200/60; 1500 UNAUTHORIZED 200/70 | 1500 | RUNNING_FLOWS
            unauthorized after running, canary gone   | true  | 0 STARTED 200/50; 250 UNAUTHORIZED 404; 1000 UNAUTHORIZED 404   | 1000 | MISCONFIGURED
            spare starting flows is seen at once      | true  | 0 STOPPED 404; 250 STARTED 200/10                               | 250  | RUNNING_FLOWS
            spare API start with canary 404 at once   | true  | 0 STOPPED 404; 250 STARTED 404                                  | 250  | STUCK
            flows stopped (API stop, canary 404) at once | true | 0 STARTED 200/10; 250 STOPPED 404                            | 250  | STANDBY_READY
            canary 404 during a deploy waits          | true  | 0 STARTED 200/10; 250 STARTED 404                               | 250  | RUNNING_FLOWS
            down box coming back is standby at once   | true  | 0 REFUSED REFUSED; 1000 REFUSED REFUSED; 5000 STOPPED 404       | 5000 | STANDBY_READY
            canary hanging is the box hanging         | true  | 0 STOPPED HUNG; 1000 STOPPED HUNG                               | 1000 | HUNG
            frozen box: canary times out first        | true  | 0 STARTED 200/50; 1000 - HUNG                                   | 1000 | HUNG
            frozen box: not before the deadline       | true  | 0 STARTED 200/50; 750 - HUNG                                    | 750  | RUNNING_FLOWS
            canary answers wrongly is unclear         | true  | 0 STARTED BAD_ANSWER                                            | 0    | STUCK
            flapping inside the deadline never fails  | true  | 0 STARTED 200/5; 250 REFUSED REFUSED; 500 STARTED 200/5; 750 REFUSED REFUSED; 1000 STARTED 200/5 | 1000 | RUNNING_FLOWS
            without canary API start means running    | false | 0 STARTED -                                                     | 0    | RUNNING_FLOWS
            without canary API stop means standby     | false | 0 STOPPED -                                                     | 0    | STANDBY_READY
            without canary refused is down            | false | 0 STARTED -; 250 REFUSED -; 1000 REFUSED -                      | 1000 | DOWN
            """)
    void conditionFollowsTheObservations(String name, boolean canary, String script, long assessAt,
                                         BoxCondition expected) {
        BoxHealth health = run(canary, script);
        assertThat(health.assess(ms(assessAt)).condition()).isEqualTo(expected);
    }

    @Test
    void failureDetailNamesTheEvidenceAndTheMissedBeats() {
        BoxHealth health = run(true, "0 STARTED 200/50; 250 REFUSED REFUSED; 500 REFUSED -");
        BoxHealthSnapshot before = health.assess(ms(500));
        assertThat(before.condition()).as("refused twice on the API but once on the canary").isEqualTo(BoxCondition.RUNNING_FLOWS);
        assertThat(before.missed()).isEqualTo(2);
        assertThat(before.detail()).contains("connection refused");
        health.onCanary(CanaryObservation.of(CanaryObservation.Kind.REFUSED), ms(500));
        BoxHealthSnapshot after = health.assess(ms(500));
        assertThat(after.condition()).isEqualTo(BoxCondition.DOWN);
        assertThat(after.detail()).isEqualTo("connection refused: 2 heartbeats missed (0.5 s)");
        assertThat(after.sinceNanos()).isEqualTo(ms(500));
        assertThat(health.assess(ms(750)).phi()).as("suspicion keeps growing with the silence").isGreaterThan(before.phi());
    }

    /**
     * A fenced box (arbiter: power off confirmed) is DOWN at once, even when its last answers, given just before
     * the power went off, said flows run; one later refusal agrees with it, and a box that really runs flows
     * again (unfenced by hand) is seen at once.
     */
    @Test
    void aConfirmedFenceIsDownAtOnceWhateverTheLastAnswersSaid() {
        BoxHealth health = run(true, "0 STARTED 200/50; 250 STARTED 200/50");
        health.confirmedOff("fenced by the arbiter (power off confirmed)", ms(300));
        assertThat(health.assess(ms(300)).condition()).isEqualTo(BoxCondition.DOWN);
        assertThat(health.assess(ms(300)).detail()).isEqualTo("fenced by the arbiter (power off confirmed)");
        health.onApi(new ApiObservation(ApiObservation.Kind.REFUSED, "refused"), ms(500));
        health.onCanary(CanaryObservation.of(CanaryObservation.Kind.REFUSED), ms(500));
        assertThat(health.assess(ms(2000)).condition()).isEqualTo(BoxCondition.DOWN);
        health.onApi(new ApiObservation(ApiObservation.Kind.STARTED, "start"), ms(2250));
        health.onCanary(CanaryObservation.answered(10), ms(2250));
        assertThat(health.assess(ms(2250)).condition()).isEqualTo(BoxCondition.RUNNING_FLOWS);
    }

    @Test
    void withoutCanaryTheSnapshotSaysSo() {
        BoxHealthSnapshot s = run(false, "0 STARTED -").assess(ms(0));
        assertThat(s.canaryConfigured()).isFalse();
        assertThat(s.detail()).contains("no canary");
        assertThat(s.lastCanary()).isNull();
        assertThat(s.lastApi()).isEqualTo(ApiObservation.Kind.STARTED);
    }

    @Test
    void phiIsLowWhileAnsweringAndGrowsWithSilence() {
        BoxHealth health = run(true, "0 STARTED 200/5; 250 STARTED 200/5; 500 STARTED 200/5; 750 STARTED 200/5");
        double fresh = health.assess(ms(800)).phi();
        double late = health.assess(ms(1750)).phi();
        assertThat(fresh).isLessThan(1.0);
        assertThat(late).isGreaterThan(3.0);
    }

    private static BoxHealth run(boolean canary, String script) {
        BoxHealth health = new BoxHealth(BoxId.A, 250, 4, canary);
        if (script == null) {
            return health;
        }
        for (String round : script.split(";")) {
            String[] p = round.trim().split("\\s+");
            long now = ms(Long.parseLong(p[0]));
            if (!p[1].equals("-")) {
                health.onApi(ApiObservation.of(ApiObservation.Kind.valueOf(p[1])), now);
            }
            if (canary && !p[2].equals("-")) {
                health.onCanary(canary(p[2]), now);
            }
        }
        return health;
    }

    private static CanaryObservation canary(String s) {
        if (s.startsWith("200/")) {
            return CanaryObservation.answered(Long.parseLong(s.substring(4)));
        }
        return CanaryObservation.of(s.equals("404") ? CanaryObservation.Kind.NOT_SERVING
                : CanaryObservation.Kind.valueOf(s));
    }

    private static long ms(long millis) {
        return millis * 1_000_000L;
    }
}
