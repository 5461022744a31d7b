package io.redpair.ui.check;

import io.redpair.check.CheckReport;
import io.redpair.check.CommissioningCheck;
import io.redpair.lab.LabPair;
import io.redpair.pair.Pair;
import io.redpair.store.SecretResolver;
import io.redpair.store.SiteFile;
import io.redpair.supervisor.NodeRedBoxPort;
import io.redpair.ui.Styles;
import io.redpair.ui.Theme;
import io.redpair.ui.ThemeSwitcher;
import java.nio.file.Files;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Not a test: starts a lab pair, runs the commissioning check on it and shows the result, for the screenshot in
 * docs/screenshots/commissioning-check.png (run under Xvfb from the test class path). The lab stops on exit.
 */
public final class CheckPreview extends Application {

    private LabPair lab;

    /** Launcher for the class path (a main class extending Application needs JavaFX on the module path). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(CheckPreview.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        ThemeSwitcher.apply(Theme.LIGHT);
        lab = LabPair.start(Files.createTempDirectory("redpair-check-preview"), System.out::println);
        Pair pair = SiteFile.load(lab.siteFile()).pairs().get(0);
        SecretResolver secrets = new SecretResolver();
        CheckReport report = new CommissioningCheck(box -> NodeRedBoxPort.endpoint(pair, box, secrets)).run(pair);
        CheckView view = new CheckView();
        view.show(report);
        Scene scene = new Scene(view.root(), 1100, 720);
        scene.getStylesheets().add(Styles.URL);
        stage.setTitle("RedPair - commissioning check");
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        lab.close();
    }
}
