package io.redpair.arbiter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The device's replies to the last 8 sequence numbers. A retransmission (same seq, same bytes) gets the
 * cached reply and is not executed again. A different command that reuses a cached seq (a restarted
 * host) is treated as new: matching on the bytes too keeps it from receiving someone else's answer.
 */
final class ReplyCache {

    static final int SIZE = 8;

    private record Entry(String request, Frame reply) {
    }

    private final Map<Integer, Entry> entries = new LinkedHashMap<>();

    Frame lookup(int seq, String request) {
        Entry e = entries.get(seq);
        return e != null && e.request.equals(request) ? e.reply : null;
    }

    void put(int seq, String request, Frame reply) {
        entries.remove(seq);
        entries.put(seq, new Entry(request, reply));
        if (entries.size() > SIZE) {
            entries.remove(entries.keySet().iterator().next());
        }
    }

    void clear() {
        entries.clear();
    }
}
