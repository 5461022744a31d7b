package io.redpair.store.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.store.Actor;
import java.util.Objects;

/**
 * One thing to record, before it has a place in the chain. {@code details} carries the commands sent
 * and their replies ({@code {"commands":[{"send":..., "reply":...}]}}); values under keys that look
 * like credentials are redacted before the row is written.
 *
 * @param target what was acted on, e.g. {@code line1/A} or {@code site}
 * @param result e.g. {@code ok}, {@code refused}, {@code failed: timeout}
 * @param epoch  the pair's epoch the action ran under, 0 when none applies
 */
public record AuditEvent(Actor actor, AuditCategory category, String type, String target, String result,
                         long epoch, ObjectNode details) {

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(result, "result");
        details = details == null ? JsonNodeFactory.instance.objectNode() : details.deepCopy();
    }
}
