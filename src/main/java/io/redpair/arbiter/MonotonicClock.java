package io.redpair.arbiter;

/** Monotonic time in nanoseconds; the simulator's rules read time only through this, so tests advance a fake. */
@FunctionalInterface
public interface MonotonicClock {
    long nanos();

    default long millis() {
        return nanos() / 1_000_000L;
    }

    static MonotonicClock system() {
        return System::nanoTime;
    }
}
