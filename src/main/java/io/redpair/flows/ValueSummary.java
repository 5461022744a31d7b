package io.redpair.flows;

import com.fasterxml.jackson.databind.JsonNode;

/** Short, single-line renderings of property values for diff tables; long function code becomes its first line. */
final class ValueSummary {

    static final int MAX = 48;

    private ValueSummary() {
    }

    static String of(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "(absent)";
        }
        if (v.isTextual()) {
            return text(v.textValue());
        }
        return clip(JsJson.stringify(v));
    }

    private static String text(String s) {
        int lines = (int) s.lines().count();
        String first = s.lines().findFirst().orElse("");
        String shown = "\"" + clip(first) + "\"";
        return lines > 1 ? shown + " (" + lines + " lines)" : shown;
    }

    private static String clip(String s) {
        return s.length() <= MAX ? s : s.substring(0, MAX - 1) + "…";
    }
}
