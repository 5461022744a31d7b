package io.redpair.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates the "large" benchmark flow of NODE-RED-FACTS §4: the RedPair canary plus, on each of
 * several tabs, inject → function → debug chains and {@code http in GET /ep/<n>} → change →
 * {@code http response} endpoints. The defaults give 2,082 nodes on 7 tabs (6 generated + the
 * canary's). Injects do not repeat, so a running large flow costs memory, not CPU. Ids are
 * deterministic, so the same parameters always give the same rev.
 */
public final class LargeFlowGenerator {

    public static final int DEFAULT_TABS = 6;
    public static final int DEFAULT_CHAINS_PER_TAB = 110;
    public static final int DEFAULT_ENDPOINTS_PER_TAB = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private LargeFlowGenerator() {
    }

    /** About 2,000 nodes; the last endpoint is {@code /ep/30}. */
    public static ArrayNode large() {
        return generate(DEFAULT_TABS, DEFAULT_CHAINS_PER_TAB, DEFAULT_ENDPOINTS_PER_TAB);
    }

    public static ArrayNode generate(int tabs, int chainsPerTab, int endpointsPerTab) {
        ArrayNode flows = canary();
        int endpoint = 0;
        for (int t = 1; t <= tabs; t++) {
            String tab = String.format("bench-tab-%02d", t);
            flows.addObject().put("id", tab).put("type", "tab").put("label", "Bench " + t).put("disabled", false).put("info", "");
            for (int c = 1; c <= chainsPerTab; c++) {
                addChain(flows, tab, String.format("%02d-%03d", t, c), c);
            }
            for (int e = 1; e <= endpointsPerTab; e++) {
                addEndpoint(flows, tab, ++endpoint, e);
            }
        }
        return flows;
    }

    /** Writes {@link #large()} to {@code file} and returns it. */
    public static Path writeLarge(Path file) throws IOException {
        Files.write(file, JSON.writeValueAsBytes(large()));
        return file;
    }

    private static void addChain(ArrayNode flows, String tab, String key, int row) {
        int y = 40 + row * 40;
        ObjectNode inject = node(flows, "bench-inj-" + key, "inject", tab, 120, y);
        inject.put("name", "inject " + key).putArray("props").addObject().put("p", "payload");
        inject.put("payload", key).put("payloadType", "str").put("repeat", "").put("crontab", "")
                .put("once", false).put("onceDelay", 0.1).put("topic", "");
        inject.putArray("wires").addArray().add("bench-fn-" + key);
        ObjectNode fn = node(flows, "bench-fn-" + key, "function", tab, 300, y);
        fn.put("name", "fn " + key).put("func", "msg.payload = String(msg.payload).toUpperCase();\nreturn msg;")
                .put("outputs", 1).put("timeout", 0).put("noerr", 0).put("initialize", "").put("finalize", "");
        fn.putArray("libs");
        fn.putArray("wires").addArray().add("bench-dbg-" + key);
        ObjectNode debug = node(flows, "bench-dbg-" + key, "debug", tab, 480, y);
        debug.put("name", "debug " + key).put("active", false).put("tosidebar", true).put("console", false)
                .put("tostatus", false).put("complete", "payload").put("targetType", "msg").putArray("wires");
    }

    private static void addEndpoint(ArrayNode flows, String tab, int n, int row) {
        int y = 40 + row * 40;
        String key = String.format("%03d", n);
        ObjectNode in = node(flows, "bench-ep-in-" + key, "http in", tab, 700, y);
        in.put("name", "GET /ep/" + n).put("url", "/ep/" + n).put("method", "get").put("upload", false).put("swaggerDoc", "");
        in.putArray("wires").addArray().add("bench-ep-set-" + key);
        ObjectNode change = node(flows, "bench-ep-set-" + key, "change", tab, 880, y);
        change.put("name", "answer " + n).putArray("rules").addObject().put("t", "set").put("p", "payload")
                .put("pt", "msg").put("to", "{\"ep\":" + n + "}").put("tot", "json");
        change.putArray("wires").addArray().add("bench-ep-res-" + key);
        ObjectNode res = node(flows, "bench-ep-res-" + key, "http response", tab, 1060, y);
        res.put("name", "").put("statusCode", "").putObject("headers");
        res.putArray("wires");
    }

    private static ObjectNode node(ArrayNode flows, String id, String type, String tab, int x, int y) {
        return flows.addObject().put("id", id).put("type", type).put("z", tab).put("x", x).put("y", y);
    }

    private static ArrayNode canary() {
        try (InputStream in = LargeFlowGenerator.class.getResourceAsStream("/io/redpair/lab/redpair-canary.json")) {
            return (ArrayNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("canary flow missing from the classpath", e);
        }
    }
}
