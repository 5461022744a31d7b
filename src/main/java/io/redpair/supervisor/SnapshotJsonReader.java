package io.redpair.supervisor;

import com.fasterxml.jackson.databind.JsonNode;
import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.Selection;
import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON written by {@link SnapshotJson#toJson(SiteSnapshot)} back into a snapshot: how a console
 * attached through the control channel sees the supervisor's state. The status form carries no timeline, so
 * the pairs come back with an empty one (the attached console derives its own from successive snapshots).
 * A missing or malformed field fails with a message naming it.
 */
public final class SnapshotJsonReader {

    private SnapshotJsonReader() {
    }

    public static SiteSnapshot read(JsonNode root) {
        List<PairSnapshot> pairs = new ArrayList<>();
        for (JsonNode p : required(root, "pairs", "status")) {
            pairs.add(pair(p));
        }
        return new SiteSnapshot(text(root, "site"), Instant.parse(text(root, "ts")),
                root.path("supervised").asBoolean(false), pairs);
    }

    private static PairSnapshot pair(JsonNode p) {
        String id = text(p, "pair");
        Map<BoxId, BoxSnapshot> boxes = new EnumMap<>(BoxId.class);
        JsonNode boxesNode = required(p, "boxes", "pair " + id);
        for (BoxId box : BoxId.values()) {
            boxes.put(box, box(box, required(boxesNode, box.name(), "pair " + id + " boxes")));
        }
        return new PairSnapshot(id, p.path("name").asText(id), enumOrNull(Mode.class, p.path("mode")),
                enumOrNull(BoxId.class, p.path("active")), p.path("epoch").asLong(), p.path("reason").asText(null),
                FailoverStep.valueOf(text(p, "step")), enumOrNull(BoxId.class, p.path("target")),
                p.path("canary").asBoolean(), p.path("pauseSuppressed").asBoolean(), boxes, List.of(),
                p.path("fencing").asText(""), drift(p.path("drift")), arbiter(id, p.path("arbiter")));
    }

    /** A snapshot from before drift was reported reads as UNKNOWN, never as MATCH. */
    private static FlowsDrift drift(JsonNode d) {
        if (d.isMissingNode() || d.isNull()) {
            return FlowsDrift.UNKNOWN;
        }
        return new FlowsDrift(Enum.valueOf(FlowsDrift.State.class, text(d, "state")), d.path("revA").asText(null),
                d.path("revB").asText(null));
    }

    private static ArbiterSnapshot arbiter(String pairId, JsonNode a) {
        if (a.isMissingNode() || a.isNull()) {
            return null;
        }
        JsonNode s = a.path("status");
        ArbiterStatus status = s.isMissingNode() || s.isNull() ? null : arbiterStatus(pairId, s);
        return new ArbiterSnapshot(a.path("linkUp").asBoolean(), a.path("link").asText(""), status,
                a.path("statusAgeMs").asLong(-1));
    }

    private static ArbiterStatus arbiterStatus(String pairId, JsonNode s) {
        String where = "pair " + pairId + " arbiter status";
        return new ArbiterStatus(Enum.valueOf(ArbiterStatus.ArmState.class, required(s, "state", where).asText()),
                Enum.valueOf(Selection.class, required(s, "selected", where).asText()),
                Enum.valueOf(ArbiterStatus.RelayFeedback.class, required(s, "feedback", where).asText()),
                s.path("fencedA").asBoolean(), s.path("fencedB").asBoolean(), s.path("poweredA").asBoolean(),
                s.path("poweredB").asBoolean(), s.path("heartbeatAgeA").asLong(-1), s.path("heartbeatAgeB").asLong(-1),
                s.path("watchdogLeftMs").asLong(-1), s.path("epoch").asLong(), s.path("localMode").asBoolean(),
                s.path("rejectedFrames").asLong());
    }

    private static BoxSnapshot box(BoxId box, JsonNode b) {
        return new BoxSnapshot(box, b.path("url").asText(null), BoxCondition.valueOf(text(b, "condition")),
                b.path("detail").asText(null), b.path("apiLatencyMs").asLong(-1), b.path("canaryLatencyMs").asLong(-1),
                b.path("heartbeatAgeMs").asLong(-1), b.path("phi").asDouble(), b.path("missed").asInt(),
                b.path("lastApi").asText(null), b.path("lastCanary").asText(null), b.path("nodeRedVersion").asText(null),
                b.path("flowsRev").asText(null), b.path("factsAgeMs").asLong(-1));
    }

    private static JsonNode required(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("status snapshot: " + where + " has no '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        return required(n, field, "snapshot").asText();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() ? null : Enum.valueOf(type, v.asText());
    }
}
