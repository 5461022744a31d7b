package io.redpair.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.pair.BoxId;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.SupervisorEvent;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.ui.FxExecutor;
import io.redpair.ui.MainWindow;
import io.redpair.ui.Styles;
import io.redpair.ui.Theme;
import io.redpair.ui.ThemeSwitcher;
import io.redpair.ui.fake.FakeSiteConnection;
import io.redpair.ui.fake.Snapshots;
import io.redpair.ui.pair.Banner;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless (Monocle): the dashboard follows the snapshots fed into a site connection — banner, cards,
 * sidebar badge, timeline, notifications — and its actions are enabled only in the right states.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardUiTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:01:03.412Z");

    private final Preferences prefs = Preferences.userRoot().node("io/redpair/test/" + UUID.randomUUID());
    @TempDir
    Path dir;
    private FakeSiteConnection site;
    private final List<String> notified = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        site = new FakeSiteConnection(Snapshots.site(3)).at(dir.resolve("site.json"));
        ThemeSwitcher.apply(Theme.LIGHT);
        MainWindow window = new MainWindow(null, Theme.LIGHT, prefs, "RedPair test");
        new Dashboard(window, site, FxExecutor.INSTANCE, ZoneOffset.UTC,
                (PairSnapshot p, Banner b) -> notified.add(p.pairId() + ": " + b.headline())).start();
        Scene scene = new Scene(window.root(), 1200, 760);
        scene.getStylesheets().add(Styles.URL);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void forgetPreferences() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void bannerCardsAndTimelineFollowTheSnapshots(FxRobot robot) {
        feed(Snapshots.protectedPair("line-1", "Press line 1", List.of()), T0);
        robot.clickOn("Press line 1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#banner-headline")).isEqualTo("Protected");
        assertThat(text(robot, "#card-a-role")).isEqualTo("Active");
        assertThat(text(robot, "#card-b-condition")).isEqualTo("Standing by (flows stopped)");
        assertThat(text(robot, "#arbiter-headline")).isEqualTo("Arbiter status not reported");

        feed(Snapshots.failingOver("line-1", "Press line 1", Snapshots.failoverStory("line-1", T0, false)), T0.plusSeconds(1));
        assertThat(text(robot, "#banner-headline")).isEqualTo("Failing over to B — step 2 of 2: starting B's flows");
        assertThat(text(robot, "#card-a-condition")).isEqualTo("Down: process gone");
        assertThat(robot.lookup("#timeline").queryAs(ListView.class).getItems()).first().hasToString(
                "TimelineEntry[time=12:01:03.454, text=Failing over (active A, epoch 8): A confirmed not running; "
                        + "starting B, category=STATE]");
        assertThat(notified).containsExactly("line-1: Failing over to B — step 2 of 2: starting B's flows");
    }

    @Test
    void timelineFiltersHideACategory(FxRobot robot) {
        feed(Snapshots.failingOver("line-1", "Press line 1", Snapshots.failoverStory("line-1", T0, true)), T0);
        robot.clickOn("Press line 1");
        robot.clickOn("#filter-commands");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#timeline").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(6).noneMatch(i -> i.toString().contains("category=COMMANDS"));
    }

    @Test
    void onlyTheOverrideIsOfferedWhenAnOperatorIsNeededAndItSendsTheTypedConfirmation(FxRobot robot) {
        feed(Snapshots.operatorNeeded("line-1", "Press line 1", List.of()), T0);
        robot.clickOn("Press line 1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(button(robot, "#action-switchover").isDisabled()).isTrue();
        assertThat(button(robot, "#action-override").isDisabled()).isFalse();
        robot.clickOn("#action-override");
        WaitForAsyncUtils.waitForFxEvents();
        Button start = robot.lookup("Start B").queryButton();
        assertThat(start.isDisabled()).isTrue();
        robot.clickOn("#override-box").write("A");
        robot.clickOn("#override-reason").write("A powered off at the cabinet by J. Doe");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(start.isDisabled()).isFalse();
        robot.clickOn(start);
        confirm(robot, "line-1");
        assertThat(site.sent()).singleElement().satisfies(r -> {
            assertThat(r.op()).isEqualTo(ControlRequest.FAILOVER);
            assertThat(r.confirmOff()).isTrue();
            assertThat(r.reason()).isEqualTo("A powered off at the cabinet by J. Doe");
            assertThat(r.user()).isEqualTo(System.getProperty("user.name"));
        });
        assertThat(text(robot, "#status-message")).isEqualTo("accepted: failover");
    }

    @Test
    void plannedSwitchoverSaysWhatWillHappenThenShowsTheMeasuredGap(FxRobot robot) {
        feed(Snapshots.protectedPair("line-1", "Press line 1", List.of()), T0);
        robot.clickOn("Press line 1");
        robot.clickOn("#action-switchover");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText()).startsWith("1. A stops its flows");
        robot.clickOn("Switch over to B");
        confirm(robot, "line-1/B");
        assertThat(site.sent()).singleElement().satisfies(r -> assertThat(r.to()).isEqualTo(BoxId.B.name()));
        site.publish(new SupervisorEvent.CommandFinished(T0, "line-1", 9, "stop-flows", BoxId.A, true, 30, "stopped"));
        site.publish(new SupervisorEvent.CommandFinished(T0.plusMillis(287), "line-1", 9, "start-flows", BoxId.B, true, 280, "started"));
        site.publish(new SupervisorEvent.Noted(T0.plusMillis(288), "line-1", 9, "switchover-completed",
                "switchover complete: B runs flows (epoch 9), took 318 ms"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#switchover-result")).isEqualTo("Done. Measured gap (no box running flows): 287 ms. "
                + "switchover complete: B runs flows (epoch 9), took 318 ms");
    }

    /** The deliberate-action gate's dialog: type the target, confirm, wait for the request (the gate runs off FX). */
    private void confirm(FxRobot robot, String target) {
        WaitForAsyncUtils.waitForFxEvents();
        io.redpair.ui.fake.FxWait.visible(robot, "#approval-typed");
        robot.clickOn("#approval-typed").write(target);
        robot.clickOn("Confirm");
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> !site.sent().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("nothing sent after confirming " + target, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void feed(PairSnapshot first, Instant at) {
        List<PairSnapshot> rest = List.of(Snapshots.protectedPair("line-2", "Paint shop", List.of()),
                Snapshots.protectedPair("line-3", "Packaging", List.of()));
        List<PairSnapshot> all = new java.util.ArrayList<>(rest);
        all.add(0, first);
        site.publish(new SiteSnapshot("Hall B", at, true, all));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static Button button(FxRobot robot, String query) {
        return robot.lookup(query).queryButton();
    }
}
