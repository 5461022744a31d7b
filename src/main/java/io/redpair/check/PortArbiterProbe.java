package io.redpair.check;

import io.redpair.arbiter.ArbiterLink;
import io.redpair.arbiter.ArbiterLinkOptions;
import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.CommandResult;
import io.redpair.arbiter.DeviceInfo;
import io.redpair.arbiter.LinkEvent;
import io.redpair.arbiter.LinkState;
import io.redpair.arbiter.PortScanner;
import io.redpair.arbiter.Transport;
import io.redpair.check.ArbiterFacts.ArmOutcome;
import io.redpair.check.ArbiterFacts.ArmTest;
import io.redpair.pair.ArbiterConfig;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The check opens the configured port itself (only that port: a commissioning check judges the site file's
 * port, it does not go looking elsewhere). First a read-only session (HELLO + STATUS, never armed). Then, only if
 * the device is DISARMED, in REMOTE and its relay feedback is sound, ARM with a short watchdog followed by
 * DISARM through PREP/EXEC, and STATUS again: ARM and DISARM move no output and fence nothing, and the device ends
 * as it was found. In any other state nothing is armed: LOCAL would refuse the DISARM (E09), a relay FAULT would
 * refuse it (E08), HOSTLOST is an alarm the check must not clear.
 */
public final class PortArbiterProbe implements ArbiterProbe {

    /** Short watchdog for the ARM test: if DISARM is lost, the device goes HOSTLOST soon (outputs stay). */
    private static final int TEST_WATCHDOG_MS = 5000;

    private final PortScanner ports;
    private final String hostName;
    private final long timeoutMs;

    /** {@code hostName} is sent in HELLO (e.g. "ws07-check"); {@code timeoutMs} bounds each wait. */
    public PortArbiterProbe(PortScanner ports, String hostName, long timeoutMs) {
        this.ports = ports;
        this.hostName = hostName;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public ArbiterFacts read(ArbiterConfig config) {
        OnlyThisPort only = new OnlyThisPort(ports);
        ArbiterLink observer = connect(new ArbiterLinkOptions(config.port(), null, hostName, 0, 0, 500), only);
        if (observer == null) {
            return ArbiterFacts.unreachable(config.port(), only.openFailure != null
                    ? "cannot open " + config.port() + ": " + only.openFailure
                    : "no WDA/1 arbiter answered HELLO on " + config.port() + " within " + timeoutMs + " ms");
        }
        DeviceInfo device;
        ArbiterStatus status;
        try (observer) {
            device = observer.device().orElseThrow();
            status = observer.status().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return new ArbiterFacts(config.port(), observer.device().orElse(null), null, null,
                    new ArmTest(ArmOutcome.NOT_TRIED, "STATUS not answered: " + e.getMessage()));
        }
        return new ArbiterFacts(config.port(), device, null, status, armTest(config.port(), device, status));
    }

    private ArmTest armTest(String port, DeviceInfo device, ArbiterStatus before) {
        if (before.state() != ArbiterStatus.ArmState.DISARMED || before.localMode()
                || before.feedback() == ArbiterStatus.RelayFeedback.FAULT) {
            return new ArmTest(ArmOutcome.NOT_TRIED, "device " + before.state() + (before.localMode() ? ", LOCAL" : "")
                    + ", relay feedback " + before.feedback());
        }
        ArbiterLink arming = connect(new ArbiterLinkOptions(port, device.serialNumber(), hostName, TEST_WATCHDOG_MS, 0,
                500), new OnlyThisPort(ports));
        if (arming == null) {
            return new ArmTest(ArmOutcome.ARM_REFUSED, "HELLO + ARM (host_to=" + TEST_WATCHDOG_MS + ") not accepted within "
                    + timeoutMs + " ms");
        }
        try (arming) {
            CommandResult disarm = arming.disarm().get(timeoutMs, TimeUnit.MILLISECONDS);
            ArbiterStatus after = arming.status().get(timeoutMs, TimeUnit.MILLISECONDS);
            if (disarm.isDone() && after.state() == ArbiterStatus.ArmState.DISARMED) {
                return new ArmTest(ArmOutcome.ARMED_THEN_DISARMED, "ARM accepted; DISARM restored DISARMED (outputs"
                        + " untouched: sel=" + after.selected() + ")");
            }
            return new ArmTest(ArmOutcome.DISARM_FAILED, "ARM accepted but DISARM answered " + disarm + ", state "
                    + after.state());
        } catch (Exception e) {
            return new ArmTest(ArmOutcome.DISARM_FAILED, "ARM accepted but DISARM not confirmed: " + e.getMessage());
        }
    }

    /** Opens a link and waits for its LinkUp (HELLO, and ARM when it arms); null when it did not come up. */
    private ArbiterLink connect(ArbiterLinkOptions options, PortScanner scanner) {
        CountDownLatch up = new CountDownLatch(1);
        ArbiterLink link = ArbiterLink.open(options, scanner, e -> {
            if (e instanceof LinkEvent.LinkUp) {
                up.countDown();
            }
        }, Runnable::run);
        try {
            if (link.state() == LinkState.UP || up.await(timeoutMs, TimeUnit.MILLISECONDS)) {
                return link;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close();
        return null;
    }

    /** Lists no other port (no rediscovery elsewhere) and remembers why the configured one did not open. */
    private static final class OnlyThisPort implements PortScanner {
        private final PortScanner ports;
        private volatile String openFailure;

        OnlyThisPort(PortScanner ports) {
            this.ports = ports;
        }

        @Override
        public List<PortInfo> ports() {
            return List.of();
        }

        @Override
        public Transport open(String path) throws IOException {
            try {
                Transport t = ports.open(path);
                openFailure = null;
                return t;
            } catch (IOException | RuntimeException e) {
                openFailure = e.getMessage();
                throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        }
    }
}
