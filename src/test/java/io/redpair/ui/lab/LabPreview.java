package io.redpair.ui.lab;

import io.redpair.ui.MainWindow;
import io.redpair.ui.Styles;
import io.redpair.ui.Theme;
import io.redpair.ui.ThemeSwitcher;
import java.nio.file.Files;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;

/**
 * Not a test: the first-run console on a lab pair in a temporary directory; with {@code -Dredpair.preview.killAfterMs=N}
 * it presses "Kill A" after N ms, for the failover screenshot under Xvfb (docs/screenshots/lab-failover.png).
 */
public final class LabPreview extends Application {

    private LabSession session;

    /** Launcher for the class path. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(LabPreview.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        ThemeSwitcher.apply(Theme.LIGHT);
        MainWindow window = new MainWindow(null, Theme.LIGHT, Preferences.userRoot().node("io/redpair/preview"), "RedPair preview");
        session = new LabSession(window, Files.createTempDirectory("redpair-lab-preview").resolve("lab"));
        Scene scene = new Scene(session.root(), 1280, 800);
        scene.getStylesheets().add(Styles.URL);
        stage.setTitle("RedPair - lab pair");
        stage.setScene(scene);
        stage.show();
        session.start();
        long killAfter = Long.getLong("redpair.preview.killAfterMs", -1);
        if (killAfter > 0) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(killAfter);
                } catch (InterruptedException e) {
                    return;
                }
                Platform.runLater(() -> ((Button) scene.lookup("#lab-kill-a")).fire());
            });
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public void stop() {
        session.close();
    }
}
