package io.redpair.supervisor.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to a {@link ControlRequest}.
 *
 * @param outcome one of {@link Outcome}, by its enum name on the wire
 * @param message for the operator: why it was refused, or what was accepted
 * @param status  for {@code status}: the site snapshot as JSON
 * @param events  for {@code events}: the page of sequenced events ({@code io.redpair.supervisor.EventJson})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // a newer supervisor may answer with more
public record ControlResponse(Outcome outcome, String message, JsonNode status, JsonNode events) {

    public ControlResponse(Outcome outcome, String message, JsonNode status) {
        this(outcome, message, status, null);
    }

    /** How a request ended; the CLI maps each to an exit code. */
    public enum Outcome { OK, REFUSED, BAD_REQUEST, UNKNOWN_PAIR, UNAUTHORIZED, FAILED }

    public static ControlResponse ok(String message) {
        return new ControlResponse(Outcome.OK, message, null);
    }

    public static ControlResponse status(JsonNode status) {
        return new ControlResponse(Outcome.OK, null, status);
    }

    public static ControlResponse events(JsonNode page) {
        return new ControlResponse(Outcome.OK, null, null, page);
    }

    public static ControlResponse of(Outcome outcome, String message) {
        return new ControlResponse(outcome, message, null);
    }
}
