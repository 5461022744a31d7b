package io.redpair.supervisor;

/**
 * Notices that the supervisor itself stood still (GC pause, laptop sleep, SIGSTOP of RedPair) and holds
 * convictions back until the boxes have been re-observed for one detection window.
 *
 * <p>Why: after a pause every box looks silent for the length of the pause, and acting on that would convict a
 * healthy active. A tick gap above {@code factor × period} counts as a pause. Pure: time is passed in.
 */
final class LocalPauseGuard {

    /** A gap this many periods long is a pause; small jitter of a busy machine stays below it. */
    static final int FACTOR = 4;

    private final long periodNanos;
    private final long windowNanos;
    private long lastTickNanos = Long.MIN_VALUE;
    private long suppressUntilNanos = Long.MIN_VALUE;

    /**
     * @param periodNanos the tick period
     * @param windowNanos how long to hold back after a pause: one detection window (the deadline)
     */
    LocalPauseGuard(long periodNanos, long windowNanos) {
        this.periodNanos = periodNanos;
        this.windowNanos = windowNanos;
    }

    /**
     * Records a tick.
     *
     * @return the gap in nanos if this tick ends a pause (the caller re-baselines), else 0
     */
    long onTick(long nowNanos) {
        long gap = lastTickNanos == Long.MIN_VALUE ? 0 : nowNanos - lastTickNanos;
        lastTickNanos = nowNanos;
        if (gap > FACTOR * periodNanos) {
            suppressUntilNanos = nowNanos + windowNanos;
            return gap;
        }
        return 0;
    }

    /** True while convictions must be held back. */
    boolean suppressed(long nowNanos) {
        return nowNanos < suppressUntilNanos;
    }

    long windowNanos() {
        return windowNanos;
    }
}
