package io.redpair.nodered;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Objects;

/**
 * {@code GET /flows} (API v2). {@code rev} is sha256 of the flows JSON, so equal content gives an
 * equal rev on both boxes; send it back with a deploy to get 409 protection.
 */
public record FlowsDocument(ArrayNode flows, String rev) {
    public FlowsDocument {
        Objects.requireNonNull(flows, "flows");
        Objects.requireNonNull(rev, "rev");
    }
}
