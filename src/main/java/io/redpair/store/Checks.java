package io.redpair.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects every problem of a site file with its path and location, and reads typed values. Each
 * reader returns null (or a default) after recording a problem, so validation goes on and the user
 * sees all problems at once.
 */
final class Checks {

    private final LocatedJson json;
    private final List<Problem> problems = new ArrayList<>();

    Checks(LocatedJson json) {
        this.json = json;
    }

    List<Problem> problems() {
        return problems;
    }

    void problem(String path, String message) {
        add(path, json.valueLocation(path), message);
    }

    void keyProblem(String path, String message) {
        add(path, json.keyLocation(path), message);
    }

    private void add(String path, JsonLocation at, String message) {
        int line = at == null ? -1 : at.getLineNr();
        int column = at == null ? -1 : at.getColumnNr();
        problems.add(new Problem(path.isEmpty() ? "(root)" : path, line, column, message));
    }

    /** Rejects keys that are not in {@code allowed}, naming the allowed ones. */
    void onlyKeys(JsonNode object, String path, Set<String> allowed, String what) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                keyProblem(LocatedJson.child(path, name), "unknown key '" + name + "' in " + what + " (allowed: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    JsonNode object(JsonNode parent, String path, String key, boolean required) {
        JsonNode node = parent.get(key);
        String p = LocatedJson.child(path, key);
        if (node == null) {
            if (required) {
                problem(path, "missing key '" + key + "'");
            }
            return null;
        }
        if (!node.isObject()) {
            problem(p, "expected an object");
            return null;
        }
        return node;
    }

    String text(JsonNode parent, String path, String key, boolean required) {
        JsonNode node = parent.get(key);
        if (node == null) {
            if (required) {
                problem(path, "missing key '" + key + "'");
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problem(LocatedJson.child(path, key), "expected a non-empty string");
            return null;
        }
        return node.asText();
    }

    /** A whole number in [min, max], or {@code fallback} when absent. */
    long number(JsonNode parent, String path, String key, long min, long max, long fallback) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return fallback;
        }
        String p = LocatedJson.child(path, key);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            problem(p, "expected a whole number between " + min + " and " + max);
            return fallback;
        }
        long value = node.asLong();
        if (value < min || value > max) {
            problem(p, value + " is out of range: expected " + min + " to " + max);
            return fallback;
        }
        return value;
    }

    boolean bool(JsonNode parent, String path, String key, boolean fallback) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            problem(LocatedJson.child(path, key), "expected true or false");
            return fallback;
        }
        return node.asBoolean();
    }

    /** One of the given words, or {@code fallback} when absent. */
    String choice(JsonNode parent, String path, String key, List<String> allowed, String fallback) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isTextual() || !allowed.contains(node.asText())) {
            problem(LocatedJson.child(path, key), "expected one of " + String.join(", ", allowed));
            return fallback;
        }
        return node.asText();
    }
}
