package io.redpair.ui.lab;

import io.redpair.check.ArbiterProbe;
import io.redpair.check.CheckReport;
import io.redpair.check.CommissioningCheck;
import io.redpair.lab.LabPair;
import io.redpair.pair.Pair;
import io.redpair.store.SecretResolver;
import io.redpair.store.SiteFile;
import io.redpair.store.SiteFileException;
import io.redpair.supervisor.LinkArbiterPort;
import io.redpair.supervisor.NodeRedBoxPort;
import io.redpair.ui.Styles;
import io.redpair.ui.check.CheckView;
import io.redpair.ui.FxExecutor;
import io.redpair.ui.MainWindow;
import io.redpair.ui.dashboard.Dashboard;
import io.redpair.ui.dashboard.DesktopNotifier;
import io.redpair.ui.dashboard.ToastLayer;
import io.redpair.ui.site.OwnSupervisorConnection;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console with no site: starts the lab pair off the JavaFX thread (progress view meanwhile), supervises it
 * in this console, opens the dashboard on it, and enables the lab's fault buttons. {@link #close()} stops the
 * dashboard, the supervisor and everything the lab started, in that order.
 */
public final class LabSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LabSession.class);

    private final MainWindow window;
    private final Path dir;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "redpair-lab");
        t.setDaemon(true);
        return t;
    });
    private final LabStartView progress = new LabStartView();
    private final LabPanel panel;
    private final BorderPane root = new BorderPane();
    private volatile LabPair lab;
    private volatile OwnSupervisorConnection connection;
    private volatile Dashboard dashboard;
    private volatile boolean closed;

    public LabSession(MainWindow window, Path dir) {
        this.window = window;
        this.dir = dir;
        this.panel = new LabPanel(worker, text -> FxExecutor.INSTANCE.execute(() -> window.statusBar().info(text)));
        Button check = new Button("Commissioning check");
        check.setId("lab-check");
        check.setOnAction(e -> openCheck());
        panel.addAction(check);
        root.setTop(panel.root());
        root.setCenter(window.root());
    }

    /** The window's content with the lab panel above it: put this in the scene instead of {@code window.root()}. */
    public Parent root() {
        return root;
    }

    /** Starts the lab; returns at once (JavaFX thread). */
    public LabSession start() {
        window.showPage(progress.root());
        window.statusBar().info("Starting the lab pair ...");
        CompletableFuture.supplyAsync(this::startLab, worker).whenCompleteAsync((running, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                progress.failed(cause.getMessage());
                window.statusBar().problem("Lab pair not started: " + cause.getMessage());
                return;
            }
            if (closed) {
                return;
            }
            dashboard = new Dashboard(window, connection, FxExecutor.INSTANCE, ZoneId.systemDefault(),
                    new DesktopNotifier(new ToastLayer(window.overlay()))).start();
            window.showPage(null);
            selectTheLabPair();
            panel.attach(running);
        }, FxExecutor.INSTANCE);
        return this;
    }

    /** The lab has one pair: show it at once instead of an empty overview. */
    private void selectTheLabPair() {
        if (window.root().lookup("#pair-list") instanceof ListView<?> list) {
            list.getSelectionModel().selectFirst();
        }
    }

    /** Runs the commissioning check on the lab pair off the JavaFX thread and shows it in its own window. */
    private void openCheck() {
        LabPair running = lab;
        CheckView view = new CheckView();
        Stage stage = new Stage();
        Scene scene = new Scene(view.root(), 980, 720);
        scene.getStylesheets().add(Styles.URL);
        stage.setTitle("RedPair - commissioning check (lab)");
        stage.setScene(scene);
        stage.show();
        view.running("lab");
        CompletableFuture.supplyAsync(() -> check(running), worker).whenCompleteAsync((report, failure) -> {
            if (failure != null) {
                view.failed((failure instanceof CompletionException ? failure.getCause() : failure).getMessage());
            } else {
                view.show(report);
            }
        }, FxExecutor.INSTANCE);
    }

    /** The arbiter is read through the link this console's supervisor holds: the device allows one session. */
    private static CheckReport check(LabPair running) {
        try {
            Pair pair = SiteFile.load(running.siteFile()).pairs().get(0);
            SecretResolver secrets = new SecretResolver();
            return new CommissioningCheck(box -> NodeRedBoxPort.endpoint(pair, box, secrets),
                    ArbiterProbe.held(running.arbiterLink(), 3000)).run(pair);
        } catch (SiteFileException e) {
            throw new CompletionException(e);
        }
    }

    private LabPair startLab() {
        try {
            lab = LabPair.start(dir, line -> FxExecutor.INSTANCE.execute(() -> progress.progress(line)));
            LabPair running = lab;
            connection = OwnSupervisorConnection.open(lab.siteFile(), pair -> new LinkArbiterPort(running.arbiterLink()));
            return lab;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (dashboard != null) {
            dashboard.close();
        }
        if (connection != null) {
            connection.close();
        }
        worker.shutdownNow();
        if (lab != null) {
            lab.close();
        }
        LOG.info("lab session closed");
    }
}
