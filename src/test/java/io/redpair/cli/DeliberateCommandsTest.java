package io.redpair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.store.Journal;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditRecord;
import io.redpair.testsupport.FakeTerminal;
import io.redpair.testsupport.TestSecrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The deliberate-action gate on the command line (issue 8 item 4): every refusal happens before anything
 * is sent, names what to type, and is in the audit trail. The boxes of this site do not exist: a command
 * that got past the gate would fail later, so REFUSED here can only come from the gate.
 */
class DeliberateCommandsTest {

    static final String ALICE_PW = TestSecrets.TOKEN + "-a";
    static final String BOB_PW = TestSecrets.TOKEN + "-b";

    @TempDir
    Path dir;
    Path site;
    FakeTerminal terminal;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void site() throws Exception {
        terminal = new FakeTerminal(dir);
        site = writeSite(false);
    }

    private Path writeSite(boolean twoPerson) throws Exception {
        return Files.writeString(dir.resolve("site.json"), "{\"version\": 1, \"site\": \"S\", "
                + (twoPerson ? "\"approvals\": {\"twoPerson\": true, \"windowS\": 300}, " : "")
                + "\"pairs\": [{\"id\": \"line1\", \"preferred\": \"A\", \"boxes\": {"
                + "\"A\": {\"url\": \"http://127.0.0.1:9\", \"auth\": {\"type\": \"none\"}},"
                + "\"B\": {\"url\": \"http://127.0.0.1:9\", \"auth\": {\"type\": \"none\"}}}}]}");
    }

    private int run(Callable<Integer> command, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    private List<AuditRecord> audit() {
        try (AuditLog log = AuditLog.openReadOnly(Journal.fileFor(site))) {
            return log.since(Instant.EPOCH);
        }
    }

    private void addApprover(String name, String pw, String... gate) {
        terminal.answers.add(pw);
        terminal.answers.add(pw);
        String[] args = new String[] {"add", name, "--site", site.toString(), "--confirm", "approver/" + name};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(gate))
                .toArray(String[]::new);
        assertThat(run(new ApproverCommand(terminal), all)).as(err.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void withoutATerminalOrConfirmationNothingIsSent() {
        terminal.hasConsole = false;
        assertThat(run(new SwitchoverCommand(terminal), "--site", site.toString(), "--pair", "line1", "--to", "B"))
                .isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("--confirm line1/B");
        assertThat(out.toString()).doesNotContain("one-shot");
    }

    @Test
    void aWrongTargetIsRefusedAndAuditedForEveryDeliberateCommand() {
        assertThat(run(new SwitchoverCommand(terminal), "--site", site.toString(), "--pair", "line1", "--to", "A",
                "--confirm", "line1/B")).isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("type 'line1/A'").contains("failback of line1/A");
        terminal.answers.add("line2");
        assertThat(run(new MaintenanceCommand(terminal), "--site", site.toString(), "--pair", "line1", "on", "--for", "5m"))
                .isEqualTo(ExitCodes.REFUSED);
        assertThat(run(new FailoverCommand(terminal), "--site", site.toString(), "--pair", "line1",
                "--confirm-old-active-off", "--confirm", "line")).isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("operator override of line1");
        assertThat(audit()).extracting(AuditRecord::type).containsExactly("approval-refused", "approval-refused",
                "approval-refused");
        assertThat(audit()).extracting(AuditRecord::details).anySatisfy(d -> assertThat(d).contains("FAILBACK"))
                .anySatisfy(d -> assertThat(d).contains("MAINTENANCE")).anySatisfy(d -> assertThat(d).contains("OPERATOR_OVERRIDE"));
    }

    @Test
    void anUnknownPairIsBadInputBeforeAnyConfirmation() {
        assertThat(run(new SwitchoverCommand(terminal), "--site", site.toString(), "--pair", "nope")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Journal.fileFor(site)).doesNotExist();
    }

    @Test
    void twoPersonSiteRefusesTheSameUserTwiceAndAWrongPassword() throws Exception {
        writeSite(true);
        addApprover("alice", ALICE_PW);
        addApprover("bob", BOB_PW);
        terminal.answers.addAll(List.of(ALICE_PW, ALICE_PW, "line1"));
        assertThat(run(new MaintenanceCommand(terminal), "--site", site.toString(), "--pair", "line1", "off",
                "--confirm", "line1", "--as", "alice", "--approver", "alice")).isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("different person with separate credentials");
        terminal.answers.addAll(List.of(ALICE_PW, ALICE_PW, "line1"));
        assertThat(run(new MaintenanceCommand(terminal), "--site", site.toString(), "--pair", "line1", "off",
                "--confirm", "line1", "--as", "alice", "--approver", "bob")).isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("wrong password for 'bob'");
        assertThat(run(new MaintenanceCommand(terminal), "--site", site.toString(), "--pair", "line1", "off",
                "--confirm", "line1")).isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("requires two people").contains("--as");
        assertThat(audit()).extracting(AuditRecord::type).containsExactly("approval-granted", "approver-added",
                "approval-granted", "approver-added", "approval-requested", "approval-refused", "approval-requested", "approval-refused");
        assertThat(audit()).allSatisfy(r -> assertThat(r.details()).doesNotContain(TestSecrets.TOKEN));
    }

    @Test
    void onATwoPersonSiteWithTwoApproversAThirdNeedsBothToApprove() throws Exception {
        writeSite(true);
        addApprover("alice", ALICE_PW);
        addApprover("bob", BOB_PW);
        terminal.answers.add("x");
        assertThat(run(new ApproverCommand(terminal), "add", "mallory", "--site", site.toString(), "--confirm",
                "approver/mallory")).isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("requires two people");
        terminal.answers.clear();
        terminal.answers.addAll(List.of(ALICE_PW, BOB_PW, "approver/carol"));
        addApprover("carol", TestSecrets.TOKEN + "-c", "--as", "alice", "--approver", "bob");
        assertThat(out.toString()).contains("approver carol saved");
    }

    @Test
    void anAuditTrailThatCannotBeWrittenBlocksTheAction() throws Exception {
        Files.createDirectories(Journal.fileFor(site));
        assertThat(run(new SwitchoverCommand(terminal), "--site", site.toString(), "--pair", "line1", "--confirm", "line1"))
                .isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("audit trail is unavailable").contains("not done");
        assertThat(out.toString()).doesNotContain("one-shot");
    }
}
