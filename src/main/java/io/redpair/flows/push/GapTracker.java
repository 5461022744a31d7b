package io.redpair.flows.push;

import java.time.Duration;
import java.util.Optional;

/**
 * The arithmetic of the switchover gap, fed with canary answers and the monotonic times each request was sent and
 * its answer arrived (pure, so it is tested with made-up times). The gap is from the old active's last 2xx to the
 * new active's first (receive times). An overlap is claimed only when it is certain: an old 2xx to a request SENT
 * after the new box's first 2xx arrived — the old box then served after the new one did. An old 2xx sent before but
 * received after (an answer late in a loaded client) proves nothing: the old box produced it at some moment
 * between sending and receiving, possibly before the new one started.
 */
public final class GapTracker {

    /** The measurement: the gap if both ends were seen, and whether an overlap was seen. */
    public record Gap(Optional<Duration> downtime, boolean overlapSeen) {
    }

    private static final long NONE = Long.MIN_VALUE;

    private long lastOldOk = NONE;
    private long lastOldOkSent = NONE;
    private long firstNewOk = NONE;

    /** An answer of the old active's canary (ok = 2xx), sent and received at {@code nanos}. */
    public void oldAnswered(boolean ok, long nanos) {
        oldAnswered(ok, nanos, nanos);
    }

    /** An answer of the old active's canary (ok = 2xx) to a request sent at {@code sentNanos}, received at {@code recvNanos}. */
    public synchronized void oldAnswered(boolean ok, long sentNanos, long recvNanos) {
        if (ok) {
            lastOldOk = recvNanos;
            lastOldOkSent = sentNanos;
        }
    }

    /** An answer of the new active's canary (ok = 2xx), received at {@code nanos}. */
    public synchronized void newAnswered(boolean ok, long nanos) {
        if (ok && firstNewOk == NONE) {
            firstNewOk = nanos;
        }
    }

    /** True once the new box's canary has answered. */
    public synchronized boolean newSeen() {
        return firstNewOk != NONE;
    }

    public synchronized Gap gap() {
        boolean both = lastOldOk != NONE && firstNewOk != NONE;
        boolean overlap = both && lastOldOkSent > firstNewOk;
        Optional<Duration> d = both && !overlap ? Optional.of(Duration.ofNanos(Math.max(0, firstNewOk - lastOldOk)))
                : Optional.empty();
        return new Gap(d, overlap);
    }
}
