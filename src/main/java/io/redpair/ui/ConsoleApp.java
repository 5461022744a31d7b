package io.redpair.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: sets the theme and opens the main window. */
public final class ConsoleApp extends Application {

    private static volatile Path sitePath;

    /** Starts the toolkit and blocks until the last window closes. */
    public static void launchAndWait(Path site) {
        sitePath = site;
        Application.launch(ConsoleApp.class);
    }

    @Override
    public void start(Stage stage) {
        boolean dark = "dark".equalsIgnoreCase(System.getProperty("redpair.theme", System.getenv("REDPAIR_THEME")));
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        MainWindow window = new MainWindow(sitePath);
        stage.setTitle("RedPair");
        stage.setScene(new Scene(window.root(), 1280, 800));
        stage.show();
    }
}
