package io.redpair.flows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The revision Node-RED reports for a flows array ({@code rev} in {@code GET /flows} v2 and in the deploy answer).
 *
 * <p>Node-RED computes it as {@code sha256(JSON.stringify(flows))} over the flows after it has stripped every
 * node's {@code credentials} (runtime/lib/storage/index.js, {@code saveFlows} and {@code getFlows}; read in
 * 4.1.15). Identical content therefore gives an identical rev on every instance, which is what lets RedPair tell
 * "both boxes carry this file" from "they drifted" without downloading and diffing both.
 */
public final class NodeRedRevision {

    private NodeRedRevision() {
    }

    /** @param flowsWithoutCredentials the array as Node-RED stores it (no {@code credentials} properties) */
    public static String of(ArrayNode flowsWithoutCredentials) {
        byte[] bytes = JsJson.stringify(flowsWithoutCredentials).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
