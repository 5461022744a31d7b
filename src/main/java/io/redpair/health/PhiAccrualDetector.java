package io.redpair.health;

/**
 * Phi-accrual suspicion level (Hayashibara et al.), shown to the engineer as a confidence figure next
 * to the deadline verdict. It is display only: decisions use {@link DeadlineDetector}, whose behaviour
 * is easy to state and to test.
 *
 * <p>phi = -log10(P(a heartbeat arrives later than now)), with inter-arrival times modelled as a normal
 * distribution over a sliding window. phi 1 means about a 10% chance the box is still fine, phi 3 about
 * 0.1%. {@code minStdDevMs} keeps a perfectly regular probe stream from making phi jump to infinity on
 * the first late answer; {@code windowSize} trades reaction to a changed network for stability.
 * Not thread-safe: owned by the supervisor thread.
 */
public final class PhiAccrualDetector {

    private final long[] intervalsNanos;
    private final double minStdDevNanos;
    private int count;
    private int next;
    private boolean heard;
    private long lastNanos;

    /**
     * @param expectedIntervalMs first estimate of the gap between heartbeats (the probe interval)
     * @param windowSize         how many recent gaps are remembered
     * @param minStdDevMs        floor for the standard deviation
     */
    public PhiAccrualDetector(long expectedIntervalMs, int windowSize, double minStdDevMs) {
        if (expectedIntervalMs <= 0 || windowSize < 1 || minStdDevMs <= 0) {
            throw new IllegalArgumentException("interval, window and min std dev must be positive");
        }
        this.intervalsNanos = new long[windowSize];
        this.minStdDevNanos = minStdDevMs * 1_000_000d;
        add(expectedIntervalMs * 1_000_000L);
    }

    public static PhiAccrualDetector forInterval(long intervalMs) {
        return new PhiAccrualDetector(intervalMs, 100, Math.max(1, intervalMs / 4d));
    }

    public void heartbeat(long nowNanos) {
        if (heard) {
            add(nowNanos - lastNanos);
        }
        heard = true;
        lastNanos = nowNanos;
    }

    /** The suspicion level now; 0 before the first heartbeat (nothing to be suspicious about yet). */
    public double phi(long nowNanos) {
        if (!heard) {
            return 0.0;
        }
        double mean = mean();
        double stdDev = Math.max(minStdDevNanos, stdDev(mean));
        double y = (nowNanos - lastNanos - mean) / stdDev;
        double e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
        double p = nowNanos - lastNanos > mean ? e / (1.0 + e) : 1.0 - 1.0 / (1.0 + e);
        return -Math.log10(Math.max(p, Double.MIN_NORMAL));
    }

    private void add(long intervalNanos) {
        intervalsNanos[next] = intervalNanos;
        next = (next + 1) % intervalsNanos.length;
        count = Math.min(count + 1, intervalsNanos.length);
    }

    private double mean() {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += intervalsNanos[i];
        }
        return sum / count;
    }

    private double stdDev(double mean) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double d = intervalsNanos[i] - mean;
            sum += d * d;
        }
        return Math.sqrt(sum / count);
    }
}
