package io.redpair.flows.push;

import java.time.Duration;
import java.util.Optional;

/**
 * The arithmetic of the switchover gap, fed with canary answers and the monotonic time each arrived (pure, so it is
 * tested with made-up times). Like the test observer, a box counts as serving at the receive time of each 2xx. The
 * gap is from the old active's last 2xx to the new active's first; an old 2xx received after the new box's first
 * one means both were seen serving: an overlap, which a planned switchover must never show.
 */
public final class GapTracker {

    /** The measurement: the gap if both ends were seen, and whether an overlap was seen. */
    public record Gap(Optional<Duration> downtime, boolean overlapSeen) {
    }

    private static final long NONE = Long.MIN_VALUE;

    private long lastOldOk = NONE;
    private long firstNewOk = NONE;

    /** An answer of the old active's canary (ok = 2xx), received at {@code nanos}. */
    public synchronized void oldAnswered(boolean ok, long nanos) {
        if (ok) {
            lastOldOk = nanos;
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
        boolean overlap = both && lastOldOk > firstNewOk;
        Optional<Duration> d = both && !overlap ? Optional.of(Duration.ofNanos(firstNewOk - lastOldOk)) : Optional.empty();
        return new Gap(d, overlap);
    }
}
