package io.redpair.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One element of a Node-RED flows array: a tab, a subflow definition, a group, a config node or a flow node.
 *
 * @param json the node exactly as loaded, without its {@code credentials} (those live in {@link FlowSet})
 * @param line the 1-based line of the node's opening brace in the source, or 0 when the source had no text
 */
public record FlowNode(String id, String type, String z, String name, ObjectNode json, int line) {

    public static final String TAB = "tab";
    public static final String SUBFLOW = "subflow";
    public static final String GROUP = "group";

    public boolean isTab() {
        return TAB.equals(type);
    }

    public boolean isSubflow() {
        return SUBFLOW.equals(type);
    }

    /**
     * Config nodes (brokers, TLS settings, global-config) have neither a position nor wires: that is how the
     * editor tells them apart, since their type names follow no convention.
     */
    public boolean isConfig() {
        return !isTab() && !isSubflow() && !GROUP.equals(type) && !json.has("x") && !json.has("wires");
    }

    /** A text property, or "" when absent or not text. */
    public String text(String property) {
        JsonNode v = json.get(property);
        return v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : "";
    }

    /** A boolean property the editor may store as true/false or as "true"/"false". */
    public boolean flag(String property, boolean whenAbsent) {
        JsonNode v = json.get(property);
        if (v == null || v.isNull()) {
            return whenAbsent;
        }
        return v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText());
    }
}
