package io.redpair.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import io.redpair.pair.Site;
import io.redpair.store.Journal;
import io.redpair.store.SecretResolver;
import io.redpair.supervisor.NodeRedBoxPort;
import io.redpair.supervisor.Supervisor;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.ui.FxExecutor;
import io.redpair.ui.MainWindow;
import io.redpair.ui.Theme;
import io.redpair.ui.ThemeSwitcher;
import io.redpair.ui.site.OwnSupervisorConnection;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real engine behind the console: two real Node-RED boxes, the real supervisor (journal, probes,
 * decider, commands), and the dashboard in a headless window. The banner must reach Protected from the
 * supervisor's own snapshots; after A is killed the timeline must tell the failover.
 */
@ExtendWith(ApplicationExtension.class)
class LiveDashboardUiTest {

    @RegisterExtension
    final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;

    private MainWindow window;
    private OwnSupervisorConnection connection;
    private Dashboard dashboard;
    private final Preferences prefs = Preferences.userRoot().node("io/redpair/test/" + UUID.randomUUID());

    @Start
    void start(Stage stage) {
        ThemeSwitcher.apply(Theme.LIGHT);
        window = new MainWindow(null, Theme.LIGHT, prefs, "RedPair test");
        stage.setScene(new Scene(window.root(), 1200, 760));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        if (dashboard != null) {
            dashboard.close();
        }
        if (connection != null) {
            connection.close();
        }
        prefs.removeNode();
    }

    @Test
    void theBannerShowsProtectedFromTheRealSupervisorAndTheTimelineTellsTheFailover(FxRobot robot) throws Exception {
        NodeRedProcess a = boxes.start(BoxOptions.defaults());
        NodeRedProcess b = boxes.start(BoxOptions.defaults().withBootStopped(true));
        Pair pair = new Pair("line1", "Line 1", Map.of(BoxId.A, new BoxConfig(a.adminUrl(), AuthRef.none(), null),
                BoxId.B, new BoxConfig(b.adminUrl(), AuthRef.none(), null)), BoxId.A, BoxOptions.CANARY_PATH, null,
                Policy.defaults());
        Journal journal = Journal.open(dir.resolve("site.json.journal.db"));
        Supervisor supervisor = Supervisor.start(new Site("Live", List.of(pair)), journal,
                NodeRedBoxPort.factory(new SecretResolver()));
        connection = new OwnSupervisorConnection(supervisor, journal);
        robot.interact(() -> dashboard = new Dashboard(window, connection, FxExecutor.INSTANCE, ZoneId.systemDefault(),
                (p, banner) -> { }).start());
        robot.interact(() -> robot.lookup(".list-view").queryListView().getSelectionModel().select(0));

        // banner and cards are applied from the same snapshot but may land in different pulses: wait for both
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> "Protected".equals(headline(robot))
                && "Active".equals(robot.lookup("#card-a-role").queryAs(Label.class).getText()));
        assertThat(robot.lookup("#card-b-role").queryAs(Label.class).getText()).isEqualTo("Spare");

        a.kill();
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> timeline(robot).contains("failover complete: B runs flows"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no failover in the timeline: " + timeline(robot) + " banner " + headline(robot), e);
        }
        assertThat(timeline(robot)).containsPattern("time=\\d\\d:\\d\\d:\\d\\d\\.\\d{3}, text=A down: process gone");
    }

    private static String headline(FxRobot robot) {
        return robot.lookup("#banner-headline").tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    private static String timeline(FxRobot robot) {
        return robot.lookup("#timeline").tryQueryAs(ListView.class).map(l -> l.getItems().toString()).orElse("");
    }
}
