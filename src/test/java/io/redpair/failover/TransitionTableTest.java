package io.redpair.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.failover.PairCommand.RecordNote;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One row per transition rule: the pair is brought up with A and B in the given conditions (at
 * start-up), then one event arrives. The expected mode and the commands other than journal notes are
 * checked. The scenario transcripts show the same rules with their reasons, in context.
 */
class TransitionTableTest {

    @ParameterizedTest(name = "A={0} B={1}, {2} -> {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            RUNNING_FLOWS | STANDBY_READY | observe A DOWN          | FAILING_OVER    | PersistEpoch StartFlows
            RUNNING_FLOWS | STANDBY_READY | observe A STUCK         | FAILING_OVER    | PersistEpoch StopFlows
            RUNNING_FLOWS | STANDBY_READY | observe A STANDBY_READY | FAILING_OVER    | PersistEpoch StopFlows
            RUNNING_FLOWS | STANDBY_READY | observe A HUNG          | SUSPECT         |
            RUNNING_FLOWS | STANDBY_READY | observe A UNREACHABLE   | SUSPECT         |
            RUNNING_FLOWS | STANDBY_READY | observe A UNKNOWN       | SUSPECT         |
            RUNNING_FLOWS | STANDBY_READY | observe A MISCONFIGURED | OPERATOR_NEEDED | RaiseAlarm
            RUNNING_FLOWS | STANDBY_READY | observe B RUNNING_FLOWS | UNPROTECTED     | RaiseAlarm StopFlows
            RUNNING_FLOWS | STANDBY_READY | observe B STUCK         | UNPROTECTED     | RaiseAlarm StopFlows
            RUNNING_FLOWS | STANDBY_READY | observe B DOWN          | UNPROTECTED     |
            RUNNING_FLOWS | STANDBY_READY | observe B HUNG          | UNPROTECTED     |
            RUNNING_FLOWS | STANDBY_READY | observe B UNKNOWN       | UNPROTECTED     |
            RUNNING_FLOWS | STANDBY_READY | tick                    | PROTECTED       |
            RUNNING_FLOWS | STANDBY_READY | switchover user=u       | SWITCHING_OVER  | PersistEpoch StopFlows
            RUNNING_FLOWS | STANDBY_READY | confirm-off A user=u    | PROTECTED       |
            RUNNING_FLOWS | STANDBY_READY | maintenance for=1000 user=u | MAINTENANCE |
            RUNNING_FLOWS | DOWN          | observe A DOWN          | OPERATOR_NEEDED | RaiseAlarm
            RUNNING_FLOWS | DOWN          | observe A STUCK         | OPERATOR_NEEDED | RaiseAlarm
            RUNNING_FLOWS | HUNG          | observe A HUNG          | SUSPECT         | RaiseAlarm
            RUNNING_FLOWS | UNREACHABLE   | observe A UNREACHABLE   | SUSPECT         | RaiseAlarm
            RUNNING_FLOWS | DOWN          | switchover user=u       | UNPROTECTED     |
            RUNNING_FLOWS | DOWN          | observe B STANDBY_READY | PROTECTED       |
            STUCK         | STANDBY_READY | tick                    | FAILING_OVER    | PersistEpoch StopFlows
            STANDBY_READY | STANDBY_READY | tick                    | STARTING        |
            DOWN          | STANDBY_READY | tick                    | STARTING        |
            DOWN          | DOWN          | tick                    | OPERATOR_NEEDED |
            STANDBY_READY | HUNG          | tick                    | OPERATOR_NEEDED |
            STANDBY_READY | MISCONFIGURED | tick                    | OPERATOR_NEEDED |
            RUNNING_FLOWS | RUNNING_FLOWS | observe B RUNNING_FLOWS | UNPROTECTED     |
            HUNG          | HUNG          | tick                    | OPERATOR_NEEDED |
            """)
    void ruleGivesModeAndCommands(String a, String b, String event, String mode, String commands) {
        TranscriptDriver driver = new TranscriptDriver();
        driver.run("init epoch=1 at=0");
        driver.run("observe A " + a + " at=10");
        driver.run("observe B " + b + " at=20");
        Step step = driver.step(event + " at=5000");
        List<String> expected = commands == null ? List.of() : Arrays.asList(commands.trim().split("\\s+"));
        assertThat(step.state().mode().name()).isEqualTo(mode);
        assertThat(step.commands().stream().filter(c -> !(c instanceof RecordNote))
                .map(c -> c.getClass().getSimpleName()).toList()).isEqualTo(expected);
    }
}
