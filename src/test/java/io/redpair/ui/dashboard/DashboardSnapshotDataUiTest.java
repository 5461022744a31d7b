package io.redpair.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.supervisor.ArbiterSnapshot;
import io.redpair.supervisor.FlowsDrift;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.ui.FxExecutor;
import io.redpair.ui.MainWindow;
import io.redpair.ui.Styles;
import io.redpair.ui.Theme;
import io.redpair.ui.ThemeSwitcher;
import io.redpair.ui.fake.FakeSiteConnection;
import io.redpair.ui.fake.Snapshots;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless (Monocle): what the supervisor now puts in the snapshot reaches the page — Node-RED version and
 * flows revision on the cards, the drift badge on the banner and in the sidebar (and gone when the flows match
 * again), and the arbiter panel fed from the snapshot's arbiter view, link down included.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardSnapshotDataUiTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:01:03.412Z");
    private static final String REV_A = Snapshots.rev("1a2b3c4d");
    private static final String REV_B = Snapshots.rev("9f8e7d6c");

    private final Preferences prefs = Preferences.userRoot().node("io/redpair/test/" + UUID.randomUUID());
    private final FakeSiteConnection site = new FakeSiteConnection(Snapshots.site(3));

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
    void cardsShowVersionAndRevisionAndTheDriftBadgeComesAndGoes(FxRobot robot) {
        feed(Snapshots.withFlows(protectedLine1(), REV_A, REV_A, FlowsDrift.State.MATCH), T0);
        robot.clickOn("Press line 1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#card-a-version")).isEqualTo("4.1.15");
        assertThat(text(robot, "#card-b-rev")).isEqualTo("1a2b3c4d… · same as A");
        assertThat(visibleDriftBadges(robot)).isZero();

        feed(Snapshots.withFlows(protectedLine1(), REV_A, REV_B, FlowsDrift.State.DIFFER), T0.plusSeconds(1));

        assertThat(text(robot, "#card-a-rev")).isEqualTo("1a2b3c4d… · differs from B");
        assertThat(robot.lookup("#card-a-rev").queryAs(Label.class).getStyleClass()).contains("level-warning");
        assertThat(robot.lookup("#banner-drift").queryAs(Label.class).isVisible()).isTrue();
        assertThat(text(robot, "#banner-headline")).as("drift is a warning beside the state, not a new state")
                .isEqualTo("Protected");
        assertThat(visibleDriftBadges(robot)).as("banner and the one drifted pair in the sidebar").isEqualTo(2);

        feed(Snapshots.withFlows(protectedLine1(), REV_B, REV_B, FlowsDrift.State.MATCH), T0.plusSeconds(2));

        assertThat(visibleDriftBadges(robot)).isZero();
        assertThat(text(robot, "#card-a-rev")).isEqualTo("9f8e7d6c… · same as B");
    }

    @Test
    void theArbiterPanelShowsTheSnapshotsArbiterViewAndALostLink(FxRobot robot) {
        feed(Snapshots.withArbiter(protectedLine1(), new ArbiterSnapshot(true, "up on /dev/ttyUSB0 (serial WDA-00417)",
                Snapshots.arbiterStatus(7), 300)), T0);
        robot.clickOn("Press line 1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#arbiter-headline")).isEqualTo("Arbiter connected");
        assertThat(panelValues(robot)).contains("up on /dev/ttyUSB0 (serial WDA-00417)", "A (relay reads A)",
                "A free · B free", "A on · B on", "A 112 ms · B 131 ms", "armed, 3.8 s left", "7");

        feed(Snapshots.withArbiter(protectedLine1(), new ArbiterSnapshot(false, "down: port /dev/ttyUSB0 vanished",
                Snapshots.arbiterStatus(7), 4_100)), T0.plusSeconds(5));

        assertThat(text(robot, "#arbiter-headline")).isEqualTo("Arbiter link down: no fence, no automatic takeover");
        assertThat(panelValues(robot)).contains("down: port /dev/ttyUSB0 vanished",
                "4100 ms ago; values below are the last known");
    }

    private static PairSnapshot protectedLine1() {
        return Snapshots.protectedPair("line-1", "Press line 1", List.of());
    }

    private void feed(PairSnapshot first, Instant at) {
        site.publish(new SiteSnapshot("Hall B", at, true, List.of(first,
                Snapshots.protectedPair("line-2", "Paint shop", List.of()),
                Snapshots.protectedPair("line-3", "Packaging", List.of()))));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static long visibleDriftBadges(FxRobot robot) {
        return robot.lookup(".drift-badge").queryAll().stream().filter(DashboardSnapshotDataUiTest::shown).count();
    }

    /** Visible itself and in every parent (a sidebar cell may be reused off screen). */
    private static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static List<String> panelValues(FxRobot robot) {
        GridPane rows = robot.lookup("#arbiter-panel").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .filter(GridPane.class::isInstance).map(GridPane.class::cast).findFirst().orElseThrow();
        return rows.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
