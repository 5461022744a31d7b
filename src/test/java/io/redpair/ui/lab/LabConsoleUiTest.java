package io.redpair.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.ui.MainWindow;
import io.redpair.ui.Styles;
import io.redpair.ui.Theme;
import io.redpair.ui.ThemeSwitcher;
import io.redpair.ui.pair.TimelineEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first-run console on a real lab pair, headless (Monocle): it starts the lab, shows Protected, and after
 * "Kill A" the banner and the timeline show the failover to B, including the arbiter moving the outputs to B.
 */
@ExtendWith(ApplicationExtension.class)
class LabConsoleUiTest {

    private final Preferences prefs = Preferences.userRoot().node("io/redpair/test/" + UUID.randomUUID());
    private LabSession session;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        ThemeSwitcher.apply(Theme.LIGHT);
        dir = Files.createTempDirectory("redpair-lab-ui");
        MainWindow window = new MainWindow(null, Theme.LIGHT, prefs, "RedPair test");
        session = new LabSession(window, dir.resolve("lab"));
        Scene scene = new Scene(session.root(), 1280, 800);
        scene.getStylesheets().add(Styles.URL);
        stage.setScene(scene);
        stage.show();
        session.start();
    }

    @AfterEach
    void stopTheLab() throws BackingStoreException {
        session.close();
        prefs.removeNode();
    }

    @Test
    void startsProtectedAndShowsTheFailoverAfterKillA(FxRobot robot) throws Exception {
        awaitFx(robot, () -> !robot.lookup("#lab-kill-a").queryAs(Button.class).isDisabled(), 90, "lab started");
        awaitFx(robot, () -> headline(robot).startsWith("Protected"), 30, "Protected");

        robot.clickOn("#lab-check");
        awaitFx(robot, () -> robot.lookup("#check-summary").tryQueryAs(Label.class)
                .map(l -> l.getText().contains(" pass ")).orElse(false), 30, "the commissioning check finished");
        String summary = robot.lookup("#check-summary").queryAs(Label.class).getText();
        assertThat(summary).as("the check of a protected lab pair, arbiter read through the console's session")
                .startsWith("No failures").contains(" 0 fail");
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("armable", "heartbeat-line", "selection");
        robot.interact(() -> robot.lookup("#check-summary").queryAs(Label.class).getScene().getWindow().hide());

        robot.clickOn("#lab-kill-a");

        awaitFx(robot, () -> timeline(robot).stream().anyMatch(l -> l.contains("Failing over (active A")), 30,
                "the failover start in the timeline");
        awaitFx(robot, () -> timeline(robot).stream().anyMatch(l -> l.contains("(active B, epoch 1)")), 30,
                "B active in the timeline");
        awaitFx(robot, () -> headline(robot).startsWith("Unprotected"), 10, "banner: Unprotected (A is down)");
        awaitFx(robot, () -> timeline(robot).stream().anyMatch(l -> l.contains("B's outputs selected")), 10,
                "the arbiter moved the field I/O to B (lab fencing: arbiter)");
        awaitFx(robot, () -> timeline(robot).stream().anyMatch(l -> l.matches(".*took \\d+ ms.*")), 10,
                "the measured takeover time in the timeline");
        System.out.println("lab console after kill A: " + headline(robot) + " / " + timeline(robot));
    }

    private static String headline(FxRobot robot) {
        return robot.lookup("#banner-headline").tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> timeline(FxRobot robot) {
        return robot.lookup("#timeline").tryQueryAs(ListView.class)
                .map(l -> ((ListView<TimelineEntry>) l).getItems().stream().map(TimelineEntry::line).toList())
                .orElse(java.util.List.of());
    }

    private static void awaitFx(FxRobot robot, BooleanSupplier condition, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            boolean[] ok = new boolean[1];
            robot.interact(() -> ok[0] = condition.getAsBoolean());
            if (ok[0]) {
                return;
            }
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("not " + what + " within " + seconds + " s");
    }
}
