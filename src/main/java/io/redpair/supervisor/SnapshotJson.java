package io.redpair.supervisor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.arbiter.ArbiterStatus;
import io.redpair.pair.BoxId;

/**
 * JSON forms of snapshots and events: {@code status --json}, the control channel and
 * {@code supervise --events jsonl}. Field names are part of the documented CLI contract (docs/operations.md).
 */
public final class SnapshotJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotJson() {
    }

    public static ObjectNode toJson(SiteSnapshot s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("site", s.site()).put("ts", s.at().toString()).put("supervised", s.supervised());
        var pairs = root.putArray("pairs");
        for (PairSnapshot p : s.pairs()) {
            pairs.add(toJson(p));
        }
        return root;
    }

    public static ObjectNode toJson(PairSnapshot p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("pair", p.pairId()).put("name", p.name());
        n.put("mode", p.mode() == null ? null : p.mode().name());
        n.put("active", p.active() == null ? null : p.active().name());
        n.put("epoch", p.epoch()).put("reason", p.reason());
        n.put("step", p.step().name()).put("target", p.target() == null ? null : p.target().name());
        n.put("canary", p.canary()).put("pauseSuppressed", p.suppressed()).put("fencing", p.fencing());
        ObjectNode boxes = n.putObject("boxes");
        for (BoxId id : BoxId.values()) {
            BoxSnapshot b = p.boxes().get(id);
            ObjectNode bn = boxes.putObject(id.name());
            bn.put("url", b.url()).put("condition", b.condition().name()).put("detail", b.detail());
            bn.put("apiLatencyMs", b.apiLatencyMs()).put("canaryLatencyMs", b.canaryLatencyMs());
            bn.put("heartbeatAgeMs", b.heartbeatAgeMs()).put("phi", b.phi()).put("missed", b.missed());
            bn.put("lastApi", b.lastApi()).put("lastCanary", b.lastCanary());
            bn.put("nodeRedVersion", b.nodeRedVersion()).put("flowsRev", b.flowsRev()).put("factsAgeMs", b.factsAgeMs());
        }
        n.putObject("drift").put("state", p.drift().state().name()).put("revA", p.drift().revA())
                .put("revB", p.drift().revB()).put("text", p.drift().words());
        if (p.arbiter() == null) {
            n.putNull("arbiter");
        } else {
            n.set("arbiter", toJson(p.arbiter()));
        }
        return n;
    }

    /** The arbiter view; {@code status} is null before the first STATUS, field names as in WDA/1 words. */
    static ObjectNode toJson(ArbiterSnapshot a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("linkUp", a.linkUp()).put("link", a.link()).put("statusAgeMs", a.statusAgeMs());
        ArbiterStatus s = a.status();
        if (s == null) {
            n.putNull("status");
            return n;
        }
        n.putObject("status").put("state", s.state().name()).put("selected", s.selected().name())
                .put("feedback", s.feedback().name()).put("fencedA", s.fencedA()).put("fencedB", s.fencedB())
                .put("poweredA", s.poweredA()).put("poweredB", s.poweredB())
                .put("heartbeatAgeA", s.heartbeatAgeA()).put("heartbeatAgeB", s.heartbeatAgeB())
                .put("watchdogLeftMs", s.watchdogLeftMs()).put("epoch", s.epoch()).put("localMode", s.localMode())
                .put("rejectedFrames", s.rejectedFrames());
        return n;
    }

    /** One {@code --events jsonl} line: {@code ts}, {@code pair}, {@code type} and the event's details. */
    public static ObjectNode toJson(SupervisorEvent e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("ts", e.at().toString()).put("pair", e.pairId()).put("type", e.type());
        if (e instanceof SupervisorEvent.StateChanged s) {
            n.put("from", s.from().name()).put("to", s.to().name()).put("active", name(s.active()))
                    .put("epoch", s.epoch()).put("step", s.step().name()).put("target", name(s.target()))
                    .put("reason", s.reason());
        } else if (e instanceof SupervisorEvent.BoxConditionChanged b) {
            n.put("box", b.box().name()).put("from", b.from().name()).put("to", b.to().name()).put("detail", b.detail());
        } else if (e instanceof SupervisorEvent.Noted x) {
            n.put("epoch", x.epoch()).put("text", x.text());
        } else if (e instanceof SupervisorEvent.Alarmed a) {
            n.put("epoch", a.epoch()).put("text", a.text());
        } else if (e instanceof SupervisorEvent.CommandFinished c) {
            n.put("epoch", c.epoch()).put("command", c.command()).put("box", name(c.box())).put("ok", c.ok())
                    .put("durationMs", c.durationMs()).put("detail", c.detail());
        } else if (e instanceof SupervisorEvent.LocalPauseDetected l) {
            n.put("gapMs", l.gapMs()).put("suppressMs", l.suppressMs());
        } else if (e instanceof SupervisorEvent.OperatorRequested o) {
            n.put("action", o.action()).put("user", o.user()).put("accepted", o.accepted()).put("detail", o.detail());
        }
        return n;
    }

    private static String name(BoxId box) {
        return box == null ? null : box.name();
    }
}
