package io.redpair.ui.pair;

import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.pair.BoxId;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SupervisorEvent;
import io.redpair.ui.PairBadge;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the state banner says: a headline in the product's words, the why underneath, and how loud it is.
 * Loudness reuses {@link PairBadge.Level} so the sidebar badge and the banner never disagree. Pure.
 */
public record Banner(String headline, String detail, PairBadge.Level level) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Pattern FOR_SECONDS = Pattern.compile("for ([0-9]+(?:\\.[0-9]+)?) s");

    public static Banner of(PairSnapshot p, ZoneId zone) {
        PairBadge.Level level = PairBadge.of(p.mode()).level();
        if (p.mode() == null) {
            return new Banner("Not supervised", "Only box health is shown; nothing decides for this pair.", level);
        }
        String reason = p.reason() == null ? "" : p.reason();
        if (p.mode() == Mode.PROTECTED) {
            return new Banner("Protected", activeLine(p) + " runs flows; " + (p.active() == null ? "the spare"
                    : p.active().other().toString()) + " stands by and can take over.", level);
        }
        if (p.mode() == Mode.FAILING_OVER || p.mode() == Mode.SWITCHING_OVER) {
            String what = p.mode() == Mode.FAILING_OVER ? "Failing over" : "Switching over";
            return new Banner(what + (p.target() == null ? "" : " to " + p.target()) + " — " + step(p),
                    reason, level);
        }
        if (p.mode() == Mode.MAINTENANCE) {
            return new Banner(maintenanceUntil(p, zone).map(t -> "Maintenance until " + HH_MM.format(t.atZone(zone)))
                    .orElse("Maintenance"), reason, level);
        }
        return new Banner(title(p.mode()) + (reason.isBlank() ? "" : " — " + firstClause(reason)), rest(reason), level);
    }

    private static String activeLine(PairSnapshot p) {
        return p.active() == null ? "The active box" : "Box " + p.active();
    }

    private static String title(Mode mode) {
        if (mode == Mode.OPERATOR_NEEDED) {
            return "Operator needed";
        }
        return PairBadge.of(mode).text();
    }

    /** The headline keeps only the first clause of a long reason; the full reason is the detail line. */
    static String firstClause(String reason) {
        int cut = reason.indexOf(';');
        String clause = cut > 0 ? reason.substring(0, cut) : reason;
        return clause.length() > 90 ? clause.substring(0, 87) + "..." : clause;
    }

    /** The detail line under a headline that already shows the first clause: what follows it, or all of it. */
    static String rest(String reason) {
        int cut = reason.indexOf(';');
        String first = firstClause(reason);
        return cut > 0 && first.length() == cut ? reason.substring(cut + 1).strip() : reason;
    }

    static String step(PairSnapshot p) {
        BoxId target = p.target();
        String old = target == null ? "the old active" : target.other().toString();
        if (p.step() == FailoverStep.STOP_OLD) {
            return "step 1 of 2: stopping " + old + "'s flows";
        }
        if (p.step() == FailoverStep.START_NEW) {
            return "step 2 of 2: starting " + (target == null ? "the new active" : target.toString()) + "'s flows";
        }
        return "preparing";
    }

    /**
     * The snapshot carries the maintenance reason ("maintenance by ... for 600.0 s: ..."), not the expiry; the
     * expiry is the time the pair entered maintenance plus that duration. Empty when either is not known.
     */
    static Optional<Instant> maintenanceUntil(PairSnapshot p, ZoneId zone) {
        Matcher m = FOR_SECONDS.matcher(p.reason() == null ? "" : p.reason());
        if (!m.find()) {
            return Optional.empty();
        }
        Duration length = Duration.ofMillis(Math.round(Double.parseDouble(m.group(1)) * 1000));
        List<SupervisorEvent> timeline = p.timeline();
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i) instanceof SupervisorEvent.StateChanged s && s.to() == Mode.MAINTENANCE) {
                return Optional.of(s.at().plus(length));
            }
        }
        return Optional.empty();
    }
}
