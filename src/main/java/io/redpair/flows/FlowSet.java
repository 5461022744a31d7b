package io.redpair.flows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated set of Node-RED flows: every node keyed by its (unique) id, the credentials that came with
 * it, and its Node-RED revision.
 *
 * <p>Invariants: ids are unique and non-empty, every node has a type, node order is the source order (Node-RED's
 * revision depends on it), and no node's JSON carries {@code credentials} (they are in {@link #credentials()},
 * because Node-RED strips them before it computes the revision and GET /flows never returns them).
 */
public final class FlowSet {

    private final String source;
    private final List<FlowNode> nodes;
    private final Map<String, FlowNode> byId;
    private final Map<String, ObjectNode> credentials;
    private final String declaredRev;
    private volatile String revision;

    FlowSet(String source, List<FlowNode> nodes, Map<String, ObjectNode> credentials, String declaredRev) {
        this.source = source;
        this.nodes = List.copyOf(nodes);
        Map<String, FlowNode> index = new LinkedHashMap<>(nodes.size() * 2);
        nodes.forEach(n -> index.put(n.id(), n));
        this.byId = Collections.unmodifiableMap(index);
        this.credentials = Collections.unmodifiableMap(new LinkedHashMap<>(credentials));
        this.declaredRev = declaredRev;
    }

    /** Where the flows came from (a file path, a URL, a box), for messages. */
    public String source() {
        return source;
    }

    public List<FlowNode> nodes() {
        return nodes;
    }

    public Map<String, FlowNode> byId() {
        return byId;
    }

    public Optional<FlowNode> node(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Whether Node-RED runs {@code n}: it is not disabled ({@code d}) and not on a disabled tab. */
    public boolean runs(FlowNode n) {
        if (n.flag("d", false)) {
            return false;
        }
        return node(n.z()).map(tab -> !(tab.isTab() && tab.flag("disabled", false))).orElse(true);
    }

    /** Credentials per node id, from per-node {@code credentials} and the v2 top-level map (the map wins). */
    public Map<String, ObjectNode> credentials() {
        return credentials;
    }

    /** The {@code rev} written in a v2 document, if any; compare with {@link #revision()}. */
    public Optional<String> declaredRev() {
        return Optional.ofNullable(declaredRev);
    }

    /** The flows array as Node-RED would store it: source order, no credentials. A fresh copy. */
    public ArrayNode flowsArray() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(nodes.size());
        nodes.forEach(n -> array.add(n.json().deepCopy()));
        return array;
    }

    /** The revision Node-RED reports for these flows (see {@link NodeRedRevision}). Computed once. */
    public String revision() {
        String r = revision;
        if (r == null) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode(nodes.size());
            nodes.forEach(n -> array.add(n.json()));
            r = NodeRedRevision.of(array);
            revision = r;
        }
        return r;
    }

    /**
     * The editor's name for a node: a tab's label, a subflow's name, otherwise the node's name, or its type and
     * id when it has none (the editor would show a type-specific label that only the browser can compute).
     */
    public String displayName(FlowNode n) {
        if (n.isTab()) {
            return n.text("label").isEmpty() ? "tab " + n.id() : n.text("label");
        }
        if (n.isSubflow()) {
            return n.name().isEmpty() ? "subflow " + n.id() : n.name();
        }
        return n.name().isEmpty() ? n.type() + " " + n.id() : n.name();
    }

    /**
     * Where a node lives, as the editor shows it: "tab Label", "subflow Name", or "global" for config nodes and
     * for nodes whose {@code z} points nowhere (Node-RED treats those as global too).
     */
    public String containerName(FlowNode n) {
        if (n.isTab() || n.isSubflow()) {
            return "";
        }
        FlowNode container = n.z().isEmpty() ? null : byId.get(n.z());
        if (container == null) {
            return "global";
        }
        return (container.isSubflow() ? "subflow " : "tab ") + displayName(container);
    }
}
