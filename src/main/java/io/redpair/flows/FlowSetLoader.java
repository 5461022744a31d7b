package io.redpair.flows;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads flows in the two shapes Node-RED produces: an export (a JSON array of nodes) and the v2 API document
 * {@code {"flows":[...],"rev":"...","credentials":{...}}}.
 *
 * <p>It streams the text so that every node keeps the line it starts on: structural errors (a node without id or
 * type, a duplicate id) then point at the place in the file, not just at "node 4711".
 */
public final class FlowSetLoader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FlowSetLoader() {
    }

    public static FlowSet load(Path file) throws FlowsFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FlowsFormatException(file.toString(), 0, 0, "no such file");
        } catch (IOException e) {
            throw new FlowsFormatException(file.toString(), 0, 0, "cannot read: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /** @param source names the text in error messages (a path or a URL) */
    public static FlowSet parse(String source, String text) throws FlowsFormatException {
        if (text.isBlank()) {
            throw new FlowsFormatException(source, 0, 0, "empty: expected a JSON array of nodes or {\"flows\":[...]}");
        }
        try (JsonParser p = MAPPER.createParser(text)) {
            Builder builder = new Builder(source);
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                readNodes(p, builder);
            } else if (first == JsonToken.START_OBJECT) {
                readDocument(p, builder);
            } else {
                throw builder.error(p.currentTokenLocation(),
                        "expected a JSON array of nodes or an object {\"flows\":[...]}, found " + describe(first));
            }
            if (p.nextToken() != null) {
                throw builder.error(p.currentTokenLocation(), "unexpected content after the end of the flows");
            }
            return builder.build();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new FlowsFormatException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FlowsFormatException(source, 0, 0, "cannot read: " + e.getMessage());
        }
    }

    /** For flows that arrived already parsed (for example from {@code GET /flows}). */
    public static FlowSet fromTree(String source, JsonNode root) throws FlowsFormatException {
        try {
            return parse(source, MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new FlowsFormatException(source, 0, 0, "cannot serialise: " + e.getOriginalMessage());
        }
    }

    private static void readDocument(JsonParser p, Builder builder) throws IOException, FlowsFormatException {
        JsonLocation start = p.currentTokenLocation();
        boolean sawFlows = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("flows".equals(field)) {
                if (value != JsonToken.START_ARRAY) {
                    throw builder.error(p.currentTokenLocation(), "\"flows\" must be an array, found " + describe(value));
                }
                readNodes(p, builder);
                sawFlows = true;
            } else if ("rev".equals(field) && value == JsonToken.VALUE_STRING) {
                builder.declaredRev = p.getText();
            } else if ("credentials".equals(field) && value == JsonToken.START_OBJECT) {
                readCredentialMap(p, builder);
            } else {
                p.skipChildren();
            }
        }
        if (!sawFlows) {
            throw builder.error(start, "an object must have a \"flows\" array (Node-RED v2 format {\"flows\":[...],\"rev\":...})");
        }
    }

    private static void readNodes(JsonParser p, Builder builder) throws IOException, FlowsFormatException {
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            JsonLocation at = p.currentTokenLocation();
            if (t != JsonToken.START_OBJECT) {
                throw builder.error(at, "element " + index + " of the flows array is " + describe(t) + ", not a node object");
            }
            builder.add((ObjectNode) JsNumbers.normalize(MAPPER.readTree(p)), index++, at);
        }
    }

    private static void readCredentialMap(JsonParser p, Builder builder) throws IOException {
        ObjectNode map = MAPPER.readTree(p);
        map.fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                builder.mapCredentials.put(e.getKey(), (ObjectNode) e.getValue());
            }
        });
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        switch (t) {
            case START_ARRAY: return "an array";
            case START_OBJECT: return "an object";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return t.asString() == null ? t.name() : t.asString();
        }
    }

    /** Collects nodes and enforces the invariants of {@link FlowSet}. */
    private static final class Builder {
        private final String source;
        private final List<FlowNode> nodes = new ArrayList<>();
        private final Map<String, FlowNode> seen = new LinkedHashMap<>();
        private final Map<String, ObjectNode> nodeCredentials = new LinkedHashMap<>();
        private final Map<String, ObjectNode> mapCredentials = new LinkedHashMap<>();
        private String declaredRev;

        Builder(String source) {
            this.source = source;
        }

        void add(ObjectNode json, int index, JsonLocation at) throws FlowsFormatException {
            String id = requiredText(json, "id", index, at);
            String type = requiredText(json, "type", index, at);
            FlowNode earlier = seen.get(id);
            if (earlier != null) {
                throw error(at, "duplicate node id \"" + id + "\": " + type + nameSuffix(json)
                        + " repeats the id of " + earlier.type() + nameSuffix(earlier.json()) + " at line " + earlier.line());
            }
            JsonNode credentials = json.remove("credentials");
            if (credentials != null && credentials.isObject()) {
                nodeCredentials.put(id, (ObjectNode) credentials);
            }
            FlowNode node = new FlowNode(id, type, text(json, "z"), nameOf(json), json, at.getLineNr());
            seen.put(id, node);
            nodes.add(node);
        }

        private String requiredText(ObjectNode json, String key, int index, JsonLocation at) throws FlowsFormatException {
            JsonNode v = json.get(key);
            if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
                String what = v == null ? "has no \"" + key + "\"" : "has an empty or non-text \"" + key + "\"";
                String id = text(json, "id");
                throw error(at, "node " + index + (id.isEmpty() ? "" : " (id \"" + id + "\")")
                        + nameSuffix(json) + " " + what + "; every node needs a text id and type");
            }
            return v.textValue();
        }

        FlowsFormatException error(JsonLocation at, String problem) {
            return new FlowsFormatException(source, at.getLineNr(), at.getColumnNr(), problem);
        }

        FlowSet build() {
            Map<String, ObjectNode> credentials = new LinkedHashMap<>(nodeCredentials);
            credentials.putAll(mapCredentials);
            return new FlowSet(source, nodes, credentials, declaredRev);
        }

        private static String text(ObjectNode json, String key) {
            JsonNode v = json.get(key);
            return v != null && v.isTextual() ? v.textValue() : "";
        }

        private static String nameOf(ObjectNode json) {
            String name = text(json, "name");
            return name.isEmpty() && "tab".equals(text(json, "type")) ? text(json, "label") : name;
        }

        private static String nameSuffix(ObjectNode json) {
            String name = nameOf(json);
            return name.isEmpty() ? "" : " \"" + name + "\"";
        }
    }
}
