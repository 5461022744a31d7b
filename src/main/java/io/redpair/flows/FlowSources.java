package io.redpair.flows;

import io.redpair.nodered.FlowsDocument;
import io.redpair.nodered.NodeRedAuth;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.NodeRedEndpoint;
import io.redpair.nodered.Outcome;
import java.net.URI;
import java.nio.file.Path;

/**
 * Loads a flow set from what an engineer types: a file path, or the admin URL of a Node-RED (a dev instance),
 * read with {@code GET /flows} v2. Boxes of a pair are read the same way through their own endpoint.
 */
public final class FlowSources {

    private FlowSources() {
    }

    public static boolean isUrl(String spec) {
        return spec.startsWith("http://") || spec.startsWith("https://");
    }

    /** A file path or an http(s) admin URL; URLs are read anonymously (for an instance without adminAuth). */
    public static FlowSet load(String spec) throws FlowsFormatException, FlowSourceException {
        return load(spec, new NodeRedAuth.None());
    }

    /**
     * A file path, or an http(s) admin URL read with {@code auth} (the same kinds as a box: none, password, static
     * token); {@code auth} is ignored for a file.
     */
    public static FlowSet load(String spec, NodeRedAuth auth) throws FlowsFormatException, FlowSourceException {
        if (!isUrl(spec)) {
            return FlowSetLoader.load(Path.of(spec));
        }
        URI url;
        try {
            url = URI.create(spec);
            return fromNodeRed(NodeRedEndpoint.anonymous(url).withAuth(auth), spec);
        } catch (IllegalArgumentException e) {
            throw new FlowsFormatException(spec, 0, 0, "not a usable admin URL: " + e.getMessage());
        }
    }

    /** Reads the flows a running Node-RED has deployed, with the rev it reports. */
    public static FlowSet fromNodeRed(NodeRedEndpoint endpoint, String name) throws FlowsFormatException, FlowSourceException {
        try (NodeRedClient client = NodeRedClient.create(endpoint)) {
            Outcome<FlowsDocument> answer = client.flows();
            if (!(answer instanceof Outcome.Ok<FlowsDocument> ok)) {
                throw new FlowSourceException(name + ": cannot read flows: " + answer.describe());
            }
            FlowSet set = FlowSetLoader.fromTree(name, ok.value().flows());
            if (!set.revision().equals(ok.value().rev())) {
                throw new FlowsFormatException(name, 0, 0, "the box reports rev " + ok.value().rev()
                        + " but its flows hash to " + set.revision() + "; RedPair's revision model does not match"
                        + " this Node-RED version");
            }
            return set;
        }
    }
}
