package io.redpair.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.redpair.supervisor.FlowsDrift;
import java.io.PrintWriter;
import java.util.Locale;

/** The human form of {@code status}: one block per pair, one line per box. Reads the JSON form, so both agree. */
final class StatusFormat {

    private StatusFormat() {
    }

    static void print(JsonNode s, PrintWriter out) {
        out.println("Site " + s.path("site").asText() + (s.path("supervised").asBoolean()
                ? " (supervised)" : " (no supervisor running: box health only, nothing decided)"));
        for (JsonNode p : s.path("pairs")) {
            out.println();
            String mode = p.path("mode").isNull() || p.path("mode").isMissingNode() ? "NOT SUPERVISED" : p.path("mode").asText();
            out.printf(Locale.ROOT, "%s (%s): %s%s, epoch %d — %s%n", p.path("pair").asText(), p.path("name").asText(),
                    mode, p.path("active").isTextual() ? " active " + p.path("active").asText() : "",
                    p.path("epoch").asLong(), p.path("reason").asText());
            if (!p.path("fencing").asText("").isEmpty()) {
                out.printf(Locale.ROOT, "  fencing: %s%n", p.path("fencing").asText());
            }
            if (p.has("journal")) {
                out.printf(Locale.ROOT, "  journal: epoch %d, last active %s%n", p.path("journal").path("epoch").asLong(),
                        p.path("journal").path("active").asText("none"));
            }
            for (String box : new String[] {"A", "B"}) {
                JsonNode b = p.path("boxes").path(box);
                out.printf(Locale.ROOT, "  %s %-28s %-14s api %s  canary %s  heartbeat age %s  phi %.1f  %s%n", box,
                        b.path("url").asText(), b.path("condition").asText(), ms(b.path("apiLatencyMs")),
                        ms(b.path("canaryLatencyMs")), ms(b.path("heartbeatAgeMs")), b.path("phi").asDouble(),
                        b.path("detail").asText());
                out.printf(Locale.ROOT, "    Node-RED %s, flows rev %s%s%n", b.path("nodeRedVersion").asText("not read yet"),
                        shortRev(b.path("flowsRev")), b.path("factsAgeMs").asLong(-1) < 0 ? ""
                                : " (read " + b.path("factsAgeMs").asLong() / 1000 + " s ago)");
            }
            printDrift(p.path("drift"), out);
            printArbiter(p.path("arbiter"), out);
            if (!p.path("canary").asBoolean()) {
                out.println("  no canary: 'flows run' rests on the admin API alone, which cannot see cold starts,"
                        + " missing node types or stuck flows (redpair canary install)");
            }
            if (p.path("pauseSuppressed").asBoolean()) {
                out.println("  local pause detected: convictions held back for one detection window");
            }
        }
    }

    /** Drift is printed as a WARNING line: it never triggers an action, so a human must see it. */
    private static void printDrift(JsonNode d, PrintWriter out) {
        String state = d.path("state").asText("UNKNOWN");
        String text = d.path("text").asText("");
        out.println("DIFFER".equals(state) ? "  WARNING " + text + " (drift: push or deploy so both boxes match)"
                : "  " + (text.isEmpty() ? "flows revisions not reported" : text));
    }

    private static void printArbiter(JsonNode a, PrintWriter out) {
        if (a.isMissingNode() || a.isNull()) {
            return;
        }
        out.printf(Locale.ROOT, "  arbiter: link %s%n", a.path("link").asText());
        JsonNode s = a.path("status");
        if (s.isMissingNode() || s.isNull()) {
            return;
        }
        out.printf(Locale.ROOT, "    %sselected %s (relay %s), fences A %s B %s, power A %s B %s, heartbeat lines A %s B %s,"
                        + " watchdog %s%s, epoch %d%n", a.path("linkUp").asBoolean() ? "" : "LAST KNOWN: ",
                s.path("selected").asText(), s.path("feedback").asText(), fence(s, "fencedA"), fence(s, "fencedB"),
                power(s, "poweredA"), power(s, "poweredB"), ms(s.path("heartbeatAgeA")), ms(s.path("heartbeatAgeB")),
                s.path("state").asText(), s.path("watchdogLeftMs").asLong(-1) < 0 ? ""
                        : String.format(Locale.ROOT, " %.1f s left", s.path("watchdogLeftMs").asLong() / 1000.0),
                s.path("epoch").asLong());
    }

    private static String fence(JsonNode s, String field) {
        return s.path(field).asBoolean() ? "FENCED" : "free";
    }

    private static String power(JsonNode s, String field) {
        return s.path(field).asBoolean() ? "on" : "OFF";
    }

    private static String shortRev(JsonNode rev) {
        return rev.isTextual() ? FlowsDrift.shortRev(rev.asText()) : "not read yet";
    }

    private static String ms(JsonNode n) {
        return n.asLong(-1) < 0 ? "-" : n.asLong() + " ms";
    }
}
