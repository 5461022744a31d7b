package io.redpair.arbiter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The device's event side: numbers events (evseq from 0000 after each boot), keeps the last 64 for LOG,
 * and re-sends critical ones every second with the same evseq until ACKed.
 */
final class EventJournal {

    static final int RING = 64;
    static final long RESEND_NANOS = 1_000_000_000L;

    private final Deque<Frame.Event> ring = new ArrayDeque<>();
    private final Map<Integer, Long> unacked = new LinkedHashMap<>();
    private final Map<Integer, Frame.Event> byEvseq = new LinkedHashMap<>();
    private int next;

    /** Numbers and records an event; returns its frame for sending now. */
    Frame.Event record(IntFunction<ArbiterEvent> event, long now) {
        ArbiterEvent e = event.apply(next);
        next = (next + 1) & 0xFFFF;
        Frame.Event frame = ArbiterEvent.toFrame(e);
        ring.addLast(frame);
        if (ring.size() > RING) {
            ring.removeFirst();
        }
        if (e.critical()) {
            unacked.put(frame.evseq(), now);
            byEvseq.put(frame.evseq(), frame);
        }
        return frame;
    }

    void ack(int evseq) {
        unacked.remove(evseq);
        byEvseq.remove(evseq);
    }

    /** Critical events whose last sending is a second old; their timers restart. */
    List<Frame.Event> dueForResend(long now) {
        List<Frame.Event> due = new ArrayList<>();
        for (Map.Entry<Integer, Long> e : unacked.entrySet()) {
            if (now - e.getValue() >= RESEND_NANOS) {
                e.setValue(now);
                due.add(byEvseq.get(e.getKey()));
            }
        }
        return due;
    }

    /** Buffered events with evseq &gt;= from, oldest first. */
    List<Frame.Event> since(int from) {
        return ring.stream().filter(f -> f.evseq() >= from).toList();
    }

    int unackedCount() {
        return unacked.size();
    }

    void reset() {
        ring.clear();
        unacked.clear();
        byEvseq.clear();
        next = 0;
    }
}
