package io.redpair.ui.check;

import io.redpair.arbiter.Selection;
import io.redpair.check.ArbiterProbe;
import io.redpair.check.CheckReport;
import io.redpair.check.CommissioningCheck;
import io.redpair.lab.LabPair;
import io.redpair.pair.Pair;
import io.redpair.store.SecretResolver;
import io.redpair.store.SiteFile;
import io.redpair.supervisor.LinkArbiterPort;
import io.redpair.supervisor.NodeRedBoxPort;
import io.redpair.ui.FxExecutor;
import io.redpair.ui.Styles;
import io.redpair.ui.Theme;
import io.redpair.ui.ThemeSwitcher;
import io.redpair.ui.site.OwnSupervisorConnection;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Not a test: starts a lab pair supervised as the console does (the arbiter's outputs selected for the active A),
 * runs the commissioning check on it, arbiter items included, and shows the result, for the screenshot in
 * docs/screenshots/commissioning-check.png (run under Xvfb from the test class path). The lab stops on exit.
 */
public final class CheckPreview extends Application {

    private volatile LabPair lab;
    private volatile OwnSupervisorConnection supervisor;

    /** Launcher for the class path (a main class extending Application needs JavaFX on the module path). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(CheckPreview.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        ThemeSwitcher.apply(Theme.LIGHT);
        CheckView view = new CheckView();
        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(Styles.URL);
        stage.setTitle("RedPair - commissioning check");
        stage.setScene(scene);
        stage.show();
        view.running("lab");
        CompletableFuture.supplyAsync(this::check).whenCompleteAsync((report, failure) -> {
            if (failure != null) {
                view.failed(failure.getMessage());
            } else {
                view.show(report);
            }
        }, FxExecutor.INSTANCE);
    }

    private CheckReport check() {
        try {
            lab = LabPair.start(Files.createTempDirectory("redpair-check-preview").resolve("lab"), System.out::println);
            LabPair running = lab;
            supervisor = OwnSupervisorConnection.open(running.siteFile(), p -> new LinkArbiterPort(running.arbiterLink()));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (running.arbiter().selected() != Selection.A && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1500); // let the canary tick and both heartbeat lines pulse, as on a settled site
            Pair pair = SiteFile.load(running.siteFile()).pairs().get(0);
            SecretResolver secrets = new SecretResolver();
            return new CommissioningCheck(box -> NodeRedBoxPort.endpoint(pair, box, secrets),
                    ArbiterProbe.held(running.arbiterLink(), 3000)).run(pair);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    @Override
    public void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
        if (lab != null) {
            lab.close();
        }
    }
}
