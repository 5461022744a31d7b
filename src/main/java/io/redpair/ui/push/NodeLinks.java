package io.redpair.ui.push;

import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSources;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Where an engineer can see a node in Node-RED's editor: {@code <admin URL>/#node/<id>} opens the editor with that
 * node selected. A node is linked to an editor that has it: the dev instance the flows came from (when the source is
 * a URL), else the first box (active first) whose deployed flows contain it. A node only the source file has gets
 * no link (the console copies its id instead, for the editor's search box). Pure.
 */
public final class NodeLinks {

    /** One editor and the flows it has deployed. */
    public record Editor(URI adminUrl, FlowSet deployed) {
    }

    private final URI sourceEditor;
    private final List<Editor> boxes;

    private NodeLinks(URI sourceEditor, List<Editor> boxes) {
        this.sourceEditor = sourceEditor;
        this.boxes = List.copyOf(boxes);
    }

    /** @param boxes the pair's editors in order of preference (the active box first); may be empty */
    public static NodeLinks of(String sourceSpec, List<Editor> boxes) {
        URI source = sourceSpec != null && FlowSources.isUrl(sourceSpec) ? URI.create(sourceSpec) : null;
        return new NodeLinks(source, boxes);
    }

    public static NodeLinks none() {
        return new NodeLinks(null, List.of());
    }

    public Optional<URI> forNode(String id) {
        if (sourceEditor != null) {
            return Optional.of(editorAt(sourceEditor, id));
        }
        return boxes.stream().filter(e -> e.deployed().byId().containsKey(id)).findFirst()
                .map(e -> editorAt(e.adminUrl(), id));
    }

    /** {@code http://box:1880/admin/#node/1a2b}: the admin root (with any httpAdminRoot path), then the fragment. */
    static URI editorAt(URI admin, String id) {
        String base = admin.toString();
        int hash = base.indexOf('#');
        if (hash >= 0) {
            base = base.substring(0, hash);
        }
        return URI.create((base.endsWith("/") ? base : base + "/") + "#node/" + id);
    }
}
