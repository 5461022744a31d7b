package io.redpair.ui.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.flows.push.PushRefusedException;
import io.redpair.supervisor.FlowsDrift;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.ui.FxExecutor;
import io.redpair.ui.MainWindow;
import io.redpair.ui.Styles;
import io.redpair.ui.Theme;
import io.redpair.ui.ThemeSwitcher;
import io.redpair.ui.dashboard.Dashboard;
import io.redpair.ui.fake.FakeSiteConnection;
import io.redpair.ui.fake.Snapshots;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: the pair page's Push flows / Roll back buttons follow the pair's state from the snapshots (disabled with
 * the reason during a takeover or when an operator is needed), mention drift, and a fake site without a site file
 * makes the wizard say why it cannot plan.
 */
@ExtendWith(ApplicationExtension.class)
class PushButtonsUiTest {

    private final Preferences prefs = Preferences.userRoot().node("io/redpair/test/" + UUID.randomUUID());
    private final FakeSiteConnection site = new FakeSiteConnection(Snapshots.site(1));

    @Start
    void start(Stage stage) {
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

    @Test
    void pushIsOfferedOnlyWhenThePairAllowsItAndSaysWhyNot(FxRobot robot) {
        feed(Snapshots.protectedPair("line-1", "Press line 1", List.of()));
        robot.clickOn("Press line 1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(button(robot, "#action-push").isDisabled()).isFalse();
        assertThat(button(robot, "#action-lint").isDisabled()).isFalse();

        feed(Snapshots.failingOver("line-1", "Press line 1", List.of()));
        assertThat(button(robot, "#action-push").isDisabled()).isTrue();
        assertThat(button(robot, "#action-rollback").getTooltip().getText()).isEqualTo(
                "not during a takeover: wait until it has finished");

        feed(Snapshots.operatorNeeded("line-1", "Press line 1", List.of()));
        assertThat(button(robot, "#action-push").getTooltip().getText()).startsWith("an operator is needed first");

        feed(Snapshots.withFlows(Snapshots.protectedPair("line-1", "Press line 1", List.of()),
                "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", FlowsDrift.State.DIFFER));
        assertThat(button(robot, "#action-push").isDisabled()).isFalse();
        assertThat(button(robot, "#action-push").getTooltip().getText())
                .isEqualTo("Flows differ: A rev aaaaaaaa…, B rev bbbbbbbb…: push one flow set to both boxes, the spare first");
    }

    @Test
    void withoutASiteFileRollbackSaysWhyItCannotPlan(FxRobot robot) {
        feed(Snapshots.protectedPair("line-1", "Press line 1", List.of()));
        robot.clickOn("Press line 1");
        robot.clickOn("#action-rollback");
        try {
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup("#wizard-problem")
                    .tryQueryAs(javafx.scene.control.Label.class).map(l -> !l.getText().isEmpty()).orElse(false));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
        assertThat(robot.lookup("#wizard-problem").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("Cannot roll back: " + new PushRefusedException(PushRefusedException.Kind.BAD_INPUT,
                        "this console has no site file to keep push snapshots and records next to").getMessage());
    }

    private void feed(PairSnapshot p) {
        site.publish(new SiteSnapshot("Hall B", Instant.parse("2026-11-26T12:00:00Z"), true, List.of(p)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Button button(FxRobot robot, String query) {
        return robot.lookup(query).queryButton();
    }
}
