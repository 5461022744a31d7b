package io.redpair.ui.pair;

import io.redpair.supervisor.SupervisorEvent;
import io.redpair.ui.PairBadge;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One timeline line in plain language with the time to the millisecond, and the filter it belongs to.
 * Pure: built from a {@link SupervisorEvent}; the wording is tested without the toolkit.
 */
public record TimelineEntry(String time, String text, Category category) {

    /** The timeline's filters. */
    public enum Category {
        STATE("State"), BOXES("Boxes"), FAILOVER("Failover"), OPERATOR("Operator"), ALARMS("Alarms"),
        COMMANDS("Commands");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    public String line() {
        return time + "  " + text;
    }

    public static TimelineEntry of(SupervisorEvent e, ZoneId zone) {
        String time = TIME.format(e.at().atZone(zone));
        if (e instanceof SupervisorEvent.StateChanged s) {
            String active = s.active() == null ? "" : "active " + s.active() + ", ";
            return new TimelineEntry(time, PairBadge.of(s.to()).text() + " (" + active + "epoch " + s.epoch() + "): "
                    + s.reason(), Category.STATE);
        }
        if (e instanceof SupervisorEvent.BoxConditionChanged b) {
            return new TimelineEntry(time, b.box() + " " + BoxCard.words(b.to()).toLowerCase()
                    + (b.detail() == null || b.detail().isBlank() ? "" : ": " + b.detail()), Category.BOXES);
        }
        if (e instanceof SupervisorEvent.Noted n) {
            Category c = n.noteType().startsWith("failover") || n.noteType().startsWith("switchover")
                    ? Category.FAILOVER : n.noteType().equals("operator-needed") ? Category.ALARMS : Category.STATE;
            return new TimelineEntry(time, n.text(), c);
        }
        if (e instanceof SupervisorEvent.Alarmed a) {
            return new TimelineEntry(time, "ALARM: " + a.text(), Category.ALARMS);
        }
        if (e instanceof SupervisorEvent.CommandFinished c) {
            String verb = c.command().replace('-', ' ');
            return new TimelineEntry(time, verb + " on " + c.box() + (c.ok() ? " confirmed" : " NOT confirmed")
                    + " after " + c.durationMs() + " ms" + (c.detail() == null ? "" : ": " + c.detail()),
                    Category.COMMANDS);
        }
        if (e instanceof SupervisorEvent.LocalPauseDetected l) {
            return new TimelineEntry(time, "RedPair itself was paused for " + l.gapMs() + " ms; no conclusions for "
                    + l.suppressMs() + " ms", Category.STATE);
        }
        SupervisorEvent.OperatorRequested o = (SupervisorEvent.OperatorRequested) e;
        return new TimelineEntry(time, o.user() + " asked for " + o.action() + ": "
                + (o.accepted() ? "accepted" : "refused") + " — " + o.detail(), Category.OPERATOR);
    }
}
