package io.redpair.store.approvers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.pair.approval.ActionRequest;
import io.redpair.pair.approval.ApprovalOutcome;
import io.redpair.pair.approval.ApprovalPolicy;
import io.redpair.pair.approval.ApprovalSettings;
import io.redpair.pair.approval.DeliberateAction;
import io.redpair.pair.approval.Principal;
import io.redpair.store.Actor;
import io.redpair.store.audit.AuditCategory;
import io.redpair.store.audit.AuditEvent;
import io.redpair.store.audit.AuditUnavailableException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The one gate every discretionary dangerous action passes (CLI, GUI, push wizard): a typed
 * confirmation naming the target and, when the site's {@code approvals.twoPerson} is on, a second person
 * with a separate RedPair approver account within the window (ADR 0072, 0075). Every outcome is written
 * to the audit trail <em>before</em> it is returned; if that write fails the action is refused — a
 * discretionary action without a record does not happen. Automatic safety actions never come here.
 *
 * <p>Use: {@link #request} → {@link ApprovalOutcome.Approved} (act), {@link ApprovalOutcome.AwaitingSecondPerson}
 * (ask a second person, then {@link #approve}) or {@link ApprovalOutcome.Refused} (show the reason). An
 * approval is single-use: a pending request approved once is refused the second time.
 */
public final class DeliberateGate {

    private final ApprovalPolicy policy;
    private final Approvers approvers;
    private final Consumer<AuditEvent> audit;
    private final LongSupplier nanos;
    private final Actor console;
    private final Set<ActionRequest> used = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    /**
     * @param audit  appends a row or throws {@link AuditUnavailableException} (e.g. {@code auditLog::append})
     * @param nanos  monotonic clock of this process; the approval window is measured on it
     */
    public DeliberateGate(ApprovalSettings settings, Approvers approvers, Consumer<AuditEvent> audit, LongSupplier nanos,
                          Actor console) {
        this.policy = new ApprovalPolicy(settings);
        this.approvers = approvers;
        this.audit = audit;
        this.nanos = nanos;
        this.console = console;
    }

    /**
     * The gate of one site for a console or wizard: approver accounts beside {@code siteFile}, audit rows in
     * its journal (opened for each row, so a long-open console holds no connection), this process's clock and
     * OS user. The simple call for every discretionary action that is not a CLI command.
     */
    public static DeliberateGate forSite(java.nio.file.Path siteFile, ApprovalSettings settings) {
        java.nio.file.Path journal = io.redpair.store.Journal.fileFor(siteFile);
        return new DeliberateGate(settings, Approvers.forSite(siteFile), event -> {
            try (io.redpair.store.audit.AuditLog log = io.redpair.store.audit.AuditLog.open(journal,
                    java.time.Clock.systemUTC())) {
                log.append(event);
            }
        }, System::nanoTime, Actor.current());
    }

    public boolean twoPerson() {
        return policy.settings().twoPerson();
    }

    public ApprovalSettings settings() {
        return policy.settings();
    }

    /**
     * Step one: the requester confirms by typing {@code target}. Under the two-person rule the requester
     * must log in too ({@code requester} non-null), so that two people on one shared OS login are told apart.
     */
    public ApprovalOutcome request(DeliberateAction action, String target, String typed, Login requester) {
        Principal who;
        if (requester == null) {
            if (twoPerson()) {
                return refused(action, target, null, null, "this site requires two people for the " + describe(action, target)
                        + ": log in with your RedPair approver account first");
            }
            who = new Principal(console.user(), console.host(), null, "os:" + console);
        } else {
            Optional<Principal> known = authenticate(requester);
            if (known.isEmpty()) {
                return refused(action, target, requester.name(), null, "unknown approver or wrong password for '"
                        + requester.name() + "'; the " + describe(action, target) + " was not requested");
            }
            who = known.get();
        }
        return record(policy.request(action, target, who, typed, nanos.getAsLong()), action, target, who, null);
    }

    /** Step two under the two-person rule: a different person approves, typing the target again. */
    public ApprovalOutcome approve(ActionRequest pending, Login approver, String typed) {
        Optional<Principal> known = authenticate(approver);
        if (known.isEmpty()) {
            return refused(pending.action(), pending.target(), pending.requester().redpairUser(), approver.name(),
                    "unknown approver or wrong password for '" + approver.name() + "'; not approved");
        }
        if (used.contains(pending)) {
            return refused(pending.action(), pending.target(), pending.requester().redpairUser(), approver.name(),
                    "this approval was already used; request the " + pending.describe() + " again");
        }
        ApprovalOutcome outcome = policy.approve(pending, known.get(), typed, nanos.getAsLong());
        return record(outcome, pending.action(), pending.target(), pending.requester(), known.get());
    }

    private Optional<Principal> authenticate(Login login) {
        try {
            return approvers.authenticate(login.name(), login.password())
                    .map(a -> new Principal(console.user(), console.host(), a.name(), "redpair:" + a.name()));
        } catch (ApproverFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private ApprovalOutcome record(ApprovalOutcome outcome, DeliberateAction action, String target, Principal requester,
                                   Principal approver) {
        String requesterName = requester.redpairUser();
        String approverName = approver == null ? null : approver.redpairUser();
        if (outcome instanceof ApprovalOutcome.Refused r) {
            return refused(action, target, requesterName, approverName, r.reason());
        }
        if (outcome instanceof ApprovalOutcome.Approved a && !used.add(a.request())) {
            return refused(action, target, requesterName, approverName, "this approval was already used");
        }
        String type = outcome instanceof ApprovalOutcome.Approved ? "approval-granted" : "approval-requested";
        String result = outcome instanceof ApprovalOutcome.Approved ? "approved" : "awaiting second person";
        try {
            audit.accept(event(type, action, target, result, requesterName, approverName));
            return outcome;
        } catch (AuditUnavailableException e) {
            return new ApprovalOutcome.Refused("the audit trail is unavailable, so the " + describe(action, target)
                    + " cannot be recorded and is not done: " + e.getMessage());
        }
    }

    private ApprovalOutcome refused(DeliberateAction action, String target, String requester, String approver,
                                    String reason) {
        try {
            audit.accept(event("approval-refused", action, target, "refused: " + reason, requester, approver));
            return new ApprovalOutcome.Refused(reason);
        } catch (AuditUnavailableException e) {
            return new ApprovalOutcome.Refused(reason + " (the audit trail is unavailable as well: " + e.getMessage() + ")");
        }
    }

    private AuditEvent event(String type, DeliberateAction action, String target, String result, String requester,
                             String approver) {
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("action", action.name())
                .put("twoPerson", twoPerson()).put("windowS", policy.settings().window().toSeconds());
        details.put("requester", requester).put("approver", approver);
        return new AuditEvent(console, AuditCategory.OPERATOR, type, target, result, 0, details);
    }

    private static String describe(DeliberateAction action, String target) {
        return action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " of " + target;
    }
}
