package io.redpair.arbiter;

/** A monotonic clock that moves only when the test says so. */
final class FakeClock implements MonotonicClock {
    private long nanos = 1_000_000_000L;

    @Override
    public long nanos() {
        return nanos;
    }

    void advanceMs(long ms) {
        nanos += ms * 1_000_000L;
    }
}
