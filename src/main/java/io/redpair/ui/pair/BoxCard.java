package io.redpair.ui.pair;

import io.redpair.failover.Mode;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.supervisor.BoxSnapshot;
import io.redpair.supervisor.FlowsDrift;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.ui.PairBadge;
import java.util.Locale;

/**
 * One box card's text, derived from a snapshot. Values that the supervisor has not measured yet read
 * "not yet" rather than 0, so an engineer never mistakes "unknown" for "fine". Pure.
 *
 * @param level     how worrying the box's condition is (a down spare is a warning, a down active an alarm)
 * @param version   the Node-RED version the box reported, "not read yet" before the first reading, and the
 *                  other box's when it runs another one (a pair should run one version: a takeover must not
 *                  also change the runtime)
 * @param flowsRev  the short flows revision and whether the other box has the same ("1a2b3c4d… · same as B")
 * @param revLevel  WARNING when the pair's flows drifted (the revision line is styled by it), else NEUTRAL
 * @param versionLevel WARNING when both versions are known and differ, else NEUTRAL
 */
public record BoxCard(BoxId box, String title, String role, String condition, String detail, String url,
                      String latency, String heartbeatAge, String phi, PairBadge.Level level, String version,
                      String flowsRev, PairBadge.Level revLevel, PairBadge.Level versionLevel) {

    public static BoxCard of(PairSnapshot p, BoxId id) {
        BoxSnapshot b = p.boxes().get(id);
        boolean active = id == p.active();
        String role = p.mode() == null ? "not supervised" : active ? "Active" : "Spare";
        if (p.target() == id && (p.mode() == Mode.FAILING_OVER || p.mode() == Mode.SWITCHING_OVER)) {
            role = "Taking over";
        }
        BoxCondition c = b == null ? BoxCondition.UNKNOWN : b.condition();
        return new BoxCard(id, "Box " + id, role, words(c), b == null ? "" : nullToEmpty(b.detail()),
                b == null ? "" : b.url(), b == null ? "not yet" : latency(b), b == null ? "not yet" : age(b, c),
                b == null ? "-" : String.format(Locale.ROOT, "%.1f", b.phi()), level(c, active),
                version(p, id), revision(p, id), p.drift().differs() ? PairBadge.Level.WARNING : PairBadge.Level.NEUTRAL,
                otherVersion(p, id) == null ? PairBadge.Level.NEUTRAL : PairBadge.Level.WARNING);
    }

    static String version(PairSnapshot p, BoxId id) {
        BoxSnapshot b = p.boxes().get(id);
        if (b == null || b.nodeRedVersion() == null) {
            return "not read yet";
        }
        String other = otherVersion(p, id);
        return other == null ? b.nodeRedVersion() : b.nodeRedVersion() + " · " + id.other() + " runs " + other;
    }

    /** The other box's version when both are known and differ, else null. */
    private static String otherVersion(PairSnapshot p, BoxId id) {
        BoxSnapshot b = p.boxes().get(id);
        BoxSnapshot o = p.boxes().get(id.other());
        boolean known = b != null && o != null && b.nodeRedVersion() != null && o.nodeRedVersion() != null;
        return known && !b.nodeRedVersion().equals(o.nodeRedVersion()) ? o.nodeRedVersion() : null;
    }

    /** The box's revision and the pair's verdict on it, from the box's side ("same as B", "differs from B"). */
    static String revision(PairSnapshot p, BoxId id) {
        BoxSnapshot b = p.boxes().get(id);
        if (b == null || b.flowsRev() == null) {
            return "not read yet";
        }
        String rev = FlowsDrift.shortRev(b.flowsRev());
        BoxId other = id.other();
        switch (p.drift().state()) {
            case MATCH: return rev + " · same as " + other;
            case DIFFER: return rev + " · differs from " + other;
            case CHECKING: return rev + " · re-checking " + other;
            default: return rev + " · " + other + " not read yet";
        }
    }

    static String words(BoxCondition c) {
        switch (c) {
            case RUNNING_FLOWS: return "Running flows";
            case STANDBY_READY: return "Standing by (flows stopped)";
            case STUCK: return "Stuck: flows do not serve";
            case HUNG: return "Hung: no answer";
            case DOWN: return "Down: process gone";
            case UNREACHABLE: return "Unreachable";
            case MISCONFIGURED: return "Misconfigured";
            default: return "Not heard yet";
        }
    }

    private static PairBadge.Level level(BoxCondition c, boolean active) {
        if (c == BoxCondition.RUNNING_FLOWS || c == BoxCondition.STANDBY_READY) {
            return PairBadge.Level.OK;
        }
        if (c == BoxCondition.UNKNOWN) {
            return PairBadge.Level.NEUTRAL;
        }
        return active ? PairBadge.Level.ALARM : PairBadge.Level.WARNING;
    }

    private static String latency(BoxSnapshot b) {
        String api = b.apiLatencyMs() < 0 ? "not yet" : b.apiLatencyMs() + " ms";
        return b.canaryLatencyMs() < 0 ? "API " + api : "API " + api + " · canary " + b.canaryLatencyMs() + " ms";
    }

    private static String age(BoxSnapshot b, BoxCondition c) {
        if (b.heartbeatAgeMs() < 0) {
            return c == BoxCondition.STANDBY_READY ? "none: flows stopped" : "not yet";
        }
        String age = b.heartbeatAgeMs() < 10_000 ? b.heartbeatAgeMs() + " ms ago"
                : String.format(Locale.ROOT, "%.1f s ago", b.heartbeatAgeMs() / 1000.0);
        return b.missed() > 0 ? age + " (" + b.missed() + " missed)" : age;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
