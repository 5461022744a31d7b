package io.redpair.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import io.redpair.failover.Mode;
import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless (Monocle): the shell shows the site, the pairs with badges, file errors, and switches theme. */
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {

    private final Preferences prefs = Preferences.userRoot().node("io/redpair/test/" + UUID.randomUUID());
    private MainWindow window;

    @Start
    void start(Stage stage) {
        ThemeSwitcher.apply(Theme.LIGHT);
        window = new MainWindow(Path.of("hall-b.json"), Theme.LIGHT, prefs, "RedPair test");
        Scene scene = new Scene(window.root(), 1000, 640);
        scene.getStylesheets().add(Styles.URL);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void forgetPreferencesAndTheme(FxRobot robot) throws BackingStoreException {
        prefs.removeNode();
        robot.interact(() -> ThemeSwitcher.apply(Theme.LIGHT)); // the style sheet is global to the JVM
    }

    @Test
    void showsTheOpenSiteInTheSidebar(FxRobot robot) {
        assertThat(robot.lookup("#title").queryAs(Label.class).getText()).isEqualTo("RedPair");
        assertThat(robot.lookup("#site-label").queryAs(Label.class).getText()).isEqualTo("Site: hall-b.json");
    }

    @Test
    void aSiteFileThatCannotBeReadIsReportedInTheStatusBarWithItsName(FxRobot robot) throws Exception {
        Label message = robot.lookup("#status-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Cannot open"));
        assertThat(message.getText()).contains("hall-b.json");
        assertThat(message.getStyleClass()).contains("danger");
    }

    @Test
    void publishedPairsAppearWithTheirBadgeAndSelectingOneShowsIt(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#empty-title").queryAs(Label.class).getText()).isEqualTo("No pairs");
        window.publish(List.of(new PairRow(pair("line-1", "Filling line 1"), Mode.PROTECTED),
                new PairRow(pair("line-2", "Packing"), Mode.OPERATOR_NEEDED)));
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#pair-list").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(2);
        assertThat(robot.lookup("#empty-title").queryAs(Label.class).getText()).isEqualTo("No pair selected");
        assertThat(robot.lookup(".status-badge.level-ok").queryAs(Label.class).getText()).isEqualTo("Protected");
        assertThat(robot.lookup(".status-badge.level-alarm").queryAs(Label.class).getText())
                .isEqualTo("Operator needed");

        robot.interact(() -> list.getSelectionModel().select(1));
        assertThat(robot.lookup("#pair-title").queryAs(Label.class).getText()).isEqualTo("Packing");
        assertThat(robot.lookup("#empty-state").tryQuery()).isEmpty();

        window.publish(List.of(new PairRow(pair("line-1", "Filling line 1"), Mode.FAILING_OVER),
                new PairRow(pair("line-2", "Packing"), Mode.OPERATOR_NEEDED)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".status-badge.level-ok").tryQuery()).isEmpty();
        assertThat(robot.lookup(".status-badge.level-busy").queryAs(Label.class).getText()).isEqualTo("Failing over");
        assertThat(list.getSelectionModel().getSelectedIndex()).as("selection kept across updates").isEqualTo(1);
    }

    @Test
    void theThemeToggleSwitchesToDarkAndRemembersIt(FxRobot robot) {
        robot.clickOn("#theme-toggle");
        assertThat(robot.lookup("#theme-toggle").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(Theme.load(prefs)).isEqualTo(Theme.DARK);
    }

    private static Pair pair(String id, String name) {
        BoxConfig a = new BoxConfig(URI.create("http://10.0.0.11:1880"), AuthRef.none(), null);
        BoxConfig b = new BoxConfig(URI.create("http://10.0.0.12:1880"), AuthRef.none(), null);
        return new Pair(id, name, Map.of(BoxId.A, a, BoxId.B, b), BoxId.A, "/redpair/heartbeat", null,
                Policy.defaults());
    }

    @Test
    void aLongPairNameWrapsInsteadOfBeingCutAndTheSidebarCanBeWidened(FxRobot robot) {
        String longName = "Filling line 1, north hall: bottling, capping and labelling";
        window.publish(List.of(new PairRow(pair("line-1", longName), Mode.PROTECTED)));
        WaitForAsyncUtils.waitForFxEvents();
        Label name = robot.lookup(".pair-cell .text-bold").queryAs(Label.class);
        assertThat(name.getText()).isEqualTo(longName);
        assertThat(name.getHeight()).as("two lines, not an ellipsis (name " + name.getWidth() + " px wide)").isGreaterThan(1.5 * name.getFont().getSize() * 1.2);
        javafx.scene.control.SplitPane split = robot.lookup("#sidebar-split").queryAs(javafx.scene.control.SplitPane.class);
        robot.interact(() -> split.setDividerPositions(0.45));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".sidebar").queryAs(javafx.scene.layout.Region.class).getWidth()).isGreaterThan(400);
    }
}
