package io.redpair.check;

import io.redpair.arbiter.ArbiterLink;
import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.LinkState;
import io.redpair.pair.ArbiterConfig;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the commissioning check reaches a pair's arbiter. The device allows one host session, so the check either
 * opens the configured port itself ({@link PortArbiterProbe}, when no supervisor holds the site) or reads through
 * the session this process's supervisor already holds ({@link #held}); it never opens a second session beside a
 * running supervisor.
 */
@FunctionalInterface
public interface ArbiterProbe {

    /** Blocking (seconds at most); never throws for a device problem: the facts say what was wrong. */
    ArbiterFacts read(ArbiterConfig config);

    /**
     * Reads through a link this process's supervisor holds (armed, kicked): HELLO facts from its session, a fresh
     * STATUS, and ARMability from that STATUS. Nothing is sent but STATUS.
     */
    static ArbiterProbe held(ArbiterLink link, long timeoutMs) {
        return config -> {
            String where = config.port() + " via this console's supervisor";
            if (link.state() != LinkState.UP || link.device().isEmpty()) {
                return ArbiterFacts.unreachable(where, "the supervisor's arbiter link is " + link.state());
            }
            ArbiterStatus status;
            try {
                status = link.status().get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return new ArbiterFacts(where, link.device().get(), null, null,
                        new ArbiterFacts.ArmTest(ArbiterFacts.ArmOutcome.NOT_TRIED, "STATUS not answered: " + e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ArbiterFacts.unreachable(where, "interrupted");
            }
            boolean armed = status.state() == ArbiterStatus.ArmState.ARMED;
            ArbiterFacts.ArmTest arm = new ArbiterFacts.ArmTest(armed ? ArbiterFacts.ArmOutcome.HELD_ARMED
                    : ArbiterFacts.ArmOutcome.HELD_NOT_ARMED, armed
                    ? "ARMED by this console's supervisor (host watchdog " + status.watchdogLeftMs() + " ms left)"
                    : "the supervisor's session is up but the device is " + status.state());
            return new ArbiterFacts(where, link.device().get(), null, status, arm);
        };
    }
}
