package io.redpair.supervisor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.store.Actor;
import io.redpair.store.audit.AuditCategory;
import io.redpair.store.audit.AuditEvent;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditUnavailableException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the supervisor's decisions, box commands with their results, alarms and operator requests
 * into the hash-chained audit trail. Subscribe it on a single-thread executor so rows keep the event
 * order. These are records of what already happened: a failed write never stops the supervisor
 * (automatic safety actions continue, docs/security.md); it is logged once when the trail becomes
 * unavailable and once when it is back. Box-condition changes are observations, not decisions, and
 * stay in the journal's timeline only.
 */
public final class AuditRecorder implements Consumer<SupervisorEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRecorder.class);

    private final AuditLog audit;
    private final Actor self;
    private boolean failing;

    public AuditRecorder(AuditLog audit, Actor self) {
        this.audit = audit;
        this.self = self;
    }

    @Override
    public void accept(SupervisorEvent event) {
        AuditEvent row = toAudit(event);
        if (row == null) {
            return;
        }
        try {
            audit.append(row);
            if (failing) {
                failing = false;
                LOG.warn("audit trail {} is writable again", audit.file());
            }
        } catch (AuditUnavailableException e) {
            if (!failing) {
                failing = true;
                LOG.error("audit trail unavailable, supervision continues unrecorded: {}", e.getMessage());
            }
        }
    }

    AuditEvent toAudit(SupervisorEvent event) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        if (event instanceof SupervisorEvent.StateChanged s) {
            d.put("from", String.valueOf(s.from())).put("to", String.valueOf(s.to())).put("step", String.valueOf(s.step()))
                    .put("active", String.valueOf(s.active())).put("target", String.valueOf(s.target())).put("reason", s.reason());
            return automatic("state", s.pairId(), "ok", s.epoch(), d);
        }
        if (event instanceof SupervisorEvent.CommandFinished c) {
            d.putArray("commands").addObject().put("send", c.command()).put("box", String.valueOf(c.box()))
                    .put("reply", c.detail()).put("ok", c.ok()).put("durationMs", c.durationMs());
            return automatic("command", c.pairId() + "/" + c.box(), c.ok() ? "ok" : "failed", c.epoch(), d);
        }
        if (event instanceof SupervisorEvent.Noted n) {
            return automatic(n.noteType(), n.pairId(), "ok", n.epoch(), d.put("text", n.text()));
        }
        if (event instanceof SupervisorEvent.Alarmed a) {
            return automatic("alarm", a.pairId(), "raised", a.epoch(), d.put("text", a.text()));
        }
        if (event instanceof SupervisorEvent.LocalPauseDetected p) {
            return automatic("local-pause", p.pairId(), "suppressed", 0, d.put("gapMs", p.gapMs()).put("suppressMs", p.suppressMs()));
        }
        if (event instanceof SupervisorEvent.OperatorRequested o) {
            return new AuditEvent(operator(o.user()), AuditCategory.OPERATOR, o.action(), o.pairId(),
                    o.accepted() ? "accepted" : "refused", 0, d.put("detail", o.detail()));
        }
        return null;
    }

    private AuditEvent automatic(String type, String target, String result, long epoch, ObjectNode details) {
        return new AuditEvent(self, AuditCategory.AUTOMATIC, type, target == null ? "site" : target, result, epoch, details);
    }

    /** {@code user@host} as the control channel reported it. */
    static Actor operator(String userAtHost) {
        if (userAtHost == null) {
            return new Actor("unknown", "unknown");
        }
        int at = userAtHost.lastIndexOf('@');
        return at < 0 ? new Actor(userAtHost, "unknown") : new Actor(userAtHost.substring(0, at), userAtHost.substring(at + 1));
    }
}
