package io.redpair.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import io.redpair.ui.FxExecutor;
import io.redpair.ui.MainWindow;
import io.redpair.ui.Styles;
import io.redpair.ui.Theme;
import io.redpair.ui.ThemeSwitcher;
import io.redpair.ui.fake.FakeSiteConnection;
import io.redpair.ui.fake.Snapshots;
import io.redpair.ui.site.ReadOnlyConnection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 8 item 5, headless: a read-only console shows the pair but enables no action in any state, offers
 * no editor, says READ-ONLY in the status bar, and sends nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ReadOnlyConsoleUiTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:01:03.412Z");

    private final Preferences prefs = Preferences.userRoot().node("io/redpair/test/" + UUID.randomUUID());
    private final FakeSiteConnection site = new FakeSiteConnection(Snapshots.site(2));

    @Start
    void start(Stage stage) {
        ThemeSwitcher.apply(Theme.LIGHT);
        MainWindow window = new MainWindow(null, Theme.LIGHT, prefs, "RedPair test");
        new Dashboard(window, new ReadOnlyConnection(site, "Watching supervise pid 4711"), FxExecutor.INSTANCE,
                ZoneOffset.UTC, (p, b) -> { }).start();
        Scene scene = new Scene(window.root(), 1200, 760);
        scene.getStylesheets().add(Styles.URL);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void forgetPreferences() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void noActionIsEnabledInAnyStateAndNothingIsSent(FxRobot robot) {
        for (PairSnapshot p : List.of(Snapshots.operatorNeeded("line-1", "Press line 1", List.of()),
                Snapshots.protectedPair("line-1", "Press line 1", List.of()),
                Snapshots.failingOver("line-1", "Press line 1", List.of()))) {
            site.publish(new SiteSnapshot("Hall B", T0, true, List.of(p, Snapshots.protectedPair("line-2", "Paint", List.of()))));
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("Press line 1");
            WaitForAsyncUtils.waitForFxEvents();
            // "Lint flows" only reads a flows file on this computer: not an action on the site, so it stays
            Set<Button> actions = robot.lookup((Node n) -> n instanceof Button b && b.getId() != null
                    && b.getId().startsWith("action-") && !b.getId().equals("action-lint")).queryAllAs(Button.class);
            assertThat(actions).as("the action buttons of " + p.mode()).hasSizeGreaterThanOrEqualTo(6)
                    .allSatisfy(b -> assertThat(b.isDisabled()).as(b.getId()).isTrue());
            assertThat(robot.lookup("#action-edit").tryQuery()).as("no editor").isEmpty();
            robot.clickOn("#action-override");
            robot.clickOn("#action-switchover");
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("no dialog opened").isEmpty();
        assertThat(site.sent()).isEmpty();
    }

    @Test
    void theStatusBarSaysReadOnly(FxRobot robot) {
        Label mark = robot.lookup("#status-read-only").queryAs(Label.class);
        assertThat(mark.isVisible()).isTrue();
        assertThat(mark.getText()).isEqualTo("READ-ONLY");
        assertThat(robot.lookup("#status-supervisor").queryAs(Label.class).getText())
                .isEqualTo("Watching supervise pid 4711 · READ-ONLY");
    }

    @Test
    void aRequestIsRefusedWithoutBeingPassedOn() throws Exception {
        ControlResponse r = new ReadOnlyConnection(site, "x").send(new ControlRequest(null, ControlRequest.SWITCHOVER,
                "line-1", "B", null, null, null, null, "ana", "hmi")).get();
        assertThat(r.outcome()).isEqualTo(ControlResponse.Outcome.REFUSED);
        assertThat(r.message()).contains("read-only");
        assertThat(site.sent()).isEmpty();
    }
}
