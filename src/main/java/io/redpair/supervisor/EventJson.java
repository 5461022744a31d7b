package io.redpair.supervisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code events} answer of the control channel: an {@link EventLog.Page} whose events have the same form as
 * a {@code supervise --events jsonl} line ({@link SnapshotJson#toJson(SupervisorEvent)}) plus their {@code seq},
 * and the reader that turns it back into the very events the supervisor published (an attached console shows
 * the supervisor's own words, not ones derived from snapshots). A missing or malformed field fails naming it.
 */
public final class EventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {
    }

    public static ObjectNode toJson(EventLog.Page page) {
        ObjectNode root = JSON.createObjectNode();
        root.put("lastSeq", page.lastSeq()).put("missed", page.missed());
        var events = root.putArray("events");
        for (EventLog.Entry e : page.entries()) {
            ObjectNode n = JSON.createObjectNode().put("seq", e.seq());
            n.setAll(SnapshotJson.toJson(e.event()));
            events.add(n);
        }
        return root;
    }

    public static EventLog.Page readPage(JsonNode root) {
        List<EventLog.Entry> entries = new ArrayList<>();
        for (JsonNode n : required(root, "events", "events answer")) {
            entries.add(new EventLog.Entry(required(n, "seq", "event").asLong(), read(n)));
        }
        return new EventLog.Page(entries, required(root, "lastSeq", "events answer").asLong(),
                required(root, "missed", "events answer").asLong());
    }

    /** One event line back into the event; an unknown {@code type} is read as a plain note, never dropped. */
    public static SupervisorEvent read(JsonNode n) {
        String where = "event " + n.path("seq").asText("?");
        Instant at = Instant.parse(required(n, "ts", where).asText());
        String pair = n.path("pair").isNull() ? null : n.path("pair").asText(null);
        String type = required(n, "type", where).asText();
        return switch (type) {
            case "state" -> new SupervisorEvent.StateChanged(at, pair, enumOrNull(Mode.class, n.path("from")),
                    Mode.valueOf(required(n, "to", where).asText()), enumOrNull(BoxId.class, n.path("active")),
                    n.path("epoch").asLong(), FailoverStep.valueOf(required(n, "step", where).asText()),
                    enumOrNull(BoxId.class, n.path("target")), text(n, "reason"));
            case "box-condition" -> new SupervisorEvent.BoxConditionChanged(at, pair,
                    BoxId.valueOf(required(n, "box", where).asText()), enumOrNull(BoxCondition.class, n.path("from")),
                    BoxCondition.valueOf(required(n, "to", where).asText()), text(n, "detail"));
            case "alarm" -> new SupervisorEvent.Alarmed(at, pair, n.path("epoch").asLong(), text(n, "text"));
            case "command" -> new SupervisorEvent.CommandFinished(at, pair, n.path("epoch").asLong(),
                    text(n, "command"), enumOrNull(BoxId.class, n.path("box")), n.path("ok").asBoolean(),
                    n.path("durationMs").asLong(), text(n, "detail"));
            case "local-pause" -> new SupervisorEvent.LocalPauseDetected(at, pair, n.path("gapMs").asLong(),
                    n.path("suppressMs").asLong());
            case "operator" -> new SupervisorEvent.OperatorRequested(at, pair, text(n, "action"), text(n, "user"),
                    n.path("accepted").asBoolean(), text(n, "detail"));
            default -> new SupervisorEvent.Noted(at, pair, n.path("epoch").asLong(), type, text(n, "text"));
        };
    }

    private static JsonNode required(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("control channel: " + where + " has no '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() ? null : Enum.valueOf(type, v.asText());
    }
}
