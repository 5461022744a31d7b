package io.redpair.ui.dashboard;

import io.redpair.arbiter.ArbiterStatus;
import io.redpair.supervisor.ArbiterSnapshot;
import io.redpair.supervisor.FlowsDrift;
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
 * screenshots under Xvfb. {@code -Dpreview.scenario=protected|failing-over|operator-needed|drift},
 * {@code -Dredpair.theme=dark}. Run with JavaFX on the class path (see docs/console.md).
 */
public final class DashboardPreview extends Application {

    private final Random jitter = new Random(7);

    @Override
    public void start(Stage stage) {
        Theme theme = Theme.parse(System.getProperty("redpair.theme")).orElse(Theme.LIGHT);
        ThemeSwitcher.apply(theme);
        FakeSiteConnection site = new FakeSiteConnection(Snapshots.site(5));
        MainWindow window = new MainWindow(null, theme, Preferences.userRoot().node("io/redpair/preview"), "RedPair preview");
        Dashboard dashboard = new Dashboard(window, site, FxExecutor.INSTANCE, ZoneId.systemDefault(), (p, b) -> { })
                .start();
        Scene scene = new Scene(window.root(), Integer.getInteger("preview.width", 1280), Integer.getInteger("preview.height", 800));
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
            if (i == 0 && stepsBefore <= 8 && !scenario.equals("protected") && !scenario.equals("drift")) {
                Instant t0 = incident.minusMillis(1500);
                List<SupervisorEvent> story = Snapshots.failoverStory(id, t0, false);
                p = scenario.equals("failing-over") ? Snapshots.failingOver(id, names[i], story)
                        : Snapshots.operatorNeeded(id, names[i], operatorStory(id, t0));
            } else if (i == 3) {
                p = Snapshots.operatorNeeded(id, names[i], List.of());
            }
            if (i == 0 && scenario.equals("drift")) {
                List<SupervisorEvent> t = new ArrayList<>(p.timeline());
                t.add(new SupervisorEvent.Noted(incident.minusSeconds(95), id, 7, "flows-drift", "Flows differ: A rev "
                        + FlowsDrift.shortRev(Snapshots.rev("3f9c2a71")) + ", B rev " + FlowsDrift.shortRev(Snapshots.rev("b7e0415d"))));
                p = p.withTimeline(t);
            }
            pairs.add(jittered(withFlowsAndArbiter(p, i == 1 || (i == 0 && scenario.equals("drift")), stepsBefore)));
        }
        return new SiteSnapshot("Hall B", at, true, pairs);
    }

    /** Every pair read its versions and revisions; {@code drifted} ones differ; line-1 has its arbiter view. */
    private PairSnapshot withFlowsAndArbiter(PairSnapshot p, boolean drifted, int stepsBefore) {
        String rev = Snapshots.rev("3f9c2a71");
        PairSnapshot out = drifted
                ? Snapshots.withFlows(p, rev, Snapshots.rev("b7e0415d"), FlowsDrift.State.DIFFER)
                : Snapshots.withFlows(p, rev, rev, FlowsDrift.State.MATCH);
        if (!p.pairId().equals("line-1")) {
            return out;
        }
        ArbiterStatus s = Snapshots.arbiterStatus(p.epoch());
        ArbiterStatus beating = new ArbiterStatus(s.state(), s.selected(), s.feedback(), s.fencedA(), s.fencedB(),
                s.poweredA(), s.poweredB(), 40 + jitter.nextInt(210), 40 + jitter.nextInt(210),
                3_750 - (stepsBefore % 5) * 250, s.epoch(), false, 0);
        return Snapshots.withArbiter(out, new ArbiterSnapshot(true, "up on /dev/ttyUSB0 (serial WDA-00417)", beating, 380));
    }

    private PairSnapshot jittered(PairSnapshot p) {
        Map<BoxId, io.redpair.supervisor.BoxSnapshot> boxes = new java.util.EnumMap<>(BoxId.class);
        p.boxes().forEach((id, b) -> boxes.put(id, new io.redpair.supervisor.BoxSnapshot(id, b.url(), b.condition(),
                b.detail(), b.apiLatencyMs() < 0 ? -1 : b.apiLatencyMs() + jitter.nextInt(9),
                b.canaryLatencyMs() < 0 ? -1 : b.canaryLatencyMs() + jitter.nextInt(12), b.heartbeatAgeMs(), b.phi(),
                b.missed(), b.lastApi(), b.lastCanary(), b.nodeRedVersion(), b.flowsRev(), b.factsAgeMs())));
        return new PairSnapshot(p.pairId(), p.name(), p.mode(), p.active(), p.epoch(), p.reason(), p.step(), p.target(),
                p.canary(), p.suppressed(), boxes, p.timeline(), p.fencing(), p.drift(), p.arbiter());
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
