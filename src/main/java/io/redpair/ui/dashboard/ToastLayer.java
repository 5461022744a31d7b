package io.redpair.ui.dashboard;

import io.redpair.ui.PairBadge;
import io.redpair.ui.pair.LevelIcons;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Notifications drawn inside the console window, stacked bottom-right above the content. They replace ControlsFX
 * {@code Notifications}, whose popup is a separate transparent window: without a compositing window manager (Xvfb,
 * many kiosk and remote-desktop setups of a control room) its transparent area is painted black. A node in the
 * window's own scene graph renders wherever the window does.
 *
 * <p>Invariants: one toast per key (a pair's newer state replaces its older toast in place: during a failover the
 * engineer reads the outcome, not a pile of steps covering the timeline); at most {@link #MAX_SHOWN} toasts at once
 * (the oldest goes first); an alarm stays until closed; the layer never takes mouse clicks outside its toasts.
 * JavaFX thread only.
 */
public final class ToastLayer {

    static final int MAX_SHOWN = 4;
    private static final String KEY = "toast-key";

    private final VBox stack = new VBox(8);

    /** Adds itself on top of {@code overlay} (the window's overlay pane). */
    public ToastLayer(Pane overlay) {
        stack.setId("toasts");
        stack.setAlignment(Pos.BOTTOM_RIGHT);
        stack.setPickOnBounds(false);
        stack.setPadding(new Insets(16, 16, 40, 16));
        stack.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(stack, Pos.BOTTOM_RIGHT);
        overlay.getChildren().add(stack);
    }

    /** {@code key}: what the toast is about (a pair id); {@code hideAfter} null: stays until closed. */
    public void show(String key, PairBadge.Level level, String title, String text, Duration hideAfter) {
        VBox toast = toast(level, title, text);
        toast.getProperties().put(KEY, key);
        int same = indexOf(key);
        if (same >= 0) {
            stack.getChildren().set(same, toast);
        } else {
            if (stack.getChildren().size() >= MAX_SHOWN) {
                stack.getChildren().remove(0);
            }
            stack.getChildren().add(toast);
        }
        if (hideAfter != null) {
            PauseTransition wait = new PauseTransition(hideAfter);
            FadeTransition fade = new FadeTransition(Duration.millis(400), toast);
            fade.setToValue(0);
            fade.setOnFinished(e -> stack.getChildren().remove(toast));
            wait.setOnFinished(e -> fade.play());
            wait.play();
        }
    }

    private int indexOf(String key) {
        for (int i = 0; i < stack.getChildren().size(); i++) {
            if (key.equals(stack.getChildren().get(i).getProperties().get(KEY))) {
                return i;
            }
        }
        return -1;
    }

    private VBox toast(PairBadge.Level level, String title, String text) {
        Label head = new Label(title, LevelIcons.icon(level, "toast-icon"));
        head.getStyleClass().addAll("toast-title", "text-bold");
        head.setWrapText(true);
        head.setMinWidth(0);
        Button close = new Button("\u2715");
        close.getStyleClass().addAll("flat", "toast-close");
        close.setAccessibleText("Close notification");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, head, spacer, close);
        top.setAlignment(Pos.TOP_LEFT);
        Label body = new Label(text);
        body.setWrapText(true);
        body.getStyleClass().add("toast-text");
        VBox toast = new VBox(4, top, body);
        toast.getStyleClass().addAll("toast", level.styleClass());
        toast.setPrefWidth(340);
        toast.setMaxWidth(340);
        close.setOnAction(e -> stack.getChildren().remove(toast));
        return toast;
    }
}
