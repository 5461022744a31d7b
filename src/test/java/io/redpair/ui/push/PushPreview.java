package io.redpair.ui.push;

import io.redpair.pair.BoxId;
import io.redpair.ui.FxExecutor;
import io.redpair.ui.Theme;
import io.redpair.ui.ThemeSwitcher;
import io.redpair.ui.fake.FakePushPort;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Not a test: the push wizard on an in-memory pair, walked to one page for screenshots under Xvfb.
 * {@code -Dpreview.page=source|lint|diff|plan|result|switchover|stopped|rollback|lint-window},
 * {@code -Dredpair.theme=dark}. Run with JavaFX on the class path (see docs/console.md).
 */
public final class PushPreview extends Application {

    private static final String SOURCE = "/plant/exports/line-control.json";

    @Override
    public void start(Stage ignored) {
        ThemeSwitcher.apply(Theme.parse(System.getProperty("redpair.theme")).orElse(Theme.LIGHT));
        String page = System.getProperty("preview.page", "lint");
        FakePushPort port = PushFixtures.port();
        if (page.equals("lint-window")) {
            LintWindow.open(null, port, FxExecutor.INSTANCE);
            steps(() -> ((TextField) find("#lint-source")).setText(SOURCE), () -> fire("#lint-check"),
                    () -> ((TableView<?>) find("#lint-table")).getSelectionModel().select(1));
            return;
        }
        if (page.equals("stopped") || page.equals("rollback")) {
            port.failAt(BoxId.A);
        }
        PushWizard.open(null, port, "line-1", "Press line 1", false, () -> new PushAvailability(true, ""),
                SwitchoverApproval.NONE, FxExecutor.INSTANCE, s -> { });
        List<String> order = List.of("source", "lint", "diff", "plan", "result");
        int upTo = page.equals("switchover") || page.equals("stopped") || page.equals("rollback") ? 4 : order.indexOf(page);
        Runnable[] walk = {
            () -> ((TextField) find("#push-source")).setText(SOURCE),
            () -> fire("#wizard-main"),
            () -> ((TableView<?>) find("#lint-table")).getSelectionModel().select(0),
            () -> fire("#wizard-main"),
            () -> fire("#wizard-main"),
            () -> {
                ((TextField) find("#plan-confirm")).setText("line-1");
                if (page.equals("switchover")) {
                    ((RadioButton) find("#plan-by-switchover")).setSelected(true);
                }
            },
            () -> fire("#wizard-main"),
            () -> {
                if (page.equals("rollback")) {
                    fire("#wizard-main");
                    PushWizard.open(null, port, "line-1", "Press line 1", true, () -> new PushAvailability(true, ""),
                            SwitchoverApproval.NONE, FxExecutor.INSTANCE, s -> { });
                }
            },
        };
        int[] count = {1, 3, 4, 6, 7};
        int n = upTo < 0 ? 0 : page.equals("rollback") ? walk.length : count[upTo];
        steps(java.util.Arrays.copyOf(walk, n));
    }

    private static void steps(Runnable... steps) {
        Timeline t = new Timeline();
        for (int i = 0; i < steps.length; i++) {
            Runnable step = steps[i];
            t.getKeyFrames().add(new KeyFrame(Duration.millis(700L * (i + 1)), e -> step.run()));
        }
        t.play();
    }

    private static Node find(String id) {
        for (Window w : Window.getWindows()) {
            Node n = w.getScene().lookup(id);
            if (n != null) {
                return n;
            }
        }
        throw new IllegalStateException("no " + id);
    }

    private static void fire(String id) {
        ((Button) find(id)).fire();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
