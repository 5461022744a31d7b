package io.redpair.nodered;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Shape checks for each admin-API answer; anything unexpected becomes {@link Outcome.NotNodeRed}. */
final class Parsers {

    private Parsers() {
    }

    static Outcome<FlowsState> flowsState(Answer a, long latency) {
        return Responses.withObject(a, latency, (json, l) -> {
            JsonNode state = json.get("state");
            if (state == null || !state.isTextual()) {
                return Responses.missing("state", l);
            }
            return FlowsState.fromWire(state.asText())
                    .<Outcome<FlowsState>>map(s -> new Outcome.Ok<>(s, l))
                    .orElseGet(() -> new Outcome.NotNodeRed<>("unknown flow state '" + state.asText() + "'", l));
        });
    }

    static Outcome<NodeRedSettings> settings(Answer a, long latency) {
        return Responses.withObject(a, latency, (json, l) -> {
            if (!json.path("version").isTextual()) {
                return Responses.missing("version", l);
            }
            if (!json.path("httpNodeRoot").isTextual()) {
                return Responses.missing("httpNodeRoot", l);
            }
            JsonNode user = json.get("user");
            NodeRedSettings.User u = user == null || !user.isObject() ? null
                    : new NodeRedSettings.User(user.path("username").asText(null), user.path("permissions").asText(null));
            String encryption = json.path("flowEncryptionType").isTextual() ? json.get("flowEncryptionType").asText() : null;
            boolean runtimeState = json.path("runtimeState").path("enabled").asBoolean(false);
            return new Outcome.Ok<>(new NodeRedSettings(json.get("version").asText(), runtimeState, encryption,
                    json.get("httpNodeRoot").asText(), u, json), l);
        });
    }

    static Outcome<FlowsDocument> flows(Answer a, long latency) {
        return Responses.withObject(a, latency, (json, l) -> {
            JsonNode flows = json.get("flows");
            if (flows == null || !flows.isArray()) {
                return Responses.missing("flows", l);
            }
            if (!json.path("rev").isTextual()) {
                return Responses.missing("rev", l);
            }
            return new Outcome.Ok<>(new FlowsDocument((ArrayNode) flows, json.get("rev").asText()), l);
        });
    }

    static Outcome<String> rev(Answer a, long latency) {
        return Responses.withObject(a, latency, (json, l) -> json.path("rev").isTextual()
                ? new Outcome.Ok<>(json.get("rev").asText(), l)
                : Responses.missing("rev", l));
    }

    static Outcome<JsonNode> object(Answer a, long latency) {
        return Responses.withObject(a, latency, (json, l) -> new Outcome.Ok<>(json, l));
    }

    /**
     * A 2xx from a flow-served path proves flows run. The canary's fields are read when present; a
     * JSON or text body that is not the canary's still counts (a site may use its own heartbeat
     * flow). An HTML page does not: with both roots at "/" a wrong path can hit the editor, which
     * answers 200 even while flows are stopped, and a false "running" is the dangerous mistake.
     */
    static Outcome<Heartbeat> heartbeat(Answer a, long latency) {
        if (a.isHtml()) {
            return new Outcome.NotNodeRed<>("HTML page where a heartbeat was expected (the editor or a portal?)", latency);
        }
        JsonNode json = null;
        if (a.body().length > 0) {
            try {
                json = Responses.MAPPER.readTree(a.body());
            } catch (java.io.IOException e) {
                json = null;
            }
        }
        if (json == null || !json.isObject()) {
            return new Outcome.Ok<>(new Heartbeat(null, null, null), latency);
        }
        Long age = json.path("ageMs").isNumber() ? json.get("ageMs").asLong() : null;
        Long tick = json.path("tick").isNumber() ? json.get("tick").asLong() : null;
        String marker = json.path("marker").isTextual() ? json.get("marker").asText() : null;
        return new Outcome.Ok<>(new Heartbeat(age, tick, marker), latency);
    }

    /** The password grant answer; its body holds the token, so errors never quote it. */
    static Outcome<String> accessToken(Answer a, long latency) {
        try {
            JsonNode json = Responses.MAPPER.readTree(a.body());
            JsonNode token = json == null ? null : json.get("access_token");
            if (token != null && token.isTextual() && !token.asText().isEmpty()) {
                return new Outcome.Ok<>(token.asText(), latency);
            }
        } catch (java.io.IOException e) {
            // fall through: reported without quoting the body
        }
        return new Outcome.NotNodeRed<>("token answer has no access_token", latency);
    }
}
