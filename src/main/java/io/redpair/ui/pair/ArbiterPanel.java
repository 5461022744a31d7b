package io.redpair.ui.pair;

import io.redpair.arbiter.ArbiterStatus;
import io.redpair.pair.ArbiterConfig;
import io.redpair.pair.BoxId;
import io.redpair.ui.PairBadge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The arbiter panel's lines. Without an arbiter the pair is unfenced and the panel says so plainly: a
 * takeover then rests on the admin API alone. Without a status (the supervisor does not report the
 * arbiter yet) it says that instead of showing stale or invented values. Pure.
 */
public record ArbiterPanel(String headline, PairBadge.Level level, List<Line> lines) {

    /** One caption/value row. */
    public record Line(String caption, String value) {
    }

    public static ArbiterPanel of(ArbiterConfig config, ArbiterStatus status) {
        if (config == null) {
            return new ArbiterPanel("No arbiter configured: unfenced", PairBadge.Level.WARNING,
                    List.of(new Line("Fencing", "admin API only (a hung box cannot be forced off)")));
        }
        String where = config.port() + (config.serialNumber() == null ? "" : " · serial " + config.serialNumber());
        if (status == null) {
            return new ArbiterPanel("Arbiter status not reported", PairBadge.Level.NEUTRAL,
                    List.of(new Line("Port", where)));
        }
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Link", "connected, " + config.port()));
        if (config.serialNumber() != null) {
            lines.add(new Line("Serial number", config.serialNumber()));
        }
        lines.add(new Line("Selected output", status.selected() + " (relay reads " + status.feedback() + ")"));
        lines.add(new Line("Fences", fence(status, BoxId.A) + " · " + fence(status, BoxId.B)));
        lines.add(new Line("Power sense", power(status, BoxId.A) + " · " + power(status, BoxId.B)));
        lines.add(new Line("Heartbeat lines", beat(status, BoxId.A) + " · " + beat(status, BoxId.B)));
        lines.add(new Line("Host watchdog", status.watchdogLeftMs() < 0 ? status.state().toString().toLowerCase()
                : String.format(Locale.ROOT, "%s, %.1f s left", status.state().toString().toLowerCase(),
                status.watchdogLeftMs() / 1000.0)));
        lines.add(new Line("Epoch", Long.toString(status.epoch())));
        boolean fault = status.feedback() == ArbiterStatus.RelayFeedback.FAULT
                || status.state() == ArbiterStatus.ArmState.HOSTLOST;
        return new ArbiterPanel(fault ? "Arbiter needs attention" : "Arbiter connected",
                fault ? PairBadge.Level.ALARM : PairBadge.Level.OK, List.copyOf(lines));
    }

    private static String fence(ArbiterStatus s, BoxId b) {
        return b + (s.fenced(b) ? " fenced" : " free");
    }

    private static String power(ArbiterStatus s, BoxId b) {
        return b + (s.powered(b) ? " on" : " OFF");
    }

    private static String beat(ArbiterStatus s, BoxId b) {
        long age = s.heartbeatAgeMs(b);
        return b + (age < 0 ? " none yet" : " " + age + " ms");
    }
}
