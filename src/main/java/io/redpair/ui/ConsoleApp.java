package io.redpair.ui;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: applies the remembered theme, opens the main window with the app icon.
 * {@code -Dredpair.theme=light|dark} overrides the remembered theme for one run (screenshots) without
 * storing it.
 */
public final class ConsoleApp extends Application {

    private static volatile Path sitePath;

    /** Starts the toolkit and blocks until the last window closes. */
    public static void launchAndWait(Path site) {
        sitePath = site;
        Application.launch(ConsoleApp.class);
    }

    @Override
    public void start(Stage stage) {
        Preferences prefs = Theme.userNode();
        Theme theme = Theme.parse(System.getProperty("redpair.theme")).orElseGet(() -> Theme.load(prefs));
        ThemeSwitcher.apply(theme);
        String version = ConsoleApp.class.getPackage().getImplementationVersion();
        MainWindow window = new MainWindow(sitePath, theme, prefs, "RedPair " + (version == null ? "dev" : version));
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(Styles.URL);
        stage.setTitle(sitePath == null ? "RedPair" : "RedPair - " + sitePath.getFileName());
        stage.getIcons().setAll(Icons.windowIcons());
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.setScene(scene);
        stage.show();
    }
}
