package io.redpair.supervisor;

import io.redpair.pair.BoxId;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each box's Node-RED version and flows revision at a low rate and keeps the pair's drift verdict. Runs
 * on the supervisor thread (like {@link PairRuntime}, which owns it); readings are asynchronous and posted back.
 *
 * <p>When a box is read: at once after start, every {@code period}, after every stop/start the supervisor did
 * on it, when it comes back after being unreachable (it may have been upgraded or redeployed), when someone asks
 * ({@link #readAllSoon}: a push that deployed), and when differing revisions need their confirming reading.
 * After a failed reading, again after {@code retry}. A reading in flight is never doubled.
 */
final class BoxFactsReader {

    private static final Logger LOG = LoggerFactory.getLogger(BoxFactsReader.class);

    /** How often, and how the drift is confirmed. */
    record Timing(Duration period, Duration retry, Duration confirm) {
        /** 30 s between readings; drift confirmed over 15 s, longer than a spare-first push takes to reach the active. */
        static final Timing DEFAULT = new Timing(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(15));
    }

    /** The last reading of one box. Versions and revisions are kept when a later reading fails. */
    private static final class Reading {
        String version;
        String rev;
        long readAt;
        long revAt;
        boolean everRead;
        boolean attempted;
        boolean inFlight;
        long due;
    }

    private final String pairId;
    private final Map<BoxId, BoxPort> ports;
    private final RuntimeContext ctx;
    private final Timing timing;
    private final FlowsDriftRule drift;
    private final Consumer<String> announce;
    private final Map<BoxId, Reading> readings = new EnumMap<>(BoxId.class);

    /** @param announce where drift news goes (the pair's timeline), on the supervisor thread */
    BoxFactsReader(String pairId, Map<BoxId, BoxPort> ports, RuntimeContext ctx, Timing timing,
                   Consumer<String> announce, long nowNanos) {
        this.pairId = pairId;
        this.ports = ports;
        this.ctx = ctx;
        this.timing = timing;
        this.announce = announce;
        this.drift = new FlowsDriftRule(ctx.readOnly() ? 0 : timing.confirm().toNanos());
        for (BoxId box : BoxId.values()) {
            Reading r = new Reading();
            r.due = nowNanos;
            readings.put(box, r);
        }
    }

    /** Sends the readings that are due. */
    void tick(long now) {
        readings.forEach((box, r) -> {
            if (!r.inFlight && now - r.due >= 0) {
                send(box, r);
            }
        });
    }

    /** Reads {@code box} on the next tick. */
    void readSoon(BoxId box) {
        readings.get(box).due = ctx.now();
    }

    /** Reads both boxes on the next tick (after a deploy, or on request). */
    void readAllSoon() {
        readings.keySet().forEach(this::readSoon);
    }

    private void send(BoxId box, Reading r) {
        r.inFlight = true;
        ports.get(box).readFacts().whenComplete((facts, error) -> {
            BoxPort.Facts f = facts != null ? facts : new BoxPort.Facts(null, null, "reading failed: " + error);
            try {
                ctx.loop().execute(() -> onRead(box, f));
            } catch (RejectedExecutionException stopped) {
                LOG.debug("supervisor stopped; version/revision reading dropped");
            }
        });
    }

    private void onRead(BoxId box, BoxPort.Facts f) {
        Reading r = readings.get(box);
        long now = ctx.now();
        r.inFlight = false;
        r.attempted = true;
        r.version = f.nodeRedVersion() != null ? f.nodeRedVersion() : r.version;
        if (f.flowsRev() != null) {
            r.rev = f.flowsRev();
            r.revAt = now;
        }
        if (f.nodeRedVersion() != null || f.flowsRev() != null) {
            r.readAt = now;
            r.everRead = true;
        }
        boolean complete = f.problem() == null;
        r.due = now + (complete ? timing.period() : timing.retry()).toNanos();
        if (!complete) {
            LOG.debug("pair {} box {} version/revision not read: {}", pairId, box, f.problem());
        }
        if (f.flowsRev() != null) {
            judgeDrift();
        }
    }

    private void judgeDrift() {
        Reading a = readings.get(BoxId.A);
        Reading b = readings.get(BoxId.B);
        drift.observe(a.rev, a.revAt, b.rev, b.revAt).ifPresent(text -> {
            LOG.info("pair {} {}", pairId, text);
            announce.accept(text);
        });
        drift.confirmationDue().ifPresent(at -> readings.values().forEach(r -> {
            if (at - r.due < 0) {
                r.due = at;
            }
        }));
    }

    FlowsDrift drift() {
        return drift.current();
    }

    /** True once every box had one reading finish, read or failed (a one-shot {@code status} waits for it). */
    boolean allAttempted() {
        return readings.values().stream().allMatch(r -> r.attempted);
    }

    /** {@code b} with its box's last reading. */
    BoxSnapshot withFacts(BoxSnapshot b, long now) {
        Reading r = readings.get(b.box());
        long age = r.everRead ? TimeUnit.NANOSECONDS.toMillis(now - r.readAt) : -1;
        return b.withFacts(r.version, r.rev, age);
    }
}
