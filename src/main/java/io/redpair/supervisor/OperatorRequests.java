package io.redpair.supervisor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.failover.Mode;
import io.redpair.failover.PairEvent;
import io.redpair.failover.PairState;
import io.redpair.pair.BoxId;
import io.redpair.store.Actor;
import io.redpair.store.audit.AuditCategory;
import io.redpair.store.audit.AuditEvent;
import io.redpair.store.audit.AuditUnavailableException;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import io.redpair.supervisor.control.ControlResponse.Outcome;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns control-channel requests into decider events, on the supervisor thread, and journals each one with
 * the OS user and host that sent it — accepted or refused. The decider alone judges whether a request is
 * safe; this class only reports its verdict.
 */
final class OperatorRequests {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorRequests.class);

    private final RuntimeContext ctx;
    private final Map<String, PairRuntime> pairs;
    private volatile Consumer<AuditEvent> auditGate;

    OperatorRequests(RuntimeContext ctx, Map<String, PairRuntime> pairs) {
        this.ctx = ctx;
        this.pairs = pairs;
    }

    ControlResponse handle(ControlRequest r, SiteSnapshot snapshot) {
        if (ControlRequest.STATUS.equals(r.op())) {
            return ControlResponse.status(SnapshotJson.toJson(snapshot));
        }
        if (ctx.readOnly()) {
            return ControlResponse.of(Outcome.REFUSED, "this supervisor only observes");
        }
        PairRuntime pair = r.pair() == null ? null : pairs.get(r.pair());
        if (pair == null) {
            return ControlResponse.of(Outcome.UNKNOWN_PAIR, "no pair '" + r.pair() + "' in site; pairs: " + pairs.keySet());
        }
        Actor actor = new Actor(r.user() == null ? "unknown" : r.user(), r.host() == null ? "unknown" : r.host());
        PairEvent event;
        try {
            event = toEvent(r, pair.state(), actor);
        } catch (IllegalArgumentException e) {
            return ControlResponse.of(Outcome.BAD_REQUEST, e.getMessage());
        }
        if (event == null) {
            return answer(pair, r.op(), actor, false, "refused: no active box is known, nothing to confirm off");
        }
        String unaudited = auditBeforeActing(r, pair, actor);
        if (unaudited != null) {
            return answer(pair, r.op(), actor, false, unaudited);
        }
        PairState before = pair.state();
        PairState after = pair.decide(event, ctx.now()).state();
        boolean accepted = accepted(r, before, after);
        String detail = after.mode() + (after.active() == null ? "" : " active " + after.active())
                + " epoch " + after.epoch() + ": " + after.reason();
        return answer(pair, r.op(), actor, accepted, detail);
    }

    /** Where discretionary requests are recorded before they are decided; null: not required (tests, read-only). */
    void auditGate(Consumer<AuditEvent> gate) {
        this.auditGate = gate;
    }

    /**
     * A discretionary action is recorded before it is decided, and refused when it cannot be
     * (docs/security.md, audit contract). Returns the refusal, or null to go ahead.
     */
    private String auditBeforeActing(ControlRequest r, PairRuntime pair, Actor actor) {
        Consumer<AuditEvent> gate = auditGate;
        if (gate == null) {
            return null;
        }
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("to", r.to()).put("reason", r.reason());
        details.put("on", r.on()).put("forMs", r.forMs()).put("confirmOff", r.confirmOff());
        try {
            gate.accept(new AuditEvent(actor, AuditCategory.OPERATOR, r.op() + "-requested", pair.pair().id(),
                    "requested", pair.state().epoch(), details));
            return null;
        } catch (AuditUnavailableException e) {
            return "the audit trail is unavailable, discretionary actions need it: " + e.getMessage();
        }
    }

    private PairEvent toEvent(ControlRequest r, PairState state, Actor actor) {
        String user = actor.toString();
        if (ControlRequest.SWITCHOVER.equals(r.op())) {
            return new PairEvent.SwitchoverRequested(r.to() == null ? null : box(r.to()), user);
        }
        if (ControlRequest.FAILOVER.equals(r.op())) {
            if (!Boolean.TRUE.equals(r.confirmOff())) {
                throw new IllegalArgumentException("failover needs the operator's confirmation that the old active is off");
            }
            BoxId off = state.active();
            return off == null ? null : new PairEvent.OperatorConfirmedOff(off, user,
                    r.reason() == null ? "operator confirmed the old active is off" : r.reason());
        }
        if (ControlRequest.MAINTENANCE.equals(r.op())) {
            if (Boolean.TRUE.equals(r.on())) {
                if (r.forMs() == null || r.forMs() <= 0) {
                    throw new IllegalArgumentException("maintenance on needs a positive duration");
                }
                return new PairEvent.MaintenanceRequested(ctx.now() + TimeUnit.MILLISECONDS.toNanos(r.forMs()), user);
            }
            return new PairEvent.MaintenanceEnded(user);
        }
        throw new IllegalArgumentException("unknown operation '" + r.op() + "'");
    }

    private static BoxId box(String name) {
        try {
            return BoxId.valueOf(name.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no box '" + name + "'; use A or B");
        }
    }

    private static boolean accepted(ControlRequest r, PairState before, PairState after) {
        if (ControlRequest.MAINTENANCE.equals(r.op())) {
            return Boolean.TRUE.equals(r.on()) == (after.mode() == Mode.MAINTENANCE);
        }
        if (ControlRequest.SWITCHOVER.equals(r.op())) {
            return after.mode() == Mode.SWITCHING_OVER && PairRuntime.changed(before, after);
        }
        return PairRuntime.changed(before, after);
    }

    private ControlResponse answer(PairRuntime pair, String op, Actor actor, boolean accepted, String detail) {
        String text = (accepted ? "accepted: " : "refused: ") + detail;
        LOG.info("pair {} operator {} {} by {}: {}", pair.pair().id(), op, accepted ? "accepted" : "refused", actor, detail);
        ctx.journal().recordOperator(pair.pair().id(), ctx.now(), pair.state().epoch(), op, text, actor);
        pair.record(new SupervisorEvent.OperatorRequested(ctx.wallClock().instant(), pair.pair().id(), op,
                actor.toString(), accepted, detail));
        return accepted ? ControlResponse.ok(text) : ControlResponse.of(Outcome.REFUSED, text);
    }
}
