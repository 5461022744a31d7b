package io.redpair.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.ui.PairBadge;
import io.redpair.ui.Styles;
import io.redpair.ui.Theme;
import io.redpair.ui.ThemeSwitcher;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless (Monocle): notifications are nodes of the window's own scene (no separate transparent popup window,
 * which Xvfb without a compositor paints black), opaque, an alarm stays until closed, others fade, at most four.
 */
@ExtendWith(ApplicationExtension.class)
class ToastLayerUiTest {

    private ToastLayer toasts;
    private Button underneath;

    @Start
    void start(Stage stage) {
        ThemeSwitcher.apply(Theme.LIGHT);
        underneath = new Button("content");
        underneath.setId("content-button");
        StackPane overlay = new StackPane();
        overlay.setPickOnBounds(false);
        toasts = new ToastLayer(overlay);
        Scene scene = new Scene(new StackPane(underneath, overlay), 900, 600);
        scene.getStylesheets().add(Styles.URL);
        stage.setScene(scene);
        stage.show();
    }

    private VBox stack(FxRobot robot) {
        return robot.lookup("#toasts").queryAs(VBox.class);
    }

    @Test
    void anAlarmStaysInTheWindowUntilClosed(FxRobot robot) throws Exception {
        robot.interact(() -> toasts.show("line1", PairBadge.Level.ALARM, "Line 1: Operator needed", "fence not confirmed", null));
        VBox toast = (VBox) stack(robot).getChildren().get(0);
        assertThat(toast.getScene()).as("part of the window's scene, not a popup window").isSameAs(underneath.getScene());
        assertThat(toast.getStyleClass()).contains("toast", "level-alarm");
        assertThat(robot.lookup(".toast-title").queryAs(Label.class).getText()).isEqualTo("Line 1: Operator needed");
        assertThat(toast.getBackground()).as("opaque background (the CSS applied)").isNotNull();
        robot.clickOn(".toast-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stack(robot).getChildren()).isEmpty();
    }

    @Test
    void anInformationFadesByItselfAndClicksPassBesideTheToasts(FxRobot robot) throws Exception {
        robot.interact(() -> toasts.show("line1", PairBadge.Level.OK, "Line 1: Protected", "A runs flows", Duration.millis(200)));
        assertThat(stack(robot).getChildren()).hasSize(1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stack(robot).getChildren().isEmpty());
        int[] clicks = new int[1];
        robot.interact(() -> underneath.setOnAction(e -> clicks[0]++));
        robot.clickOn("#content-button");
        assertThat(clicks[0]).as("the overlay lets clicks through").isEqualTo(1);
    }

    @Test
    void aPairsNewerStateReplacesItsOlderToastInPlace(FxRobot robot) {
        robot.interact(() -> {
            toasts.show("line1", PairBadge.Level.WARNING, "Line 1: Suspect", "A is hung", null);
            toasts.show("line2", PairBadge.Level.OK, "Line 2: Protected", "A runs flows", null);
            toasts.show("line1", PairBadge.Level.BUSY, "Line 1: Failing over to B", "fencing A", null);
        });
        assertThat(robot.lookup(".toast-title").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Line 1: Failing over to B", "Line 2: Protected");
    }

    @Test
    void atMostFourAreShownTheOldestGoesFirst(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 1; i <= 6; i++) {
                toasts.show("pair" + i, PairBadge.Level.WARNING, "change " + i, "detail", null);
            }
        });
        assertThat(stack(robot).getChildren()).hasSize(ToastLayer.MAX_SHOWN);
        assertThat(robot.lookup(".toast-title").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactlyInAnyOrder("change 3", "change 4", "change 5", "change 6");
    }
}
