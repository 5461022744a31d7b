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
 * it presses "Kill A" after N ms ({@code hangAfterMs}: "Hang A"), for the failover screenshot under Xvfb
 * (docs/screenshots/lab-failover.png).
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
        pressLater(scene, "#lab-kill-a", Long.getLong("redpair.preview.killAfterMs", -1));
        pressLater(scene, "#lab-hang-a", Long.getLong("redpair.preview.hangAfterMs", -1));
        // e.g. -Dredpair.preview.press=#filter-commands@24000,#filter-boxes@24000 (timeline filters for a screenshot)
        for (String press : System.getProperty("redpair.preview.press", "").split(",")) {
            if (press.contains("@")) {
                pressLater(scene, press.substring(0, press.indexOf('@')), Long.parseLong(press.substring(press.indexOf('@') + 1)));
            }
        }
    }

    /** Presses a lab button after {@code afterMs} (no-op when negative), as a trainee would. */
    private static void pressLater(Scene scene, String id, long afterMs) {
        if (afterMs <= 0) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(afterMs);
            } catch (InterruptedException e) {
                return;
            }
            Platform.runLater(() -> ((javafx.scene.control.ButtonBase) scene.lookup(id)).fire());
        });
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void stop() {
        session.close();
    }
}
