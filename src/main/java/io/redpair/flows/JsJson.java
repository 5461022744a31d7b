package io.redpair.flows;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a Jackson tree exactly as JavaScript's {@code JSON.stringify(JSON.parse(text))} would.
 *
 * <p>Why: Node-RED's flow revision is {@code sha256(JSON.stringify(flows))}, so two boxes can only be compared
 * with a file by rev if we reproduce that byte stream. Jackson's own writer differs in three places that matter:
 * numbers ({@code 1.0} stays {@code 1.0} in Jackson, JavaScript writes {@code 1}; {@code 1e21} vs
 * {@code 1E21}), escapes (JavaScript uses lowercase {@code \u001f}) and key order (JavaScript objects list
 * array-index keys such as {@code "2"} first, in ascending order, then the others in insertion order).
 */
final class JsJson {

    private static final long MAX_ARRAY_INDEX = 4_294_967_294L;

    private JsJson() {
    }

    static String stringify(JsonNode node) {
        StringBuilder out = new StringBuilder(4096);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            writeObject(node, out);
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            quote(node.textValue(), out);
        } else if (node.isNumber()) {
            out.append(number(node.doubleValue()));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else {
            out.append("null"); // binary/POJO nodes cannot come from parsing JSON text
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> field : jsOrder(node)) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(field.getKey(), out);
            out.append(':');
            write(field.getValue(), out);
        }
        out.append('}');
    }

    /** JavaScript property order: array indices ascending, then string keys in insertion order. */
    private static List<Map.Entry<String, JsonNode>> jsOrder(JsonNode node) {
        List<Map.Entry<String, JsonNode>> indices = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> others = new ArrayList<>(node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            (isArrayIndex(e.getKey()) ? indices : others).add(e);
        }
        if (indices.isEmpty()) {
            return others;
        }
        indices.sort((a, b) -> Long.compare(Long.parseLong(a.getKey()), Long.parseLong(b.getKey())));
        indices.addAll(others);
        return indices;
    }

    static boolean isArrayIndex(String key) {
        int n = key.length();
        if (n == 0 || n > 10 || (n > 1 && key.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Long.parseLong(key) <= MAX_ARRAY_INDEX;
    }

    static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(shortEscape(c));
            } else if (Character.isSurrogate(c) && !pairedSurrogate(s, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                if (Character.isHighSurrogate(c)) {
                    out.append(c).append(s.charAt(++i));
                    continue;
                }
                out.append(c);
            }
        }
        out.append('"');
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    private static String shortEscape(char c) {
        switch (c) {
            case '\b': return "\\b";
            case '\t': return "\\t";
            case '\n': return "\\n";
            case '\f': return "\\f";
            case '\r': return "\\r";
            default: return String.format("\\u%04x", (int) c);
        }
    }

    /** ECMAScript Number::toString for finite doubles; JSON.stringify writes non-finite numbers as null. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        if (d == 0) {
            return "0"; // also -0
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal shortest = shortest(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits x 10^n
        return sign + layout(digits, k, n);
    }

    /**
     * Shortest decimal that reads back as {@code d}. Schubfach gives it, except that Java's format insists on two
     * significant digits, which for some subnormals picks a different number ({@code 4.9E-324} where JavaScript
     * writes {@code 5e-324}); rounding away digits while the value still reads back fixes that.
     */
    private static BigDecimal shortest(double d) {
        BigDecimal best = new BigDecimal(NumberOutput.toString(d, true)).stripTrailingZeros();
        while (best.precision() > 1) {
            BigDecimal shorter = best.round(new MathContext(best.precision() - 1, RoundingMode.HALF_EVEN));
            if (shorter.doubleValue() != d) {
                break;
            }
            best = shorter.stripTrailingZeros();
        }
        return best;
    }

    private static String layout(String digits, int k, int n) {
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        String exponent = (e < 0 ? "e-" : "e+") + Math.abs(e);
        return k == 1 ? digits + exponent : digits.charAt(0) + "." + digits.substring(1) + exponent;
    }
}
