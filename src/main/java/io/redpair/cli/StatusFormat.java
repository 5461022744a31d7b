package io.redpair.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
            }
            if (!p.path("canary").asBoolean()) {
                out.println("  no canary: 'flows run' rests on the admin API alone, which cannot see cold starts,"
                        + " missing node types or stuck flows (redpair canary install)");
            }
            if (p.path("pauseSuppressed").asBoolean()) {
                out.println("  local pause detected: convictions held back for one detection window");
            }
        }
    }

    private static String ms(JsonNode n) {
        return n.asLong(-1) < 0 ? "-" : n.asLong() + " ms";
    }
}
