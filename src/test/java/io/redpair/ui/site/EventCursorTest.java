package io.redpair.ui.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.supervisor.EventLog;
import io.redpair.supervisor.SupervisorEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The attached console's place in the supervisor's event sequence: exactly once, in order, and an honest
 * "missed" line when the supervisor forgot some. Time is passed in; the supervisor side is the real EventLog.
 */
class EventCursorTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-26T08:05:00Z");
    private static final List<String> PAIRS = List.of("line1", "line2");

    private static SupervisorEvent note(int i) {
        return new SupervisorEvent.Noted(T0.plusMillis(i), "line1", 1, "failover-step", "step " + i);
    }

    private static EventLog logWith(int capacity, int from, int to) {
        EventLog log = new EventLog(capacity);
        for (int i = from; i <= to; i++) {
            log.append(note(i));
        }
        return log;
    }

    @Test
    void successivePollsDeliverEachEventOnceInOrder() {
        EventLog log = logWith(500, 1, 3);
        EventCursor cursor = new EventCursor();
        assertThat(cursor.accept(log.after(cursor.after(), 500), NOW, PAIRS)).containsExactly(note(1), note(2), note(3));
        assertThat(cursor.accept(log.after(cursor.after(), 500), NOW, PAIRS)).as("nothing new").isEmpty();
        log.append(note(4));
        log.append(note(5));
        assertThat(cursor.accept(log.after(cursor.after(), 500), NOW, PAIRS)).containsExactly(note(4), note(5));
        assertThat(cursor.after()).isEqualTo(5);
    }

    @Test
    void anOverlappingPageDeliversNothingTwice() {
        EventLog log = logWith(500, 1, 4);
        EventCursor cursor = new EventCursor();
        cursor.accept(log.after(0, 500), NOW, PAIRS);
        log.append(note(5));
        assertThat(cursor.accept(log.after(2, 500), NOW, PAIRS)).containsExactly(note(5));
    }

    @Test
    void aBurstLargerThanAPageIsFetchedInSeveralPages() {
        EventLog log = logWith(500, 1, 10);
        EventCursor cursor = new EventCursor();
        EventLog.Page first = log.after(cursor.after(), 4);
        assertThat(cursor.accept(first, NOW, PAIRS)).hasSize(4);
        assertThat(cursor.behind(first)).isTrue();
        EventLog.Page rest = log.after(cursor.after(), 500);
        assertThat(cursor.accept(rest, NOW, PAIRS)).containsExactly(note(5), note(6), note(7), note(8), note(9), note(10));
        assertThat(cursor.behind(rest)).isFalse();
    }

    @Test
    void eventsTheSupervisorNoLongerKeepsAreReportedOnEveryPair() {
        EventLog log = logWith(3, 1, 2);
        EventCursor cursor = new EventCursor();
        cursor.accept(log.after(0, 500), NOW, PAIRS);
        for (int i = 3; i <= 9; i++) {
            log.append(note(i)); // the console was detached meanwhile: 3..6 are forgotten
        }
        List<SupervisorEvent> out = cursor.accept(log.after(cursor.after(), 500), NOW, PAIRS);

        assertThat(out).hasSize(5);
        assertThat(out.subList(0, 2)).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(SupervisorEvent.Noted.class,
                n -> {
                    assertThat(n.noteType()).isEqualTo(EventCursor.MISSED);
                    assertThat(n.text()).startsWith("4 events were missed while detached");
                    assertThat(n.at()).isEqualTo(NOW);
                }));
        assertThat(out).extracting(SupervisorEvent::pairId).startsWith("line1", "line2");
        assertThat(out.subList(2, 5)).containsExactly(note(7), note(8), note(9));
    }

    @Test
    void theTruncatedHistoryOfTheFirstPageIsNotAGap() {
        EventLog log = logWith(3, 1, 9);
        EventCursor cursor = new EventCursor();
        assertThat(cursor.accept(log.after(0, 500), NOW, PAIRS)).containsExactly(note(7), note(8), note(9));
    }

    @Test
    void aSupervisorWhoseNumbersStartedAgainIsReadFromItsFirstEvent() {
        EventCursor cursor = new EventCursor();
        cursor.accept(logWith(500, 1, 20).after(0, 500), NOW, PAIRS);
        EventLog restarted = logWith(500, 101, 102);

        List<SupervisorEvent> out = cursor.accept(restarted.after(cursor.after(), 500), NOW, PAIRS);
        assertThat(out).hasSize(4);
        assertThat(((SupervisorEvent.Noted) out.get(0)).text()).contains("started again");
        assertThat(out.subList(2, 4)).containsExactly(note(101), note(102));
        assertThat(cursor.after()).isEqualTo(2);
    }
}
