package io.redpair.ui.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.redpair.flows.FlowSetLoader;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.store.Journal;
import io.redpair.store.JournalEntry;
import io.redpair.testkit.LabSiteFile;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.ui.FxExecutor;
import io.redpair.ui.MainWindow;
import io.redpair.ui.Theme;
import io.redpair.ui.ThemeSwitcher;
import io.redpair.ui.dashboard.Dashboard;
import io.redpair.ui.site.OwnSupervisorConnection;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
 * The console's push wizard on a real pair: two real Node-RED boxes (A running, B a spare booted stopped), the
 * console's own real supervisor holding the site, and the wizard opened from the pair page's "Push flows" button.
 * After the push both boxes report the source's revision (B still stopped, A still running) and the journal has the
 * push; "Roll back" then returns both to the revision they had.
 */
@ExtendWith(ApplicationExtension.class)
class PushWizardOnRealPairUiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;

    private MainWindow window;
    private OwnSupervisorConnection connection;
    private Dashboard dashboard;
    private NodeRedClient a;
    private NodeRedClient b;
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
        if (a != null) {
            a.close();
            b.close();
        }
        prefs.removeNode();
    }

    @Test
    void theWizardPushesToBothRealBoxesAndRollbackReturnsThem(FxRobot robot) throws Exception {
        NodeRedProcess boxA = boxes.start(BoxOptions.defaults());
        NodeRedProcess boxB = boxes.start(BoxOptions.defaults().withBootStopped(true));
        a = NodeRedClient.create(boxA.endpoint());
        b = NodeRedClient.create(boxB.endpoint());
        String before = a.flows().value().rev();
        Path site = LabSiteFile.write(dir, boxA, boxB, true, 10_000);
        Path flows = Files.writeString(dir.resolve("line-control.json"), JSON.writeValueAsString(withWorkTab()));
        String sourceRev = FlowSetLoader.load(flows).revision();
        Instant start = Instant.now();
        connection = OwnSupervisorConnection.open(site);
        robot.interact(() -> dashboard = new Dashboard(window, connection, FxExecutor.INSTANCE, ZoneId.systemDefault(),
                (p, banner) -> { }).start());
        robot.interact(() -> robot.lookup(".list-view").queryListView().getSelectionModel().select(0));
        waitUntil(60, () -> "Protected".equals(text(robot, "#banner-headline"))
                && !robot.lookup("#action-push").queryButton().isDisabled());

        robot.clickOn("#action-push");
        robot.interact(() -> robot.lookup("#push-source").queryAs(TextField.class).setText(flows.toString()));
        robot.clickOn("#wizard-main");
        waitUntil(60, () -> robot.lookup("#lint-table").tryQuery().isPresent()
                && !robot.lookup("#wizard-main").queryButton().isDisabled());
        assertThat(text(robot, "#wizard-problem")).isEmpty();
        robot.clickOn("#wizard-main");
        assertThat(text(robot, "#diff-summary-b")).isEqualTo("2 added");
        robot.clickOn("#wizard-main");
        robot.clickOn("#plan-confirm").write("line1");
        robot.clickOn("#wizard-main");
        waitUntil(120, () -> robot.lookup("#result-headline").tryQuery().isPresent());

        assertThat(text(robot, "#result-headline")).isEqualTo("Push completed; both boxes carry revision "
                + sourceRev.substring(0, 12) + ".");
        assertThat(a.flows().value().rev()).isEqualTo(sourceRev);
        assertThat(b.flows().value().rev()).isEqualTo(sourceRev);
        assertThat(a.flowsState().value()).isEqualTo(FlowsState.START);
        assertThat(b.flowsState().value()).isEqualTo(FlowsState.STOP);
        robot.clickOn("#wizard-main"); // Close

        robot.clickOn("#action-rollback");
        waitUntil(60, () -> !text(robot, "#plan-headline").isEmpty());
        assertThat(text(robot, "#plan-headline")).isEqualTo("Roll back Line 1 (line1): spare B, then active A");
        robot.clickOn("#plan-confirm").write("line1");
        robot.clickOn("#wizard-main");
        waitUntil(120, () -> robot.lookup("#result-headline").tryQuery().isPresent());
        assertThat(a.flows().value().rev()).isEqualTo(before);
        assertThat(b.flows().value().rev()).isEqualTo(before);
        assertThat(b.flowsState().value()).isEqualTo(FlowsState.STOP);
        try (Journal journal = Journal.open(Journal.fileFor(site))) {
            assertThat(journal.events("line1", start)).extracting(JournalEntry::type)
                    .containsSubsequence("push", "push-done", "rollback", "rollback-done");
        }
    }

    /** The canary tab (so A keeps serving its heartbeat) and a work tab with a function. */
    private static ArrayNode withWorkTab() throws Exception {
        ArrayNode flows;
        try (InputStream in = BoxOptions.class.getResourceAsStream("redpair-canary.json")) {
            flows = (ArrayNode) JSON.readTree(in);
        }
        flows.add(JSON.readTree("{\"id\":\"work-tab\",\"type\":\"tab\",\"label\":\"Work\"}"));
        flows.add(JSON.readTree("{\"id\":\"work-fn\",\"type\":\"function\",\"z\":\"work-tab\",\"name\":\"mark\","
                + "\"func\":\"return {payload:'pushed from the console'};\",\"outputs\":1,\"x\":200,\"y\":80,\"wires\":[[]]}"));
        return flows;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    private static void waitUntil(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }
}
