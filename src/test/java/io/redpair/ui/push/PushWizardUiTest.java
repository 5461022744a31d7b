package io.redpair.ui.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.pair.BoxId;
import io.redpair.ui.FxExecutor;
import io.redpair.ui.fake.FakePushPort;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless (Monocle): the push wizard walks source → lint → changes per box → plan → progress → result against an
 * in-memory pair, never blocking the JavaFX thread; a rollback returns both boxes; the lint window works alone.
 */
@ExtendWith(ApplicationExtension.class)
class PushWizardUiTest {

    private static final String SOURCE = "/plant/exports/line-control.json";

    private final FakePushPort port = PushFixtures.port();
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final AtomicReference<PushAvailability> availability =
            new AtomicReference<>(new PushAvailability(true, ""));

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    private void open(FxRobot robot, boolean rollback) {
        robot.interact(() -> PushWizard.open(null, port, "line-1", "Press line 1", rollback, availability::get,
                SwitchoverApproval.NONE, FxExecutor.INSTANCE, reports::add));
    }

    @Test
    void theWizardPushesTheSpareFirstAndShowsBothRevisionsEqual(FxRobot robot) throws Exception {
        open(robot, false);
        assertThat(main(robot).isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#push-source").queryAs(TextField.class).setText(SOURCE));
        robot.clickOn("#wizard-main");
        waitUntil(() -> robot.lookup("#lint-table").tryQuery().isPresent() && !main(robot).isDisabled());
        TableView<LintRow> lint = robot.lookup("#lint-table").queryTableView();
        assertThat(lint.getItems()).extracting(LintRow::id).contains("inj1", "dly1");
        robot.clickOn("#wizard-main");
        TabPane tabs = robot.lookup("#diff-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Box B", "Box A");
        assertThat(label(robot, "#diff-summary-b")).isEqualTo("2 added, 1 removed, 2 changed");
        robot.clickOn("#wizard-main");
        assertThat(label(robot, "#plan-headline")).isEqualTo("Push to Press line 1 (line-1): spare B, then active A");
        assertThat(main(robot).isDisabled()).isTrue();
        robot.clickOn("#plan-confirm").write("line-1");
        CountDownLatch hold = new CountDownLatch(1);
        port.holdAfterFirstStep(hold);
        robot.clickOn("#wizard-main");
        waitUntil(() -> robot.lookup("#push-progress").tryQuery().isPresent()
                && progressLines(robot).stream().anyMatch(l -> l.startsWith("Box B: deployed")));
        assertThat(progressLines(robot)).singleElement().asString().startsWith("Box B: deployed (nodes");
        hold.countDown();
        waitUntil(() -> robot.lookup("#result-headline").tryQuery().isPresent());
        String rev = port.box(BoxId.A).revision();
        assertThat(port.box(BoxId.B).revision()).isEqualTo(rev).isEqualTo(PushFixtures.edited().revision());
        assertThat(label(robot, "#result-headline")).isEqualTo("Push completed; both boxes carry revision "
                + rev.substring(0, 12) + ".");
        assertThat(label(robot, "#result-downtime")).startsWith("No downtime");
        assertThat(port.actions).containsExactly("push");
        assertThat(reports).singleElement().asString().startsWith("Push flows to Press line 1 (line-1): Push completed");
    }

    @Test
    void aTakeoverThatStartsWhileThePlanIsReadStopsThePushBeforeAnyDeploy(FxRobot robot) {
        walkToConfirmedPlan(robot);
        availability.set(PushAvailability.of(io.redpair.ui.fake.Snapshots.failingOver("line-1", "Press line 1", List.of())));
        robot.clickOn("#wizard-main");
        assertThat(label(robot, "#wizard-problem")).isEqualTo("Not now: not during a takeover: wait until it has finished");
        assertThat(port.actions).isEmpty();
        assertThat(port.box(BoxId.B).revision()).isEqualTo(PushFixtures.onBoxes().revision());
    }

    @Test
    void aPushStoppedHalfWaySaysWhatToDoAndRollbackReturnsBothBoxes(FxRobot robot) {
        port.failAt(BoxId.A);
        walkToConfirmedPlan(robot);
        robot.clickOn("#wizard-main");
        waitUntil(() -> robot.lookup("#result-advice").tryQuery().isPresent());
        assertThat(label(robot, "#result-box-a")).startsWith("FAILED: its flows changed since the plan");
        assertThat(label(robot, "#result-advice")).startsWith("A box's flows were changed by someone else");
        robot.clickOn("Close");

        open(robot, true);
        waitUntil(() -> robot.lookup("#plan-headline").tryQuery().isPresent() && !label(robot, "#plan-headline").isEmpty());
        assertThat(label(robot, "#plan-headline")).isEqualTo("Roll back Press line 1 (line-1): spare B, then active A");
        assertThat(robot.lookup("#plan-steps").queryAs(javafx.scene.layout.VBox.class).getChildren())
                .first().extracting(n -> ((Label) n).getText()).asString()
                .contains("back to rev " + PushFixtures.onBoxes().revision().substring(0, 12));
        robot.clickOn("#plan-confirm").write("line-1");
        robot.clickOn("#wizard-main");
        waitUntil(() -> robot.lookup("#result-headline").tryQuery().isPresent());
        assertThat(port.box(BoxId.A).revision()).isEqualTo(port.box(BoxId.B).revision())
                .isEqualTo(PushFixtures.onBoxes().revision());
        assertThat(port.actions).containsExactly("push", "rollback");
    }

    @Test
    void bySwitchoverTheResultShowsTheMeasuredDowntime(FxRobot robot) {
        walkToConfirmedPlan(robot);
        robot.clickOn("#plan-by-switchover");
        robot.clickOn("#wizard-main");
        waitUntil(() -> robot.lookup("#result-headline").tryQuery().isPresent());
        assertThat(robot.lookup("#result-steps").queryListView().getItems()).map(Object::toString)
                .containsExactly("Box B: deployed (nodes, 40 ms), rev " + PushFixtures.onBoxes().revision().substring(0, 12)
                        + " -> " + PushFixtures.edited().revision().substring(0, 12) + " verified",
                        "Switched over to B: measured downtime 287 ms",
                        "Box A: deployed (nodes, 40 ms), rev " + PushFixtures.onBoxes().revision().substring(0, 12)
                        + " -> " + PushFixtures.edited().revision().substring(0, 12) + " verified");
        assertThat(label(robot, "#result-downtime")).isEqualTo("Downtime (no box running flows during the switchover): 287 ms");
        assertThat(port.actions).containsExactly("push-by-switchover");
        assertThat(port.role(BoxId.B)).isEqualTo(io.redpair.pair.Role.ACTIVE);
        assertThat(port.box(BoxId.A).revision()).isEqualTo(port.box(BoxId.B).revision());
    }

    @Test
    void theLintWindowChecksAFileOnItsOwn(FxRobot robot) {
        robot.interact(() -> LintWindow.open(null, port, FxExecutor.INSTANCE));
        robot.interact(() -> robot.lookup("#lint-source").queryAs(TextField.class).setText(SOURCE));
        robot.clickOn("#lint-check");
        waitUntil(() -> !robot.lookup("#lint-table").queryTableView().getItems().isEmpty());
        assertThat(label(robot, "#lint-headline")).matches("\\d+ errors?, \\d+ warnings?, \\d+ info");
        robot.interact(() -> robot.lookup("#lint-source").queryAs(TextField.class).setText("/nowhere.json"));
        robot.clickOn("#lint-check");
        waitUntil(() -> label(robot, "#lint-status").contains("no such file"));
    }

    private void walkToConfirmedPlan(FxRobot robot) {
        open(robot, false);
        robot.interact(() -> robot.lookup("#push-source").queryAs(TextField.class).setText(SOURCE));
        robot.clickOn("#wizard-main");
        waitUntil(() -> robot.lookup("#lint-table").tryQuery().isPresent() && !main(robot).isDisabled());
        robot.clickOn("#wizard-main");
        robot.clickOn("#wizard-main");
        robot.clickOn("#plan-confirm").write("line-1");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Button main(FxRobot robot) {
        return robot.lookup("#wizard-main").queryButton();
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static List<String> progressLines(FxRobot robot) {
        return List.copyOf(robot.lookup("#push-progress").queryAs(ListView.class).getItems());
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
    }
}
