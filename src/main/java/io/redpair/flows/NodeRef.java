package io.redpair.flows;

/**
 * How a node is shown to an engineer: where it lives (tab or subflow, as the editor names it), its name, type and
 * id (the id is what the editor's search box finds), and the source line it starts on (0 when unknown).
 */
public record NodeRef(String container, String name, String type, String id, int line) {

    public static NodeRef of(FlowSet set, FlowNode node) {
        return new NodeRef(set.containerName(node), set.displayName(node), node.type(), node.id(), node.line());
    }

    /** "tab Kitchen / Counter (function 1a2b)". */
    public String describe() {
        String where = container.isEmpty() ? "" : container + " / ";
        String typeAndId = type + " " + id;
        return name.equals(typeAndId) ? where + name : where + name + " (" + typeAndId + ")";
    }
}
