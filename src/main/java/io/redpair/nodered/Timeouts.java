package io.redpair.nodered;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-call-kind time limits. Each limit (except {@code connect}) bounds the whole call, from DNS to
 * the last body byte, so a box that accepts TCP but never answers (SIGSTOP, blocked event loop:
 * the kernel still completes the handshake) is reported as {@link Outcome.Hung} after exactly that
 * limit.
 *
 * <ul>
 *   <li>{@code connect}: TCP + TLS handshake; beyond it the box is {@link Outcome.Unreachable}.</li>
 *   <li>{@code probe}: {@code GET /flows/state} and heartbeats; short, because it sets how fast a
 *       hung box is noticed (loopback answers in 2 ms, a LAN in tens of ms).</li>
 *   <li>{@code stop}: {@code POST /flows/state stop} answers after every node's close handler ran,
 *       which can take seconds (MQTT disconnects, file flushes).</li>
 *   <li>{@code start}: {@code POST /flows/state start} answers after all nodes are constructed:
 *       0.5 s for 2,000 nodes, up to 5 s for 10,000 on two cores.</li>
 *   <li>{@code deploy}: {@code POST /flows}; 1.8 s measured for a 2.4 MB flow set.</li>
 *   <li>{@code admin}: other admin calls (settings, GET /flows, diagnostics, token, revoke).</li>
 * </ul>
 */
public record Timeouts(Duration connect, Duration probe, Duration stop, Duration start, Duration deploy,
                       Duration admin) {

    public Timeouts {
        requirePositive(connect, "connect");
        requirePositive(probe, "probe");
        requirePositive(stop, "stop");
        requirePositive(start, "start");
        requirePositive(deploy, "deploy");
        requirePositive(admin, "admin");
    }

    /** Defaults chosen from the measurements in NODE-RED-FACTS §4 with generous headroom. */
    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    public Timeouts withProbe(Duration newProbe) {
        return new Timeouts(connect, newProbe, stop, start, deploy, admin);
    }

    public Timeouts withConnect(Duration newConnect) {
        return new Timeouts(newConnect, probe, stop, start, deploy, admin);
    }

    public Timeouts withAdmin(Duration newAdmin) {
        return new Timeouts(connect, probe, stop, start, deploy, newAdmin);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("timeout " + name + " must be positive, got " + d);
        }
    }
}
