package io.redpair.supervisor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The supervisor's recent events with a per-run sequence number each (1, 2, 3… in publication order, site-wide),
 * so an attached console can ask "what happened after N" and get every event exactly once, in order. Bounded:
 * only the newest {@code capacity} are kept; a reader that asks for something older is told how many it missed
 * instead of getting a silent hole.
 *
 * <p>Thread-safe (events are published from the supervisor thread and from command threads); cheap: one append
 * per event, no I/O.
 */
public final class EventLog {

    /** How many events a supervisor keeps for attached consoles (two minutes of a busy failover, and more). */
    public static final int KEPT = 500;

    /** One event and its sequence number (starts at 1; never reused within a supervisor run). */
    public record Entry(long seq, SupervisorEvent event) {
    }

    /**
     * The answer to {@link #after(long, int)}.
     *
     * @param entries oldest first, all with {@code seq} greater than the one asked for
     * @param lastSeq the newest sequence number so far (0: nothing yet); more may follow when the page was full
     * @param missed  how many events after the one asked for are no longer kept (0: none); -1 when the asked
     *                number is beyond {@code lastSeq}, i.e. it belongs to another run, so what was missed is unknown
     */
    public record Page(List<Entry> entries, long lastSeq, long missed) {
        public Page {
            entries = List.copyOf(entries);
        }

        /** True when the reader lost events: it should say so rather than show a timeline with a hole. */
        public boolean gap() {
            return missed != 0;
        }
    }

    private final int capacity;
    private final Deque<Entry> kept = new ArrayDeque<>();
    private long lastSeq;

    public EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("event log capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Numbers and keeps {@code event}, dropping the oldest beyond the capacity; returns its sequence number. */
    public synchronized long append(SupervisorEvent event) {
        kept.addLast(new Entry(++lastSeq, event));
        if (kept.size() > capacity) {
            kept.removeFirst();
        }
        return lastSeq;
    }

    /**
     * The kept events after {@code seq}, oldest first, at most {@code max}. Asking with a number from another run
     * (greater than the newest) returns everything kept, flagged as a gap of unknown size.
     */
    public synchronized Page after(long seq, int max) {
        long from = seq > lastSeq ? 0 : Math.max(seq, 0);
        long firstKept = kept.isEmpty() ? lastSeq + 1 : kept.peekFirst().seq();
        long missed = seq > lastSeq ? -1 : Math.max(0, firstKept - from - 1);
        List<Entry> out = new ArrayList<>();
        for (Entry e : kept) {
            if (e.seq() > from && out.size() < max) {
                out.add(e);
            }
        }
        return new Page(out, lastSeq, missed);
    }
}
