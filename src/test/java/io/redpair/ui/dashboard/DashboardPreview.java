package io.redpair.ui.dashboard;

import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.Selection;
import io.redpair.pair.BoxId;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.SupervisorEvent;
import io.redpair.ui.FxExecutor;
import io.redpair.ui.MainWindow;
import io.redpair.ui.Styles;
import io.redpair.ui.Theme;
import io.redpair.ui.ThemeSwitcher;
import io.redpair.ui.fake.FakeSiteConnection;
import io.redpair.ui.fake.Snapshots;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.prefs.Preferences;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Not a test: the dashboard on a realistic fake site (five pairs, three minutes of history, then 4 Hz), for
 * screenshots under Xvfb. {@code -Dpreview.scenario=protected|failing-over|operator-needed},
 * {@code -Dredpair.theme=dark}. Run with JavaFX on the class path (see docs/console.md).
 */
public final class DashboardPreview extends Application {

    private final Random jitter = new Random(7);

    @Override
    public void start(Stage stage) {
        Theme theme = Theme.parse(System.getProperty("redpair.theme")).orElse(Theme.LIGHT);
        ThemeSwitcher.apply(theme);
        FakeSiteConnection site = new FakeSiteConnection(Snapshots.site(5));
        site.reportArbiter(new ArbiterStatus(ArbiterStatus.ArmState.ARMED, Selection.A, ArbiterStatus.RelayFeedback.A,
                false, false, true, true, 130, 140, 4_350, 8, false, 0));
        MainWindow window = new MainWindow(null, theme, Preferences.userRoot().node("io/redpair/preview"), "RedPair preview");
        Dashboard dashboard = new Dashboard(window, site, FxExecutor.INSTANCE, ZoneId.systemDefault(), (p, b) -> { })
                .start();
        Scene scene = new Scene(window.root(), 1600, 1000);
        scene.getStylesheets().add(Styles.URL);
        stage.setTitle("RedPair - Hall B");
        stage.setScene(scene);
        stage.show();
        String scenario = System.getProperty("preview.scenario", "protected");
        Instant now = Instant.now();
        for (int i = 720; i > 0; i--) {
            dashboard.apply(snapshot(scenario, now.minusMillis(250L * i), now, i));
        }
        Timeline ticks = new Timeline(new KeyFrame(Duration.millis(250),
                e -> site.publish(snapshot(scenario, Instant.now(), now, 0))));
        ticks.setCycleCount(Timeline.INDEFINITE);
        ticks.play();
        javafx.application.Platform.runLater(() -> ((javafx.scene.control.ListView<?>) scene.lookup(".list-view"))
                .getSelectionModel().select(0));
    }

    /** Before {@code incident} (i > 8) everything is healthy; the scenario shows in the last two seconds. */
    private SiteSnapshot snapshot(String scenario, Instant at, Instant incident, int stepsBefore) {
        List<PairSnapshot> pairs = new ArrayList<>();
        String[] names = {"Press line 1", "Paint shop", "Packaging", "Boiler house", "Warehouse conveyors"};
        for (int i = 0; i < names.length; i++) {
            String id = "line-" + (i + 1);
            PairSnapshot p = Snapshots.protectedPair(id, names[i], List.of(new SupervisorEvent.StateChanged(
                    incident.minusSeconds(3600), id, io.redpair.failover.Mode.STARTING, io.redpair.failover.Mode.PROTECTED,
                    BoxId.A, 7, io.redpair.failover.FailoverStep.NONE, null, "A runs flows, B stands by")));
            if (i == 0 && stepsBefore <= 8 && !scenario.equals("protected")) {
                Instant t0 = incident.minusMillis(1500);
                List<SupervisorEvent> story = Snapshots.failoverStory(id, t0, false);
                p = scenario.equals("failing-over") ? Snapshots.failingOver(id, names[i], story)
                        : Snapshots.operatorNeeded(id, names[i], operatorStory(id, t0));
            } else if (i == 3) {
                p = Snapshots.operatorNeeded(id, names[i], List.of());
            }
            pairs.add(jittered(p));
        }
        return new SiteSnapshot("Hall B", at, true, pairs);
    }

    private PairSnapshot jittered(PairSnapshot p) {
        Map<BoxId, io.redpair.supervisor.BoxSnapshot> boxes = new java.util.EnumMap<>(BoxId.class);
        p.boxes().forEach((id, b) -> boxes.put(id, new io.redpair.supervisor.BoxSnapshot(id, b.url(), b.condition(),
                b.detail(), b.apiLatencyMs() < 0 ? -1 : b.apiLatencyMs() + jitter.nextInt(9),
                b.canaryLatencyMs() < 0 ? -1 : b.canaryLatencyMs() + jitter.nextInt(12), b.heartbeatAgeMs(), b.phi(),
                b.missed(), b.lastApi(), b.lastCanary())));
        return new PairSnapshot(p.pairId(), p.name(), p.mode(), p.active(), p.epoch(), p.reason(), p.step(), p.target(),
                p.canary(), p.suppressed(), boxes, p.timeline());
    }

    private static List<SupervisorEvent> operatorStory(String id, Instant t0) {
        return List.of(new SupervisorEvent.BoxConditionChanged(t0, id, BoxId.A, io.redpair.pair.BoxCondition.RUNNING_FLOWS,
                        io.redpair.pair.BoxCondition.UNREACHABLE, "stopped answering: 4 heartbeats missed (1.0 s)"),
                new SupervisorEvent.StateChanged(t0.plusMillis(2), id, io.redpair.failover.Mode.PROTECTED,
                        io.redpair.failover.Mode.OPERATOR_NEEDED, BoxId.A, 8, io.redpair.failover.FailoverStep.NONE, null,
                        "A cannot be seen and its stop is not confirmed; RedPair will not start B on its own"),
                new SupervisorEvent.Alarmed(t0.plusMillis(3), id, 8,
                        "Press line 1: A unreachable, stop not confirmed. Check A at the machine, then use the override"));
    }

    public static void main(String[] args) {
        launch(args);
    }
}
