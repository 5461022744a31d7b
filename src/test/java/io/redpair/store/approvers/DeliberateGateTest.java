package io.redpair.store.approvers;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.pair.approval.ActionRequest;
import io.redpair.pair.approval.ApprovalOutcome;
import io.redpair.pair.approval.ApprovalSettings;
import io.redpair.pair.approval.DeliberateAction;
import io.redpair.store.Actor;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditRecord;
import io.redpair.store.audit.AuditUnavailableException;
import io.redpair.testsupport.TestSecrets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliberateGateTest {

    static final long SECOND = 1_000_000_000L;
    static final Actor HMI = new Actor("hmi", "control-room-1");
    static final String ALICE_PW = TestSecrets.TOKEN + "-alice";
    static final String BOB_PW = TestSecrets.TOKEN + "-bob";

    @TempDir
    Path dir;
    final AtomicLong now = new AtomicLong(7 * SECOND);
    AuditLog audit;
    Approvers approvers;

    @BeforeEach
    void accounts() throws Exception {
        audit = AuditLog.open(dir.resolve("site.json.journal.db"), Clock.systemUTC());
        approvers = new Approvers(dir.resolve("site.json.approvers.json"), 1_000, Clock.systemUTC());
        approvers.put("alice", ALICE_PW.toCharArray(), HMI);
        approvers.put("bob", BOB_PW.toCharArray(), HMI);
    }

    @AfterEach
    void close() {
        audit.close();
    }

    private DeliberateGate gate(boolean twoPerson) {
        return new DeliberateGate(new ApprovalSettings(twoPerson, Duration.ofSeconds(300)), approvers, audit::append,
                now::get, HMI);
    }

    private static Login login(String name, String pw) {
        return new Login(name, pw.toCharArray());
    }

    private ActionRequest pending(DeliberateGate gate) {
        ApprovalOutcome first = gate.request(DeliberateAction.PLANNED_SWITCHOVER, "line1/B", "line1/B",
                login("alice", ALICE_PW));
        assertThat(first).isInstanceOf(ApprovalOutcome.AwaitingSecondPerson.class);
        return ((ApprovalOutcome.AwaitingSecondPerson) first).request();
    }

    private List<AuditRecord> rows() {
        return audit.since(Instant.EPOCH);
    }

    private static String reason(ApprovalOutcome o) {
        assertThat(o).isInstanceOf(ApprovalOutcome.Refused.class);
        return ((ApprovalOutcome.Refused) o).reason();
    }

    @Test
    void singlePersonTypesTheTargetAndTheGrantIsAudited() {
        ApprovalOutcome o = gate(false).request(DeliberateAction.MAINTENANCE, "line1", "line1", null);
        assertThat(o).isInstanceOf(ApprovalOutcome.Approved.class);
        assertThat(rows()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("approval-granted");
            assertThat(r.target()).isEqualTo("line1");
            assertThat(r.user()).isEqualTo("hmi");
            assertThat(r.details()).contains("MAINTENANCE");
        });
    }

    @Test
    void wrongTargetIsRefusedAndAudited() {
        assertThat(reason(gate(false).request(DeliberateAction.FAILBACK, "line1/A", "line1/B", null)))
                .contains("type 'line1/A'");
        assertThat(rows()).singleElement().extracting(AuditRecord::type).isEqualTo("approval-refused");
    }

    @Test
    void twoPeopleWithSeparateAccountsWithinTheWindowApprove() {
        DeliberateGate gate = gate(true);
        ActionRequest pending = pending(gate);
        now.addAndGet(299 * SECOND);
        ApprovalOutcome o = gate.approve(pending, login("bob", BOB_PW), "line1/B");
        assertThat(o).isInstanceOf(ApprovalOutcome.Approved.class);
        assertThat(((ApprovalOutcome.Approved) o).approver().redpairUser()).isEqualTo("bob");
        assertThat(rows()).extracting(AuditRecord::type).containsExactly("approval-requested", "approval-granted");
        assertThat(rows().get(1).details()).contains("\"requester\":\"alice\"").contains("\"approver\":\"bob\"");
    }

    @Test
    void sameUserTwiceIsRefusedAndAudited() {
        DeliberateGate gate = gate(true);
        ActionRequest pending = pending(gate);
        assertThat(reason(gate.approve(pending, login("alice", ALICE_PW), "line1/B")))
                .contains("different person with separate credentials");
        assertThat(rows()).extracting(AuditRecord::type).containsExactly("approval-requested", "approval-refused");
    }

    @Test
    void expiredApprovalIsRefusedAndAudited() {
        DeliberateGate gate = gate(true);
        ActionRequest pending = pending(gate);
        now.addAndGet(301 * SECOND);
        assertThat(reason(gate.approve(pending, login("bob", BOB_PW), "line1/B"))).contains("window").contains("closed");
        assertThat(rows()).last().extracting(AuditRecord::type).isEqualTo("approval-refused");
    }

    @Test
    void wrongPasswordOrUnknownApproverIsRefusedAndAuditedWithoutThePassword() {
        DeliberateGate gate = gate(true);
        ActionRequest pending = pending(gate);
        assertThat(reason(gate.approve(pending, login("bob", ALICE_PW), "line1/B"))).contains("wrong password for 'bob'");
        assertThat(reason(gate.approve(pending, login("mallory", BOB_PW), "line1/B"))).contains("'mallory'");
        assertThat(reason(gate.request(DeliberateAction.FENCE, "line1/A", "line1/A", login("alice", BOB_PW))))
                .contains("not requested");
        assertThat(rows()).extracting(AuditRecord::type)
                .containsExactly("approval-requested", "approval-refused", "approval-refused", "approval-refused");
        assertThat(rows()).allSatisfy(r -> assertThat(r.details()).doesNotContain(TestSecrets.TOKEN));
    }

    @Test
    void twoPersonRuleNeedsTheRequesterLoggedIn() {
        assertThat(reason(gate(true).request(DeliberateAction.OPERATOR_OVERRIDE, "line1", "line1", null)))
                .contains("requires two people");
    }

    @Test
    void anApprovalIsUsedOnce() {
        DeliberateGate gate = gate(true);
        ActionRequest pending = pending(gate);
        assertThat(gate.approve(pending, login("bob", BOB_PW), "line1/B")).isInstanceOf(ApprovalOutcome.Approved.class);
        assertThat(reason(gate.approve(pending, login("bob", BOB_PW), "line1/B"))).contains("already used");
    }

    @Test
    void anAuditWriteFailureRefusesTheAction() {
        DeliberateGate gate = new DeliberateGate(ApprovalSettings.singlePerson(), approvers, e -> {
            throw new AuditUnavailableException("disk full", null);
        }, now::get, HMI);
        assertThat(reason(gate.request(DeliberateAction.PLANNED_SWITCHOVER, "line1", "line1", null)))
                .contains("audit trail is unavailable").contains("not done").contains("disk full");
    }

    @Test
    void approverFileHoldsOnlySaltedHashes() throws Exception {
        String text = java.nio.file.Files.readString(approvers.file());
        assertThat(text).doesNotContain(TestSecrets.TOKEN).contains("\"iterations\" : 1000");
        assertThat(ApproverFile.load(approvers.file()).get("alice").password().salt())
                .isNotEqualTo(ApproverFile.load(approvers.file()).get("bob").password().salt());
        assertThat(approvers.authenticate("alice", ALICE_PW.toCharArray())).isPresent();
        assertThat(approvers.remove("alice")).isTrue();
        assertThat(approvers.authenticate("alice", ALICE_PW.toCharArray())).isEmpty();
    }
}
