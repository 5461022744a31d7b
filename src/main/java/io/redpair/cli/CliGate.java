package io.redpair.cli;

import io.redpair.pair.Site;
import io.redpair.pair.approval.ApprovalOutcome;
import io.redpair.pair.approval.DeliberateAction;
import io.redpair.store.Actor;
import io.redpair.store.Journal;
import io.redpair.store.approvers.Approvers;
import io.redpair.store.approvers.DeliberateGate;
import io.redpair.store.approvers.Login;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditUnavailableException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Runs a deliberate action's {@link DeliberateGate} on the terminal: the typed target (from {@code --confirm}
 * or asked), and on two-person sites both people's approver passwords (asked without echo) and the second
 * person's own typed target. Every outcome is audited by the gate; a refusal is printed and ends the command.
 */
final class CliGate {

    private final Path siteFile;
    private final Site site;
    private final Terminal terminal;
    private final PrintWriter out;
    private final PrintWriter err;

    CliGate(Path siteFile, Site site, Terminal terminal, PrintWriter out, PrintWriter err) {
        this.siteFile = siteFile;
        this.site = site;
        this.terminal = terminal;
        this.out = out;
        this.err = err;
    }

    /** True when the action may go ahead; otherwise the reason has been printed. */
    boolean pass(DeliberateAction action, String target, ApprovalOptions options) {
        try (AuditLog audit = AuditLog.open(Journal.fileFor(siteFile), Clock.systemUTC())) {
            DeliberateGate gate = new DeliberateGate(site.approvals(), Approvers.forSite(siteFile), audit::append,
                    System::nanoTime, Actor.current());
            return report(run(gate, action, target, options));
        } catch (AuditUnavailableException e) {
            err.println("redpair: the audit trail is unavailable, so this action cannot be recorded and is not done: "
                    + e.getMessage());
            return false;
        } catch (IllegalStateException e) {
            err.println("redpair: " + e.getMessage());
            return false;
        }
    }

    private ApprovalOutcome run(DeliberateGate gate, DeliberateAction action, String target, ApprovalOptions options) {
        String what = action.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " of " + target;
        String typed = options.confirm != null ? options.confirm : terminal.readLine("Type " + target + " to confirm the "
                + what + ": ");
        if (typed == null) {
            return new ApprovalOutcome.Refused("no terminal to confirm on: give --confirm " + target);
        }
        if (gate.twoPerson() && (options.as == null || options.approver == null)) {
            return new ApprovalOutcome.Refused("this site requires two people for the " + what
                    + ": give --as YOUR_NAME and --approver THEIR_NAME (approver accounts: redpair approver add)");
        }
        Login requester = gate.twoPerson() ? login(options.as, "Password for " + options.as + ": ") : null;
        if (gate.twoPerson() && requester == null) {
            return new ApprovalOutcome.Refused("no terminal to ask for passwords on; two-person actions are interactive");
        }
        ApprovalOutcome first = gate.request(action, target, typed, requester);
        wipe(requester);
        if (!(first instanceof ApprovalOutcome.AwaitingSecondPerson pending)) {
            return first;
        }
        out.println("Second person (" + options.approver + "): approve the " + what);
        Login approver = login(options.approver, "Password for " + options.approver + ": ");
        String approverTyped = approver == null ? null : terminal.readLine(options.approver + ", type " + target
                + " to approve: ");
        try {
            return approver == null || approverTyped == null
                    ? new ApprovalOutcome.Refused("no terminal to ask the second person on; not approved")
                    : gate.approve(pending.request(), approver, approverTyped);
        } finally {
            wipe(approver);
        }
    }

    private Login login(String name, String prompt) {
        char[] password = terminal.readHidden(prompt);
        return password == null ? null : new Login(name, password);
    }

    private static void wipe(Login login) {
        if (login != null) {
            login.wipe();
        }
    }

    private boolean report(ApprovalOutcome outcome) {
        if (outcome instanceof ApprovalOutcome.Approved a) {
            out.println("confirmed: " + a.request().describe()
                    + (a.approver() == null ? "" : ", approved by " + a.approver().redpairUser()));
            return true;
        }
        err.println("redpair: refused: " + ((ApprovalOutcome.Refused) outcome).reason());
        return false;
    }
}
