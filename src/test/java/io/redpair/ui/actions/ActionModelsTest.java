package io.redpair.ui.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.store.Actor;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SupervisorEvent;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.ui.fake.Snapshots;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which actions are legal in which state, the requests they send, and the switchover's measured gap. */
class ActionModelsTest {

    @ParameterizedTest(name = "{0}: switchover {1}, maintenance on {2}, off {3}, override {4}")
    @CsvSource({
            "PROTECTED,       true,  true,  false, false",
            "UNPROTECTED,     false, true,  false, false",
            "SUSPECT,         false, true,  false, false",
            "STARTING,        false, true,  false, false",
            "FAILING_OVER,    false, false, false, false",
            "SWITCHING_OVER,  false, false, false, false",
            "OPERATOR_NEEDED, false, true,  false, true",
            "MAINTENANCE,     false, false, true,  false"})
    void actionsAreEnabledOnlyWhenTheDeciderWouldAcceptThem(Mode mode, boolean switchover, boolean maintenanceOn,
                                                           boolean maintenanceOff, boolean override) {
        PairSnapshot p = Snapshots.operatorNeeded("l1", "L", List.of());
        FailoverStep step = mode == Mode.FAILING_OVER || mode == Mode.SWITCHING_OVER ? FailoverStep.STOP_OLD : FailoverStep.NONE;
        PairSnapshot s = new PairSnapshot("l1", "L", mode, BoxId.A, 3, "why", step, null, true, false,
                Map.copyOf(p.boxes()), List.of());
        PairActions a = PairActions.of(s);
        assertThat(List.of(a.switchover(), a.maintenanceOn(), a.maintenanceOff(), a.override()))
                .containsExactly(switchover, maintenanceOn, maintenanceOff, override);
    }

    @Test
    void noSupervisorMeansNoActionAndSaysWhy() {
        PairActions a = PairActions.of(null);
        assertThat(a.switchover() || a.maintenanceOn() || a.override()).isFalse();
        assertThat(a.overrideWhyNot()).isEqualTo("no supervisor decides for this pair");
    }

    @Test
    void overrideIsRefusedWhileTheOldActiveIsSeenRunningFlowsOrTheSpareCannotRun() {
        PairSnapshot p = Snapshots.operatorNeeded("l1", "L", List.of());
        PairSnapshot running = new PairSnapshot("l1", "L", Mode.OPERATOR_NEEDED, BoxId.A, 3, "why", FailoverStep.NONE,
                null, true, false, Map.of(BoxId.A, Snapshots.box(BoxId.A, BoxCondition.RUNNING_FLOWS, 5, 100, 0, ""),
                BoxId.B, p.boxes().get(BoxId.B)), List.of());
        PairSnapshot spareDown = new PairSnapshot("l1", "L", Mode.OPERATOR_NEEDED, BoxId.A, 3, "why", FailoverStep.NONE,
                null, true, false, Map.of(BoxId.A, p.boxes().get(BoxId.A),
                BoxId.B, Snapshots.box(BoxId.B, BoxCondition.DOWN, 0, -1, 4, "")), List.of());
        assertThat(PairActions.of(p).overrideTarget()).isEqualTo(BoxId.B);
        assertThat(PairActions.of(running).override()).isFalse();
        assertThat(PairActions.of(spareDown).overrideWhyNot()).startsWith("no box can take over");
    }

    @Test
    void overrideNeedsTheTypedBoxNameAndAReason() {
        assertThat(ConsoleRequests.overrideProblem(BoxId.A, "b", "powered off at the panel")).hasValueSatisfying(
                s -> assertThat(s).isEqualTo("Type A to confirm that box A is off"));
        assertThat(ConsoleRequests.overrideProblem(BoxId.A, " a ", "off")).hasValueSatisfying(
                s -> assertThat(s).startsWith("Say why"));
        assertThat(ConsoleRequests.overrideProblem(BoxId.A, "a", "powered off at the panel")).isEmpty();
    }

    @Test
    void requestsCarryTheOsUserAndHost() {
        ConsoleRequests r = new ConsoleRequests(new Actor("ana", "hmi-3"));
        ControlRequest o = r.override("l1", "  powered off at the panel ");
        assertThat(o.op()).isEqualTo(ControlRequest.FAILOVER);
        assertThat(o.confirmOff()).isTrue();
        assertThat(o.reason()).isEqualTo("powered off at the panel");
        assertThat(o.user() + "@" + o.host()).isEqualTo("ana@hmi-3");
        assertThat(r.maintenanceOn("l1", Duration.ofMinutes(30)).forMs()).isEqualTo(1_800_000L);
        assertThat(r.switchover("l1", BoxId.B).to()).isEqualTo("B");
    }

    @Test
    void switchoverProgressMeasuresTheGapBetweenConfirmedStopAndConfirmedStart() {
        Instant t0 = Instant.parse("2026-11-26T12:00:00Z");
        SwitchoverProgress progress = new SwitchoverProgress("l1", ZoneOffset.UTC);
        progress.accept(new SupervisorEvent.CommandFinished(t0, "other", 1, "stop-flows", BoxId.A, true, 5, ""));
        progress.accept(new SupervisorEvent.CommandFinished(t0.plusMillis(40), "l1", 8, "stop-flows", BoxId.A, true, 38, "stopped"));
        assertThat(progress.finished()).isFalse();
        progress.accept(new SupervisorEvent.CommandFinished(t0.plusMillis(452), "l1", 8, "start-flows", BoxId.B, true, 410, "started"));
        progress.accept(new SupervisorEvent.Noted(t0.plusMillis(453), "l1", 8, "switchover-completed", "switchover complete"));
        assertThat(progress.gap()).hasValue(Duration.ofMillis(412));
        assertThat(progress.outcome()).hasValue("switchover complete");
        assertThat(progress.steps()).hasSize(3);
    }

    @Test
    void aRefusedSwitchoverEndsTheProgressWithTheReason() {
        SwitchoverProgress progress = new SwitchoverProgress("l1", ZoneOffset.UTC);
        progress.accept(new SupervisorEvent.OperatorRequested(Instant.EPOCH, "l1", "switchover", "ana@hmi", false,
                "the pair is UNPROTECTED"));
        assertThat(progress.outcome()).hasValue("refused: the pair is UNPROTECTED");
    }

    @Test
    void anAcknowledgedAlarmStaysQuietUntilANewerOne() {
        Instant t = Instant.parse("2026-11-26T12:00:00Z");
        AlarmAcknowledgement ack = new AlarmAcknowledgement();
        PairSnapshot one = Snapshots.operatorNeeded("l1", "L", List.of(new SupervisorEvent.Alarmed(t, "l1", 8, "A lost")));
        assertThat(ack.pending(one)).isPresent();
        ack.acknowledge(one);
        assertThat(ack.pending(one)).isEmpty();
        PairSnapshot two = Snapshots.operatorNeeded("l1", "L", List.of(new SupervisorEvent.Alarmed(t, "l1", 8, "A lost"),
                new SupervisorEvent.Alarmed(t.plusSeconds(1), "l1", 8, "B lost")));
        assertThat(ack.pending(two)).hasValueSatisfying(a -> assertThat(a.text()).isEqualTo("B lost"));
    }
}
