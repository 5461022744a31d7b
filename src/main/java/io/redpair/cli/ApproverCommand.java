package io.redpair.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.redpair.pair.Site;
import io.redpair.pair.approval.ApprovalSettings;
import io.redpair.pair.approval.DeliberateAction;
import io.redpair.store.Actor;
import io.redpair.store.Journal;
import io.redpair.store.approvers.ApproverFileException;
import io.redpair.store.approvers.Approvers;
import io.redpair.store.audit.AuditCategory;
import io.redpair.store.audit.AuditEvent;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditUnavailableException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code redpair approver add|remove|list [NAME] --site F}: the RedPair accounts people prove themselves
 * with under the two-person rule (salted PBKDF2 hashes in {@code <site>.approvers.json}). Changing the
 * accounts is a policy change: confirmed by typing {@code approver/NAME}, audited before the file is
 * written, and — once a two-person site has two accounts — approved by two existing approvers, so nobody
 * can mint a second identity for themselves.
 */
@Command(name = "approver", description = "Manage approver accounts for the two-person rule (add|remove|list).")
public final class ApproverCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Option(names = "--site", required = true, description = "Site file.") Path site;
    @Parameters(index = "0", description = "add | remove | list") String op;
    @Parameters(index = "1", arity = "0..1", description = "Account name (a-z 0-9 . _ -).") String name;
    @Mixin ApprovalOptions approval = new ApprovalOptions();

    private final Terminal terminal;

    public ApproverCommand() {
        this(Terminal.system());
    }

    public ApproverCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Site loaded = SiteSession.load(site, err);
        if (loaded == null) {
            return ExitCodes.BAD_INPUT;
        }
        Approvers approvers = Approvers.forSite(site);
        try {
            if ("list".equals(op)) {
                approvers.list().values().forEach(a -> out.println(a.name() + "  added by " + a.addedBy() + " at " + a.addedAt()));
                return ExitCodes.OK;
            }
            if (!"add".equals(op) && !"remove".equals(op) || name == null) {
                err.println("redpair: use 'approver add NAME', 'approver remove NAME' or 'approver list'");
                return ExitCodes.USAGE;
            }
            return change(loaded, approvers, out, err);
        } catch (ApproverFileException | IllegalArgumentException e) {
            err.println("redpair: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (AuditUnavailableException e) {
            err.println("redpair: approvers not changed, the audit trail is unavailable: " + e.getMessage());
            return ExitCodes.REFUSED;
        }
    }

    private int change(Site loaded, Approvers approvers, PrintWriter out, PrintWriter err) throws ApproverFileException {
        io.redpair.store.approvers.ApproverAccount.requireName(name);
        boolean guarded = loaded.approvals().twoPerson() && approvers.list().size() >= 2;
        Site rule = guarded ? loaded : new Site(loaded.name(), loaded.pairs(), ApprovalSettings.singlePerson());
        if (!new CliGate(site, rule, terminal, out, err).pass(DeliberateAction.POLICY_CHANGE, "approver/" + name, approval)) {
            return ExitCodes.REFUSED;
        }
        if ("remove".equals(op)) {
            record("approver-removed");
            out.println(approvers.remove(name) ? "approver " + name + " removed" : "no approver " + name);
            return ExitCodes.OK;
        }
        char[] first = terminal.readHidden("New password for " + name + ": ");
        char[] again = terminal.readHidden("Again: ");
        try {
            if (first == null || again == null || !Arrays.equals(first, again) || first.length < 8) {
                err.println("redpair: " + (first == null || again == null ? "no terminal to ask the password on"
                        : first.length < 8 ? "an approver password needs at least 8 characters"
                        : "the two passwords differ") + "; nothing changed");
                return ExitCodes.REFUSED;
            }
            record("approver-added");
            approvers.put(name, first, Actor.current());
            out.println("approver " + name + " saved in " + approvers.file());
            return ExitCodes.OK;
        } finally {
            wipe(first);
            wipe(again);
        }
    }

    /** Written before the file changes: a change that cannot be recorded does not happen. */
    private void record(String type) {
        try (AuditLog audit = AuditLog.open(Journal.fileFor(site), Clock.systemUTC())) {
            audit.append(new AuditEvent(Actor.current(), AuditCategory.CONFIG, type, "approver/" + name, "ok", 0,
                    JsonNodeFactory.instance.objectNode().put("file", Approvers.forSite(site).file().toString())));
        }
    }

    private static void wipe(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }
}
