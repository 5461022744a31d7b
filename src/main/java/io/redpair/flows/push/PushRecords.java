package io.redpair.flows.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.pair.BoxId;
import io.redpair.store.Actor;
import io.redpair.store.Journal;
import io.redpair.store.audit.AuditCategory;
import io.redpair.store.audit.AuditEvent;
import io.redpair.store.audit.AuditLog;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Records a push or rollback before and after it runs, in the pair's journal (timeline) and in the hash-chained
 * audit trail, each with every box's before and after revision. The "before" record is written before anything is
 * deployed and must succeed (a push is a deliberate operator action: unrecorded, it does not run — the
 * {@link io.redpair.store.audit.AuditUnavailableException} propagates); the "after" record says how it ended. Used
 * by the CLI and the GUI wizard alike.
 *
 * @param action {@code push}, {@code push-by-switchover} or {@code rollback}
 */
public record PushRecords(Journal journal, AuditLog audit, String pairId, String action, Actor actor) {

    /** Journals and audits the plan; call after the snapshots were written. */
    public void started(PushPlan plan, Map<BoxId, Path> snapshots) {
        StringBuilder text = new StringBuilder(action + " " + plan.source().source());
        plan.steps().forEach(s -> text.append("; box ").append(s.box()).append(" (").append(s.role())
                .append(") rev ").append(s.fromRev()).append(" -> ").append(s.toRev()).append(" by ")
                .append(s.advice().type().header()));
        text.append("; snapshots ").append(snapshots.values());
        ObjectNode d = JsonNodeFactory.instance.objectNode().put("source", plan.source().source())
                .put("sourceRev", plan.source().revision());
        ArrayNode boxes = d.putArray("boxes");
        plan.steps().forEach(s -> boxes.addObject().put("box", s.box().name())
                .put("role", s.role().name().toLowerCase(Locale.ROOT)).put("revBefore", s.fromRev())
                .put("revTarget", s.toRev()).put("deployType", s.advice().type().header()));
        snapshots.values().forEach(p -> d.withArray("snapshots").add(p.toString()));
        audit.append(new AuditEvent(actor, AuditCategory.OPERATOR, action + "-started", pairId, "started",
                epoch(), d));
        journal.recordOperator(pairId, System.nanoTime(), epoch(), action, text.toString(), actor);
    }

    /** Journals and audits how it ended; {@code describedSteps} are the per-box lines shown to the engineer. */
    public void finished(PushResult result, Iterable<String> describedSteps) {
        StringBuilder text = new StringBuilder(result.summary());
        describedSteps.forEach(line -> text.append(" | ").append(line));
        String outcome = result.completed() ? "completed" : result.conflicted() ? "conflict" : "stopped";
        ObjectNode d = JsonNodeFactory.instance.objectNode().put("summary", result.summary())
                .put("consistent", result.consistent());
        ArrayNode boxes = d.putArray("boxes");
        result.steps().forEach(s -> boxes.addObject().put("box", s.box().name())
                .put("outcome", s.getClass().getSimpleName().toLowerCase(Locale.ROOT)).put("revAfter", s.revAfter()));
        result.switchoverReport().ifPresent(sw -> {
            ObjectNode o = d.putObject("switchover").put("from", sw.from().name()).put("to", sw.to().name())
                    .put("completed", sw.completed()).put("detail", sw.outcome().detail()).put("overlapSeen", sw.overlapSeen());
            sw.shownDowntime().ifPresent(g -> o.put("downtimeMs", g.toMillis()));
        });
        try {
            audit.append(new AuditEvent(actor, AuditCategory.OPERATOR, action, pairId, outcome, epoch(), d));
        } finally {
            journal.recordOperator(pairId, System.nanoTime(), epoch(), action + (result.completed() ? "-done" : "-stopped"),
                    text.toString(), actor);
        }
    }

    private long epoch() {
        return journal.currentEpoch(pairId);
    }
}
