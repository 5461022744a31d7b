package io.redpair.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Replaces every number in a tree by the value JavaScript would hold: a double, written as the smallest Jackson
 * node that holds it exactly. Why: Node-RED parses flows into JavaScript numbers, so {@code 1.0} and {@code 1},
 * {@code -0.0} and {@code 0}, or {@code 12345678901234567890} and {@code 12345678901234567000} are the same value
 * to it, while Jackson keeps them as different nodes that never compare equal. Without this a box that echoes
 * our flows back would show phantom changes (found against a real Node-RED).
 */
final class JsNumbers {

    private static final double MAX_SAFE = 9_007_199_254_740_991d;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsNumbers() {
    }

    static JsonNode normalize(JsonNode node) {
        if (node.isNumber()) {
            return canonical(node.doubleValue());
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode value = e.getValue();
                if (value.isContainerNode() || value.isNumber()) {
                    e.setValue(normalize(value));
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isContainerNode() || value.isNumber()) {
                    array.set(i, normalize(value));
                }
            }
        }
        return node;
    }

    private static JsonNode canonical(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return F.nullNode(); // what JSON.stringify writes for them
        }
        if (d == Math.rint(d) && Math.abs(d) <= MAX_SAFE) {
            long l = (long) d; // also turns -0.0 into 0
            return l == (int) l ? F.numberNode((int) l) : F.numberNode(l);
        }
        return F.numberNode(d);
    }
}
