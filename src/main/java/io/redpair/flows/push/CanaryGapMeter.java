package io.redpair.flows.push;

import io.redpair.nodered.NodeRedClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the downtime of a switchover from outside the supervisor: one thread per box polls its flow-served
 * canary every {@link #PERIOD}, and a {@link GapTracker} keeps the last answer of the old active and the first of
 * the new one. The figure is what a client of the flows saw, whoever performed the switchover (control channel,
 * console, in-process supervisor). Resolution: one period plus one request's latency.
 */
public final class CanaryGapMeter implements AutoCloseable {

    static final Duration PERIOD = Duration.ofMillis(10);
    /** How long both canaries are still watched after the new one answered. */
    private static final Duration OVERLAP_WATCH = Duration.ofMillis(200);

    private final GapTracker tracker = new GapTracker();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread oldPoller;
    private final Thread newPoller;

    private CanaryGapMeter(NodeRedClient oldActive, NodeRedClient newActive, String heartbeatPath) {
        oldPoller = poller("old", () -> {
            long sent = System.nanoTime();
            tracker.oldAnswered(oldActive.heartbeat(heartbeatPath).isOk(), sent, System.nanoTime());
        });
        newPoller = poller("new", () -> tracker.newAnswered(newActive.heartbeat(heartbeatPath).isOk(), System.nanoTime()));
    }

    /** Starts polling both canaries; call before asking for the switchover. */
    public static CanaryGapMeter start(NodeRedClient oldActive, NodeRedClient newActive, String heartbeatPath) {
        CanaryGapMeter meter = new CanaryGapMeter(oldActive, newActive, heartbeatPath);
        meter.oldPoller.start();
        meter.newPoller.start();
        return meter;
    }

    private Thread poller(String name, Runnable poll) {
        Thread t = new Thread(() -> {
            while (running.get()) {
                long next = System.nanoTime() + PERIOD.toNanos();
                poll.run();
                LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
            }
        }, "push-canary-" + name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Stops polling once the new active has been seen serving (or after {@code patience}) and both were watched a
     * little longer, so the new box's first answer is not missed when the port returns a moment before it.
     */
    public GapTracker.Gap finish(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!tracker.newSeen() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(PERIOD.toMillis());
        }
        TimeUnit.MILLISECONDS.sleep(OVERLAP_WATCH.toMillis()); // an old answer after the new one is an overlap
        close();
        return tracker.gap();
    }

    @Override
    public void close() {
        running.set(false);
        try {
            oldPoller.join(5_000);
            newPoller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
