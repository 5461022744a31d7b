package io.redpair.pair.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApprovalPolicyTest {

    static final long T0 = 5_000_000_000L;
    static final long SECOND = 1_000_000_000L;
    static final Principal ALICE = new Principal("alice", "eng-1", null, "os:alice");
    static final Principal BOB = new Principal("bob", "eng-2", null, "os:bob");

    final ApprovalPolicy single = new ApprovalPolicy(ApprovalSettings.singlePerson());
    final ApprovalPolicy twoPerson = new ApprovalPolicy(new ApprovalSettings(true, Duration.ofSeconds(300)));

    private ActionRequest pendingSwitchover() {
        ApprovalOutcome first = twoPerson.request(DeliberateAction.PLANNED_SWITCHOVER, "line1/B", ALICE, "line1/B", T0);
        assertThat(first).isInstanceOf(ApprovalOutcome.AwaitingSecondPerson.class);
        return ((ApprovalOutcome.AwaitingSecondPerson) first).request();
    }

    @Test
    void singlePersonNeedsOnlyTheTypedTarget() {
        assertThat(single.request(DeliberateAction.FENCE, "line1/A", ALICE, " line1/A ", T0))
                .isEqualTo(new ApprovalOutcome.Approved(new ActionRequest(DeliberateAction.FENCE, "line1/A", ALICE, T0), null));
    }

    @Test
    void wrongOrMissingConfirmationIsRefusedNamingTheTarget() {
        for (String typed : new String[] {null, "", "yes", "line1/a", "line1/B"}) {
            ApprovalOutcome outcome = single.request(DeliberateAction.FENCE, "line1/A", ALICE, typed, T0);
            assertThat(outcome).as("typed %s", typed).isInstanceOf(ApprovalOutcome.Refused.class);
            assertThat(((ApprovalOutcome.Refused) outcome).reason()).contains("type 'line1/A'").contains("fence of line1/A");
        }
    }

    @Test
    void secondPersonWithinTheWindowApproves() {
        ActionRequest pending = pendingSwitchover();
        assertThat(twoPerson.approve(pending, BOB, "line1/B", T0 + 300 * SECOND))
                .isEqualTo(new ApprovalOutcome.Approved(pending, BOB));
    }

    @Test
    void sameUserTwiceIsRefused() {
        ActionRequest pending = pendingSwitchover();
        Principal aliceElsewhere = new Principal("Alice", "hmi-3", null, "os:alice@hmi-3");
        ApprovalOutcome outcome = twoPerson.approve(pending, aliceElsewhere, "line1/B", T0 + SECOND);
        assertThat(outcome).isInstanceOf(ApprovalOutcome.Refused.class);
        assertThat(((ApprovalOutcome.Refused) outcome).reason()).contains("different person with separate credentials");
        assertThat(twoPerson.approve(pending, ALICE, "line1/B", T0 + SECOND)).isInstanceOf(ApprovalOutcome.Refused.class);
    }

    @Test
    void sameRedPairUserOnASharedLoginOrTheSameCredentialIsRefused() {
        Principal carolAtHmi = new Principal("hmi", "hmi-1", "carol", "redpair:carol");
        Principal daveAtHmi = new Principal("hmi", "hmi-1", "dave", "redpair:dave");
        ApprovalOutcome first = twoPerson.request(DeliberateAction.DISARM, "line2", carolAtHmi, "line2", T0);
        ActionRequest pending = ((ApprovalOutcome.AwaitingSecondPerson) first).request();
        assertThat(twoPerson.approve(pending, new Principal("hmi", "hmi-2", "CAROL", "redpair:carol2"), "line2", T0))
                .isInstanceOf(ApprovalOutcome.Refused.class);
        assertThat(twoPerson.approve(pending, new Principal("erin", "x", "erin", "redpair:carol"), "line2", T0))
                .as("borrowed credential").isInstanceOf(ApprovalOutcome.Refused.class);
        assertThat(twoPerson.approve(pending, daveAtHmi, "line2", T0 + SECOND)).isInstanceOf(ApprovalOutcome.Approved.class);
    }

    @Test
    void expiredApprovalIsRefused() {
        ActionRequest pending = pendingSwitchover();
        ApprovalOutcome outcome = twoPerson.approve(pending, BOB, "line1/B", T0 + 300 * SECOND + 1);
        assertThat(outcome).isInstanceOf(ApprovalOutcome.Refused.class);
        assertThat(((ApprovalOutcome.Refused) outcome).reason()).contains("window").contains("has closed").contains("300 s");
        assertThat(twoPerson.approve(pending, BOB, "line1/B", T0 - 1)).as("time before the request")
                .isInstanceOf(ApprovalOutcome.Refused.class);
    }

    @Test
    void approverMustAlsoTypeTheTarget() {
        ActionRequest pending = pendingSwitchover();
        assertThat(twoPerson.approve(pending, BOB, "ok", T0 + SECOND)).isInstanceOf(ApprovalOutcome.Refused.class);
    }

    @Test
    void approvingOnASinglePersonSiteIsRefusedAndSettingsAreChecked() {
        ActionRequest request = new ActionRequest(DeliberateAction.FAILBACK, "line1/A", ALICE, T0);
        assertThat(single.approve(request, BOB, "line1/A", T0)).isInstanceOf(ApprovalOutcome.Refused.class);
        assertThatThrownBy(() -> new ApprovalSettings(true, Duration.ZERO)).hasMessageContaining("approvals.windowS");
        assertThatThrownBy(() -> new ActionRequest(DeliberateAction.FENCE, " ", ALICE, T0)).hasMessageContaining("target");
    }
}
