package io.redpair.ui.site;

import io.redpair.supervisor.EventLog;
import io.redpair.supervisor.SupervisorEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an attached console is in the supervisor's event sequence (ADR 0107): it asks for the events after
 * {@link #after()} and delivers each one exactly once, in sequence order, however the pages overlap. When the
 * supervisor no longer keeps some of the events asked for (the console was detached or stalled for longer than
 * the supervisor's memory), it says so on every pair's timeline instead of showing a timeline with a silent
 * hole. The first page after attaching is history: its truncation is normal and not reported.
 *
 * <p>Pure and single-threaded (the poller's); the time of the "missed" note is passed in.
 */
final class EventCursor {

    /** The note type of the "events were missed" line (shown under the timeline's State filter). */
    static final String MISSED = "events-missed";

    private long after;
    private boolean started;

    /** The last sequence number delivered (0: none yet). */
    long after() {
        return after;
    }

    /** The events of {@code page} not delivered yet, oldest first, preceded by a "missed" note per pair on a gap. */
    List<SupervisorEvent> accept(EventLog.Page page, Instant now, List<String> pairIds) {
        List<SupervisorEvent> out = new ArrayList<>();
        if (page.gap() && started) {
            String text = page.missed() > 0
                    ? page.missed() + " events were missed while detached (the supervisor keeps only its last "
                    + EventLog.KEPT + ")"
                    : "the supervisor's event numbers started again: events may have been missed while detached";
            pairIds.forEach(id -> out.add(new SupervisorEvent.Noted(now, id, 0, MISSED, text)));
        }
        if (page.missed() < 0) {
            after = 0; // another run of the supervisor: its numbers start again at 1
        }
        for (EventLog.Entry e : page.entries()) {
            if (e.seq() > after) {
                out.add(e.event());
                after = e.seq();
            }
        }
        started = true;
        return out;
    }

    /** True when the supervisor has more than the page held (ask again at once). */
    boolean behind(EventLog.Page page) {
        return !page.entries().isEmpty() && after < page.lastSeq();
    }
}
