package io.redpair.nodered;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Interprets a complete HTTP answer: the status-code mapping shared by every call, and JSON
 * parsing that turns anything unexpected into {@link Outcome.NotNodeRed} instead of an exception.
 */
final class Responses {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Responses() {
    }

    /** Turns a 2xx answer into a value, or a typed failure when its shape is wrong. */
    @FunctionalInterface
    interface Parser<T> {
        Outcome<T> parse(Answer answer, long latencyNanos);
    }

    static <T> Outcome<T> interpret(Answer a, CallSpec spec, Parser<T> parser, long latency) {
        int s = a.status();
        if (s >= 200 && s < 300) {
            return parser.parse(a, latency);
        }
        if (s >= 300 && s < 400) {
            return new Outcome.NotNodeRed<>("redirect " + s + " to " + a.location() + " (not followed)", latency);
        }
        if (s == 401) {
            return unauthorized(a, spec, latency);
        }
        if (s == 403) {
            return new Outcome.Forbidden<>(errorText(a), latency);
        }
        if (s == 404) {
            return notFound(spec, latency);
        }
        if (s == 409) {
            return new Outcome.Conflict<>(errorText(a), latency);
        }
        if (s == 413) {
            return new Outcome.TooLarge<>("the box refused the request body with 413", latency);
        }
        if (s >= 400 && s < 500) {
            JsonNode err = tryJson(a);
            String code = err == null ? "" : err.path("code").asText(err.path("error").asText(""));
            return new Outcome.Rejected<>(s, code, errorText(a), latency);
        }
        return new Outcome.ServerError<>(s, a.isHtml() ? "HTML page" : a.excerpt(), latency);
    }

    /**
     * Node-RED answers 401 with {@code WWW-Authenticate} for a missing or invalid token, but 401
     * with an empty body and no challenge for a valid token lacking the permission: that is not
     * fixed by logging in again, so it is reported as {@link Outcome.Forbidden}.
     */
    private static <T> Outcome<T> unauthorized(Answer a, CallSpec spec, long latency) {
        if (a.wwwAuthenticate() == null && a.body().length == 0) {
            return new Outcome.Forbidden<>("401 without a challenge: the token lacks the permission for "
                    + spec.method() + " " + spec.url().encodedPath(), latency);
        }
        return new Outcome.Unauthorized<>(a.wwwAuthenticate() != null ? a.wwwAuthenticate() : a.excerpt(), latency);
    }

    static boolean isAuthChallenge(Answer a) {
        return a.status() == 401 && a.wwwAuthenticate() != null;
    }

    private static <T> Outcome<T> notFound(CallSpec spec, long latency) {
        String where = spec.method() + " " + spec.url().encodedPath();
        if (spec.notFound() == CallSpec.NotFoundMeans.FEATURE_DISABLED) {
            return new Outcome.FeatureDisabled<>(where + " answered 404: set runtimeState: {enabled: true}", latency);
        }
        if (spec.notFound() == CallSpec.NotFoundMeans.NOT_SERVING) {
            return new Outcome.NotFound<>(where + " is not served (flows stopped or path missing)", latency);
        }
        return new Outcome.NotNodeRed<>(where + " answered 404: no Node-RED admin API there (check httpAdminRoot)",
                latency);
    }

    /** Node-RED's {@code {code, message}} or OAuth's {@code {error, error_description}}, else an excerpt. */
    static String errorText(Answer a) {
        JsonNode err = tryJson(a);
        if (err != null && err.isObject()) {
            String code = err.path("code").asText(err.path("error").asText(""));
            String msg = err.path("message").asText(err.path("error_description").asText(""));
            return (code + " " + msg).strip();
        }
        return a.body().length == 0 ? "empty body" : a.isHtml() ? "HTML page" : a.excerpt();
    }

    private static JsonNode tryJson(Answer a) {
        if (a.body().length == 0 || a.isHtml()) {
            return null;
        }
        try {
            return MAPPER.readTree(a.body());
        } catch (IOException e) {
            return null;
        }
    }

    /** Parses a JSON object body or explains, safely, why it is not one. */
    static <T> Outcome<T> withObject(Answer a, long latency, java.util.function.BiFunction<JsonNode, Long, Outcome<T>> then) {
        if (a.isHtml()) {
            return new Outcome.NotNodeRed<>("HTML where JSON was expected (status " + a.status() + ")", latency);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(a.body());
        } catch (IOException e) {
            return new Outcome.NotNodeRed<>("unparsable JSON (status " + a.status() + ", " + a.body().length + " bytes)",
                    latency);
        }
        if (node == null || !node.isObject()) {
            return new Outcome.NotNodeRed<>("expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()),
                    latency);
        }
        return then.apply(node, latency);
    }

    /** A required text field, or NotNodeRed naming it. */
    static <T> Outcome<T> missing(String field, long latency) {
        return new Outcome.NotNodeRed<>("JSON answer lacks \"" + field + "\"", latency);
    }
}
