package io.redpair.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON tree plus the line and column of every key and value, keyed by JSON path
 * ({@code pairs[0].boxes.B.auth.secret}). Jackson's tree model drops locations, so the tree is built
 * here from the streaming parser, which has them (ADR 0032). Duplicate keys are rejected by the parser.
 */
final class LocatedJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode root;
    private final Map<String, JsonLocation> keys = new HashMap<>();
    private final Map<String, JsonLocation> values = new HashMap<>();

    private LocatedJson(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                throw new JsonParseException(p, "the file is empty");
            }
            root = read(p, "");
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "unexpected content after the end of the JSON document");
            }
        }
    }

    /** Parses the text; syntax errors come out as Jackson exceptions that carry their location. */
    static LocatedJson parse(String text) throws IOException {
        return new LocatedJson(text);
    }

    JsonNode root() {
        return root;
    }

    /** Where the value at {@code path} starts, else where its key is, else null. */
    JsonLocation valueLocation(String path) {
        return values.getOrDefault(path, keys.get(path));
    }

    /** Where the key of {@code path} is, else its value, else null. */
    JsonLocation keyLocation(String path) {
        return keys.getOrDefault(path, values.get(path));
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private JsonNode read(JsonParser p, String path) throws IOException {
        values.put(path, p.currentTokenLocation());
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = NODES.objectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                String childPath = child(path, name);
                keys.put(childPath, p.currentTokenLocation());
                p.nextToken();
                object.set(name, read(p, childPath));
            }
            return object;
        } else if (token == JsonToken.START_ARRAY) {
            ArrayNode array = NODES.arrayNode();
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                array.add(read(p, path + "[" + i++ + "]"));
            }
            return array;
        }
        return scalar(p, token);
    }

    private static JsonNode scalar(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return NODES.textNode(p.getText());
        } else if (token == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? NODES.numberNode(p.getBigIntegerValue())
                    : NODES.numberNode(p.getLongValue());
        } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return NODES.numberNode(p.getDecimalValue());
        } else if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
        }
        return NODES.nullNode();
    }
}
