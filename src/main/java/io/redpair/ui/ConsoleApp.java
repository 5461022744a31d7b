package io.redpair.ui;

import io.redpair.lab.LabPair;
import io.redpair.ui.dashboard.Dashboard;
import io.redpair.ui.lab.LabSession;
import io.redpair.ui.dashboard.DesktopNotifier;
import io.redpair.ui.dashboard.ToastLayer;
import io.redpair.ui.site.SiteConnections;
import io.redpair.ui.site.SiteConnection;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    private static volatile boolean readOnly;

    /** Starts the toolkit and blocks until the last window closes; {@code watchOnly}: a read-only observer. */
    public static void launchAndWait(Path site, boolean watchOnly) {
        sitePath = site;
        readOnly = watchOnly;
        Application.launch(ConsoleApp.class);
    }

    @Override
    public void start(Stage stage) {
        Preferences prefs = Theme.userNode();
        Theme theme = Theme.parse(System.getProperty("redpair.theme")).orElseGet(() -> Theme.load(prefs));
        ThemeSwitcher.apply(theme);
        String version = ConsoleApp.class.getPackage().getImplementationVersion();
        MainWindow window = new MainWindow(sitePath, theme, prefs, "RedPair " + (version == null ? "dev" : version));
        LabSession lab = sitePath == null ? new LabSession(window, LabPair.defaultDir()) : null;
        Scene scene = new Scene(lab == null ? window.root() : lab.root(), 1280, 800);
        scene.getStylesheets().add(Styles.URL);
        stage.setTitle(sitePath == null ? "RedPair - lab pair" : "RedPair - " + sitePath.getFileName()
                + (readOnly ? " - READ-ONLY" : ""));
        stage.getIcons().setAll(Icons.windowIcons());
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.setScene(scene);
        stage.show();
        if (sitePath != null) {
            connect(window, stage, sitePath);
        } else { // no site: the lab pair on this computer (docs/lab.md)
            stage.setOnHidden(e -> lab.close());
            lab.start();
        }
    }

    /**
     * Takes the site off the JavaFX thread (lock, journal, supervisor), then shows it live. The connection is
     * closed when the window closes. Attaching to a running headless supervisor plugs in here as another
     * {@link SiteConnection}.
     */
    private static void connect(MainWindow window, Stage stage, Path site) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return readOnly ? SiteConnections.openReadOnly(site) : SiteConnections.open(site);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }).whenCompleteAsync((connection, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                window.statusBar().problem("Cannot supervise the site: " + cause.getMessage());
                return;
            }
            Dashboard dashboard = new Dashboard(window, connection, FxExecutor.INSTANCE, ZoneId.systemDefault(),
                    new DesktopNotifier(new ToastLayer(window.overlay()))).start();
            stage.setOnHidden(e -> {
                dashboard.close();
                connection.close();
            });
        }, FxExecutor.INSTANCE);
    }
}
