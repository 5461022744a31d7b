package io.redpair.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.pair.Site;
import io.redpair.pair.approval.ApprovalSettings;
import io.redpair.store.Actor;
import io.redpair.store.Journal;
import io.redpair.store.approvers.ApproverFile;
import io.redpair.store.approvers.Approvers;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditRecord;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.testsupport.TestSecrets;
import io.redpair.ui.FxExecutor;
import io.redpair.ui.MainWindow;
import io.redpair.ui.Styles;
import io.redpair.ui.Theme;
import io.redpair.ui.ThemeSwitcher;
import io.redpair.ui.fake.FakeSiteConnection;
import io.redpair.ui.fake.Snapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 8 item 4 in the console, headless: on a two-person site a planned switchover needs the requester's
 * and a different second person's approver accounts; the same person twice or a wrong password is refused,
 * nothing is sent, and every outcome is in the audit trail.
 */
@ExtendWith(ApplicationExtension.class)
class TwoPersonApprovalUiTest {

    static final String ALICE_PW = TestSecrets.TOKEN + "-alice";
    static final String BOB_PW = TestSecrets.TOKEN + "-bob";

    @TempDir
    Path dir;
    private final Preferences prefs = Preferences.userRoot().node("io/redpair/test/" + UUID.randomUUID());
    private FakeSiteConnection site;

    @Start
    void start(Stage stage) throws Exception {
        Site plain = Snapshots.site(1);
        Path siteFile = dir.resolve("site.json");
        Approvers approvers = new Approvers(ApproverFile.fileFor(siteFile), 1_000, Clock.systemUTC());
        approvers.put("alice", ALICE_PW.toCharArray(), new Actor("hmi", "cr-1"));
        approvers.put("bob", BOB_PW.toCharArray(), new Actor("hmi", "cr-1"));
        site = new FakeSiteConnection(new Site(plain.name(), plain.pairs(),
                new ApprovalSettings(true, Duration.ofSeconds(300)))).at(siteFile);
        ThemeSwitcher.apply(Theme.LIGHT);
        MainWindow window = new MainWindow(null, Theme.LIGHT, prefs, "RedPair test");
        new Dashboard(window, site, FxExecutor.INSTANCE, ZoneOffset.UTC, (p, b) -> { }).start();
        Scene scene = new Scene(window.root(), 1200, 760);
        scene.getStylesheets().add(Styles.URL);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void forgetPreferences() throws BackingStoreException {
        prefs.removeNode();
    }

    private void switchover(FxRobot robot, String requester, String requesterPw) {
        PairSnapshot p = Snapshots.protectedPair("line-1", "Press line 1", List.of());
        site.publish(new SiteSnapshot("Hall B", Instant.parse("2026-11-26T12:00:00Z"), true, List.of(p)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Press line 1");
        robot.clickOn("#action-switchover");
        robot.clickOn("Switch over to B");
        WaitForAsyncUtils.waitForFxEvents();
        io.redpair.ui.fake.FxWait.visible(robot, "#approval-typed");
        robot.clickOn("#approval-typed").write("line-1/B");
        robot.clickOn("#approval-name").write(requester);
        fill(robot, "#approval-password", requesterPw);
        robot.clickOn("Confirm");
    }

    private void secondPerson(FxRobot robot, String name, String pw) throws Exception {
        io.redpair.ui.fake.FxWait.visible(robot, "#second-name");
        robot.clickOn("#second-name").write(name);
        fill(robot, "#second-password", pw);
        robot.clickOn("#second-typed").write("line-1/B");
        robot.clickOn("Approve");
    }

    /** Long values are set rather than typed key by key (the robot types slowly). */
    private static void fill(FxRobot robot, String query, String value) {
        robot.interact(() -> robot.lookup(query).queryAs(javafx.scene.control.TextField.class).setText(value));
    }

    private String awaitStatus(FxRobot robot, String part) throws Exception {
        Label status = robot.lookup("#status-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().contains(part));
        return status.getText();
    }

    private List<String> auditTypes() {
        try (AuditLog log = AuditLog.openReadOnly(Journal.fileFor(dir.resolve("site.json")))) {
            return log.since(Instant.EPOCH).stream().map(AuditRecord::type).toList();
        }
    }

    @Test
    void twoDifferentPeopleApproveAndTheRequestIsSent(FxRobot robot) throws Exception {
        switchover(robot, "alice", ALICE_PW);
        secondPerson(robot, "bob", BOB_PW);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !site.sent().isEmpty());
        assertThat(site.sent()).singleElement().satisfies(r -> {
            assertThat(r.op()).isEqualTo(ControlRequest.SWITCHOVER);
            assertThat(r.to()).isEqualTo("B");
        });
        assertThat(auditTypes()).containsExactly("approval-requested", "approval-granted");
    }

    @Test
    void theSamePersonTwiceIsRefusedAndNothingIsSent(FxRobot robot) throws Exception {
        switchover(robot, "alice", ALICE_PW);
        secondPerson(robot, "alice", ALICE_PW);
        assertThat(awaitStatus(robot, "Not done")).contains("different person with separate credentials");
        assertThat(site.sent()).isEmpty();
        assertThat(auditTypes()).containsExactly("approval-requested", "approval-refused");
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsSent(FxRobot robot) throws Exception {
        switchover(robot, "alice", BOB_PW);
        assertThat(awaitStatus(robot, "Not done")).contains("wrong password for 'alice'");
        assertThat(robot.lookup("#second-name").tryQuery()).isEmpty();
        assertThat(site.sent()).isEmpty();
        assertThat(auditTypes()).containsExactly("approval-refused");
    }
}
