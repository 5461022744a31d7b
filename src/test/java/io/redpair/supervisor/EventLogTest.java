package io.redpair.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The supervisor's numbered event memory behind the {@code events} verb, and its wire form. */
class EventLogTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00.123Z");

    private static SupervisorEvent note(int i) {
        return new SupervisorEvent.Noted(T0.plusMillis(i), "line1", 1, "failover-step", "step " + i);
    }

    private static List<Long> seqs(EventLog.Page page) {
        return page.entries().stream().map(EventLog.Entry::seq).toList();
    }

    @Test
    void numbersEventsFromOneAndAnswersWhatCameAfterAGivenNumber() {
        EventLog log = new EventLog(10);
        assertThat(log.after(0, 100)).isEqualTo(new EventLog.Page(List.of(), 0, 0));
        for (int i = 1; i <= 5; i++) {
            assertThat(log.append(note(i))).isEqualTo(i);
        }
        EventLog.Page page = log.after(2, 100);
        assertThat(seqs(page)).containsExactly(3L, 4L, 5L);
        assertThat(page.entries().get(0).event()).isEqualTo(note(3));
        assertThat(page.lastSeq()).isEqualTo(5);
        assertThat(page.gap()).isFalse();
        assertThat(log.after(5, 100).entries()).isEmpty();
    }

    @Test
    void aReaderAskingForMoreThanIsKeptIsToldHowManyItMissed() {
        EventLog log = new EventLog(3);
        for (int i = 1; i <= 8; i++) {
            log.append(note(i));
        }
        EventLog.Page late = log.after(2, 100);
        assertThat(seqs(late)).containsExactly(6L, 7L, 8L);
        assertThat(late.missed()).as("3, 4 and 5 are gone").isEqualTo(3);
        assertThat(log.after(5, 100).missed()).as("6 is the oldest kept: nothing missed").isZero();
        assertThat(log.after(0, 100).missed()).isEqualTo(5);
    }

    @Test
    void aNumberFromAnotherRunGetsEverythingKeptAndAGapOfUnknownSize() {
        EventLog log = new EventLog(10);
        log.append(note(1));
        log.append(note(2));
        EventLog.Page page = log.after(40, 100);
        assertThat(seqs(page)).containsExactly(1L, 2L);
        assertThat(page.missed()).isEqualTo(-1);
        assertThat(page.gap()).isTrue();
    }

    @Test
    void aFullPageLeavesTheRestForTheNextQuestion() {
        EventLog log = new EventLog(10);
        for (int i = 1; i <= 7; i++) {
            log.append(note(i));
        }
        EventLog.Page first = log.after(0, 4);
        assertThat(seqs(first)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(first.lastSeq()).isEqualTo(7);
        assertThat(seqs(log.after(4, 4))).containsExactly(5L, 6L, 7L);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new EventLog(0)).hasMessageContaining("at least 1");
    }

    @Test
    void everyKindOfEventSurvivesTheControlChannelUnchanged() throws Exception {
        List<SupervisorEvent> all = List.of(
                new SupervisorEvent.StateChanged(T0, "line1", Mode.FAILING_OVER, Mode.PROTECTED, BoxId.B, 2,
                        FailoverStep.NONE, null, "failover complete"),
                new SupervisorEvent.BoxConditionChanged(T0, "line1", BoxId.A, BoxCondition.RUNNING_FLOWS,
                        BoxCondition.DOWN, "4 heartbeats missed (1.0 s)"),
                new SupervisorEvent.Noted(T0, "line1", 2, "failover-completed", "failover complete: B runs flows (epoch 2), took 412 ms"),
                new SupervisorEvent.Alarmed(T0, "line1", 2, "split brain"),
                new SupervisorEvent.CommandFinished(T0, "line1", 2, "start-flows", BoxId.B, true, 87, "flows started"),
                new SupervisorEvent.LocalPauseDetected(T0, "line1", 1800, 3000),
                new SupervisorEvent.OperatorRequested(T0, "line1", "switchover", "anna@hmi-3", false, "refused: B down"),
                new SupervisorEvent.Noted(T0, null, 0, "arbiter", "arbiter rebooted"));
        EventLog log = new EventLog(10);
        all.forEach(log::append);
        ObjectMapper json = new ObjectMapper();
        String line = json.writeValueAsString(ControlResponse.events(EventJson.toJson(log.after(0, 10))));

        ControlResponse back = json.readValue(line, ControlResponse.class);
        EventLog.Page page = EventJson.readPage(back.events());
        assertThat(page.entries()).extracting(EventLog.Entry::event).containsExactlyElementsOf(all);
        assertThat(seqs(page)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(page.lastSeq()).isEqualTo(8);
    }

    @Test
    void theEventsRequestCarriesItsSequenceNumberAndOlderRequestsStillRead() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ControlRequest r = json.readValue(json.writeValueAsString(ControlRequest.events(41).withToken("t")),
                ControlRequest.class);
        assertThat(r.op()).isEqualTo(ControlRequest.EVENTS);
        assertThat(r.since()).isEqualTo(41);
        assertThat(r.token()).isEqualTo("t");
        ControlRequest old = json.readValue("{\"token\":\"t\",\"op\":\"status\"}", ControlRequest.class);
        assertThat(old.since()).isNull();
    }

    @Test
    void anEventWithoutItsTimeIsRefusedNamingTheField() {
        ObjectMapper json = new ObjectMapper();
        assertThatThrownBy(() -> EventJson.read(json.readTree("{\"seq\":7,\"type\":\"alarm\"}")))
                .hasMessageContaining("event 7").hasMessageContaining("'ts'");
    }
}
