package io.redpair.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.ui.CoalescingUpdater;
import io.redpair.ui.FxExecutor;
import io.redpair.ui.MainWindow;
import io.redpair.ui.Styles;
import io.redpair.ui.Theme;
import io.redpair.ui.ThemeSwitcher;
import io.redpair.ui.fake.FakeSiteConnection;
import io.redpair.ui.fake.Snapshots;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Not part of the suite (name ends in Benchmark): 20 pairs, each probed at 4 Hz, so the supervisor publishes
 * a site snapshot 80 times a second; they go through the same latest-wins coalescer as the console into
 * {@link Dashboard#apply}, with a pair's full page on screen. Measures publish-to-rendered latency (publish
 * until the first pulse after the snapshot was applied), how long a task waits in the JavaFX queue, and
 * frame gaps. Run: {@code ./mvnw -o test -Dtest=UiResponsivenessBenchmark}; figures in docs/performance.md.
 */
@ExtendWith(ApplicationExtension.class)
class UiResponsivenessBenchmark {

    private static final int PAIRS = 20;
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);

    private final FakeSiteConnection site = new FakeSiteConnection(Snapshots.site(PAIRS));
    private final Map<Instant, Long> publishedAt = new ConcurrentHashMap<>();
    private final List<Long> renderLatency = new CopyOnWriteArrayList<>();
    private final List<Long> queueWait = new CopyOnWriteArrayList<>();
    private final List<Long> frameGaps = new ArrayList<>();
    private volatile long appliedPublishNanos = -1;
    private Dashboard dashboard;
    private CoalescingUpdater<SiteSnapshot> updates;

    @Start
    void start(Stage stage) {
        ThemeSwitcher.apply(Theme.LIGHT);
        MainWindow window = new MainWindow(null, Theme.LIGHT, Preferences.userRoot().node("io/redpair/bench"), "bench");
        dashboard = new Dashboard(window, site, FxExecutor.INSTANCE, ZoneOffset.UTC, (p, b) -> { });
        window.show(site.site());
        updates = new CoalescingUpdater<>(FxExecutor.INSTANCE, s -> {
            dashboard.apply(s);
            Long published = publishedAt.remove(s.at());
            appliedPublishNanos = published == null ? -1 : published;
        });
        Scene scene = new Scene(window.root(), 1200, 760);
        scene.getStylesheets().add(Styles.URL);
        scene.addPostLayoutPulseListener(() -> {
            long p = appliedPublishNanos;
            if (p > 0) {
                renderLatency.add(System.nanoTime() - p);
                appliedPublishNanos = -1;
            }
        });
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void twentyPairsAtFourHertzKeepTheFxThreadResponsive(FxRobot robot) throws Exception {
        site.subscribeSnapshots(Runnable::run, updates::submit);
        site.publish(snapshot(Instant.now(), 0));
        robot.interact(() -> robot.lookup(".list-view").queryListView().getSelectionModel().select(0));
        AnimationTimer frames = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last > 0) {
                    frameGaps.add(now - last);
                }
                last = now;
            }
        };
        robot.interact(frames::start);
        ScheduledExecutorService load = Executors.newScheduledThreadPool(2);
        long[] n = {0};
        boolean idle = Boolean.getBoolean("bench.idle"); // baseline: the same probes without snapshots
        load.scheduleAtFixedRate(() -> {
            if (idle) {
                return;
            }
            Instant at = Instant.now().plusNanos(n[0]++); // unique key per snapshot
            publishedAt.put(at, System.nanoTime());
            site.publish(snapshot(at, n[0]));
        }, 0, 1000_000 / (PAIRS * 4), TimeUnit.MICROSECONDS);
        load.scheduleAtFixedRate(() -> {
            long sent = System.nanoTime();
            Platform.runLater(() -> queueWait.add(System.nanoTime() - sent));
        }, 5, 50, TimeUnit.MILLISECONDS);
        TimeUnit.SECONDS.sleep(SECONDS);
        load.shutdownNow();
        robot.interact(frames::stop);
        long published = n[0];
        report(published);
        if (!idle) {
            assertThat(renderLatency).isNotEmpty();
        }
    }

    private void report(long published) {
        System.out.printf(Locale.ROOT, "UiResponsivenessBenchmark: %d pairs at 4 Hz for %d s: %d snapshots published, "
                + "%d applied, %d coalesced away%n", PAIRS, SECONDS, published, updates.deliveredCount(),
                updates.submittedCount() - updates.deliveredCount());
        System.out.println("  publish -> rendered (ms): " + percentiles(renderLatency));
        System.out.println("  FX queue wait, probe every 50 ms (ms): " + percentiles(queueWait));
        long missed = frameGaps.stream().filter(g -> g > 2 * 16_666_667L).count();
        System.out.printf(Locale.ROOT, "  frames: %d, gaps > 33 ms: %d (%.2f %%), frame gap: %s%n", frameGaps.size(),
                missed, 100.0 * missed / Math.max(1, frameGaps.size()), percentiles(frameGaps));
    }

    private static String percentiles(List<Long> nanos) {
        long[] v = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (v.length == 0) {
            return "none";
        }
        return String.format(Locale.ROOT, "n=%d p50=%.1f p95=%.1f p99=%.1f max=%.1f", v.length, at(v, 0.50),
                at(v, 0.95), at(v, 0.99), v[v.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    /** A realistic site: line-1 alternates between protected and failing over, the rest protected. */
    private static SiteSnapshot snapshot(Instant at, long n) {
        List<PairSnapshot> pairs = new ArrayList<>();
        for (int i = 1; i <= PAIRS; i++) {
            String id = "line-" + i;
            pairs.add(i == 1 && (n / 40) % 2 == 1 ? Snapshots.failingOver(id, id, Snapshots.failoverStory(id, at, false))
                    : Snapshots.protectedPair(id, id, List.of()));
        }
        return new SiteSnapshot("Hall B", at, true, pairs);
    }

}
