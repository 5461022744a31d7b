package io.redpair.store.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces values under credential-like keys ({@code password}, {@code secret}, {@code token},
 * {@code authorization}, {@code cookie}, {@code apiKey}...) with {@code "[redacted]"} at any depth.
 * A safety net: callers still pass no secrets, but a reply that echoes a token does not reach disk.
 */
final class DetailsRedactor {

    static final String REDACTED = "[redacted]";
    private static final Pattern CREDENTIAL_KEY = Pattern.compile(
            "(?i).*(pass(word|wd)?|secret|token|authori[sz]ation|cookie|api[-_]?key|credential).*");

    private DetailsRedactor() {
    }

    static ObjectNode redact(ObjectNode details) {
        ObjectNode copy = details.deepCopy();
        walk(copy);
        return copy;
    }

    private static void walk(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> secretKeys = new ArrayList<>();
            for (var it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (CREDENTIAL_KEY.matcher(field.getKey()).matches() && !field.getValue().isNull()) {
                    secretKeys.add(field.getKey());
                } else {
                    walk(field.getValue());
                }
            }
            secretKeys.forEach(key -> object.put(key, REDACTED));
        } else if (node instanceof ArrayNode array) {
            array.forEach(DetailsRedactor::walk);
        }
    }
}
