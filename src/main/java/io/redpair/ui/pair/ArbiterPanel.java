package io.redpair.ui.pair;

import io.redpair.arbiter.ArbiterStatus;
import io.redpair.pair.ArbiterConfig;
import io.redpair.pair.BoxId;
import io.redpair.supervisor.ArbiterSnapshot;
import io.redpair.ui.PairBadge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The arbiter panel's lines, from the arbiter view the supervisor puts in the pair snapshot. Without an
 * arbiter the pair is unfenced and the panel says so plainly: a takeover then rests on the admin API alone.
 * Without a view (no arbiter wired to the supervisor) it says that instead of showing invented values. With
 * the link down it shows the last STATUS marked as last known, with its age: outputs are never assumed to be
 * where they were. Pure.
 */
public record ArbiterPanel(String headline, PairBadge.Level level, List<Line> lines) {

    /** One caption/value row. */
    public record Line(String caption, String value) {
    }

    public static ArbiterPanel of(ArbiterConfig config, ArbiterSnapshot view) {
        if (config == null) {
            return new ArbiterPanel("No arbiter configured: unfenced", PairBadge.Level.WARNING,
                    List.of(new Line("Fencing", "admin API only (a hung box cannot be forced off)")));
        }
        String where = config.port() + (config.serialNumber() == null ? "" : " · serial " + config.serialNumber());
        if (view == null) {
            return new ArbiterPanel("Arbiter status not reported", PairBadge.Level.NEUTRAL,
                    List.of(new Line("Port", where)));
        }
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Link", view.link()));
        ArbiterStatus status = view.status();
        if (status == null) {
            lines.add(new Line("Port", where));
            return new ArbiterPanel(view.linkUp() ? "Arbiter connected, no status yet" : "Arbiter link down: no fence",
                    view.linkUp() ? PairBadge.Level.NEUTRAL : PairBadge.Level.ALARM, List.copyOf(lines));
        }
        if (!view.linkUp()) {
            lines.add(new Line("Last status", ageWords(view.statusAgeMs()) + " ago; values below are the last known"));
        }
        statusLines(status, lines);
        return new ArbiterPanel(headline(view), level(view), List.copyOf(lines));
    }

    private static void statusLines(ArbiterStatus status, List<Line> lines) {
        lines.add(new Line("Selected output", status.selected() + " (relay reads " + status.feedback() + ")"));
        lines.add(new Line("Fences", fence(status, BoxId.A) + " · " + fence(status, BoxId.B)));
        lines.add(new Line("Power sense", power(status, BoxId.A) + " · " + power(status, BoxId.B)));
        lines.add(new Line("Heartbeat lines", beat(status, BoxId.A) + " · " + beat(status, BoxId.B)));
        lines.add(new Line("Host watchdog", status.watchdogLeftMs() < 0 ? status.state().toString().toLowerCase()
                : String.format(Locale.ROOT, "%s, %.1f s left", status.state().toString().toLowerCase(),
                status.watchdogLeftMs() / 1000.0)));
        lines.add(new Line("Epoch", Long.toString(status.epoch())));
    }

    private static String headline(ArbiterSnapshot view) {
        if (!view.linkUp()) {
            return "Arbiter link down: no fence, no automatic takeover";
        }
        return fault(view.status()) ? "Arbiter needs attention" : "Arbiter connected";
    }

    private static PairBadge.Level level(ArbiterSnapshot view) {
        return !view.linkUp() || fault(view.status()) ? PairBadge.Level.ALARM : PairBadge.Level.OK;
    }

    private static boolean fault(ArbiterStatus s) {
        return s.feedback() == ArbiterStatus.RelayFeedback.FAULT || s.state() == ArbiterStatus.ArmState.HOSTLOST;
    }

    private static String ageWords(long ms) {
        return ms < 0 ? "unknown" : ms < 10_000 ? ms + " ms" : String.format(Locale.ROOT, "%.0f s", ms / 1000.0);
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
