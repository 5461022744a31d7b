package io.redpair.ui.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.failover.Mode;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteLock;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.SupervisorEvent;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import io.redpair.testkit.LabSiteFile;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testkit.SuperviseProcess;
import com.fasterxml.jackson.databind.JsonNode;
import io.redpair.supervisor.EventJson;
import io.redpair.ui.pair.TimelineEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console attaches to a real headless {@code redpair supervise} (separate JVM) instead of starting a second
 * actor: it sees the pair through the control channel, its switchover request is carried out by that
 * supervisor, and its timeline gets that supervisor's own events (the {@code events} verb, ADR 0107): the same
 * lines, in the same order, as the supervisor printed with {@code --events jsonl}.
 */
class AttachedSupervisorTest {

    @RegisterExtension
    final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;

    private final AtomicReference<SiteSnapshot> latest = new AtomicReference<>();
    private final List<SupervisorEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void attachesToTheRunningSuperviseAndSwitchesOverThroughIt() throws Exception {
        NodeRedProcess a = boxes.start(BoxOptions.defaults());
        NodeRedProcess b = boxes.start(BoxOptions.defaults().withBootStopped(true));
        Path site = LabSiteFile.write(dir, a, b, true, 10_000);
        try (SuperviseProcess supervise = SuperviseProcess.start(site, "supervise.log")) {
            supervise.await("protected by A", SuperviseProcess.state("PROTECTED", "A"), Duration.ofSeconds(40));
            try (SiteConnection console = SiteConnections.open(site)) {
                assertThat(console).isInstanceOf(AttachedSupervisorConnection.class);
                assertThat(console.describe()).contains("attached");
                assertThat(SiteLock.tryAcquire(site)).as("supervise still holds the site").isEmpty();
                console.subscribeSnapshots(Runnable::run, latest::set);
                console.subscribeEvents(Runnable::run, events::add);
                PairSnapshot seen = await(p -> p.mode() == Mode.PROTECTED && p.active() == BoxId.A, "Protected on A");
                assertThat(seen.boxes().get(BoxId.B).condition()).isEqualTo(BoxCondition.STANDBY_READY);

                ControlResponse r = console.send(new ControlRequest(null, ControlRequest.SWITCHOVER, "line1", "B",
                        null, null, null, "drill", "tester", "lab")).get(15, TimeUnit.SECONDS);
                assertThat(r.outcome()).as(r.message()).isEqualTo(ControlResponse.Outcome.OK);
                supervise.await("B active", e -> "state".equals(e.path("type").asText())
                        && "B".equals(e.path("active").asText()), Duration.ofSeconds(20));
                PairSnapshot after = await(p -> p.active() == BoxId.B && p.mode() == Mode.PROTECTED, "Protected on B");
                assertThat(after.timeline()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                        SupervisorEvent.StateChanged.class, s -> assertThat(s.active()).isEqualTo(BoxId.B)));
                assertThat(events).anyMatch(e -> e instanceof SupervisorEvent.StateChanged s && s.active() == BoxId.B);
            }
            supervise.kill();
        }
    }

    @Test
    void killingADeliversTheSupervisorsOwnFailoverEventsInOrderExactlyOnce() throws Exception {
        NodeRedProcess a = boxes.start(BoxOptions.defaults());
        NodeRedProcess b = boxes.start(BoxOptions.defaults().withBootStopped(true));
        Path site = LabSiteFile.write(dir, a, b, true, 10_000);
        try (SuperviseProcess supervise = SuperviseProcess.start(site, "supervise.log")) {
            supervise.await("protected by A", SuperviseProcess.state("PROTECTED", "A"), Duration.ofSeconds(40));
            try (SiteConnection console = SiteConnections.open(site)) {
                assertThat(console).isInstanceOf(AttachedSupervisorConnection.class);
                console.subscribeEvents(Runnable::run, events::add);
                Instant killedAt = Instant.now();
                a.kill();
                JsonNode completed = supervise.await("failover complete",
                        e -> "failover-completed".equals(e.path("type").asText()), Duration.ofSeconds(40));
                assertThat(completed.path("text").asText()).containsPattern("failover complete: B runs flows \\(epoch \\d+\\), took \\d+ ms");

                List<SupervisorEvent> printed = supervise.events(e -> !Instant.parse(e.path("ts").asText())
                        .isBefore(killedAt)).stream().map(EventJson::read).toList();
                List<SupervisorEvent> upToCompleted = printed.subList(0, printed.indexOf(EventJson.read(completed)) + 1);
                awaitEvents(upToCompleted);

                assertThat(events).as("each event once").doesNotHaveDuplicates();
                assertThat(events).as("the supervisor's own words, not ones derived from snapshots")
                        .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SupervisorEvent.Noted.class,
                                n -> assertThat(n.text()).isEqualTo(completed.path("text").asText())));
                assertThat(events).as("the takeover state between two polls is not lost")
                        .anyMatch(e -> e instanceof SupervisorEvent.StateChanged c && c.to() == Mode.FAILING_OVER);
                List<SupervisorEvent> steps = takeover(upToCompleted);
                assertThat(steps).as("started, commands, state changes, completed").hasSizeGreaterThanOrEqualTo(4)
                        .anyMatch(e -> e instanceof SupervisorEvent.CommandFinished c && c.box() == BoxId.B);
                assertThat(takeover(events)).as("the steps, in the supervisor's order").isEqualTo(steps);
                ZoneId zone = ZoneId.of("UTC");
                assertThat(lines(takeover(events), zone)).as("the timeline's lines").isEqualTo(lines(steps, zone));

                supervise.kill();
                awaitLostAlarm();
            }
        }
    }

    /** The pair's events from "failover-started" to "failover-completed", in the order they were received. */
    private static List<SupervisorEvent> takeover(List<SupervisorEvent> all) {
        int from = indexOfNote(all, "failover-started");
        int to = indexOfNote(all, "failover-completed");
        assertThat(from).as("failover-started in " + all).isNotNegative().isLessThan(to);
        return all.subList(from, to + 1).stream().filter(e -> "line1".equals(e.pairId())).toList();
    }

    private static int indexOfNote(List<SupervisorEvent> all, String type) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof SupervisorEvent.Noted n && n.noteType().equals(type)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> lines(List<SupervisorEvent> all, ZoneId zone) {
        return all.stream().map(e -> TimelineEntry.of(e, zone).line()).toList();
    }

    /** The lost channel is said on the pair's own timeline (the dashboard keeps only pair events). */
    private void awaitLostAlarm() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && events.stream().noneMatch(AttachedSupervisorTest::lostAlarm)) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(events).filteredOn(AttachedSupervisorTest::lostAlarm).singleElement()
                .extracting(SupervisorEvent::pairId).isEqualTo("line1");
    }

    private static boolean lostAlarm(SupervisorEvent e) {
        return e instanceof SupervisorEvent.Alarmed a && a.text().contains("does not answer");
    }

    private void awaitEvents(List<SupervisorEvent> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!events.containsAll(expected) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(events).as("every event the supervisor printed since the kill reached the console")
                .containsAll(expected);
    }

    /**
     * A restarted {@code supervise} listens on a new port with a new token: the attached console re-reads the
     * control file and follows it (its state, its events, its switchover) instead of staying detached.
     */
    @Test
    void theConsoleFollowsARestartedSupervise() throws Exception {
        NodeRedProcess a = boxes.start(BoxOptions.defaults());
        NodeRedProcess b = boxes.start(BoxOptions.defaults().withBootStopped(true));
        Path site = LabSiteFile.write(dir, a, b, true, 10_000);
        try (SiteConnection console = attachedTo(site, "supervise-1.log")) {
            try (SuperviseProcess second = SuperviseProcess.start(site, "supervise-2.log")) {
                second.await("protected by A", SuperviseProcess.state("PROTECTED", "A"), Duration.ofSeconds(40));
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (System.nanoTime() < deadline && events.stream().noneMatch(AttachedSupervisorTest::answersAgain)) {
                    TimeUnit.MILLISECONDS.sleep(20);
                }
                assertThat(events).filteredOn(AttachedSupervisorTest::answersAgain).singleElement()
                        .extracting(SupervisorEvent::pairId).isEqualTo("line1");
                ControlResponse r = console.send(new ControlRequest(null, ControlRequest.SWITCHOVER, "line1", "B",
                        null, null, null, "drill", "tester", "lab")).get(15, TimeUnit.SECONDS);
                assertThat(r.outcome()).as("carried out by the new supervisor: " + r.message())
                        .isEqualTo(ControlResponse.Outcome.OK);
                await(p -> p.active() == BoxId.B && p.mode() == Mode.PROTECTED, "Protected on B");
                second.kill();
            }
        }
    }

    /** Attaches to a first supervise, then SIGKILLs it: the console reports the lost channel. */
    private SiteConnection attachedTo(Path site, String log) throws Exception {
        try (SuperviseProcess first = SuperviseProcess.start(site, log)) {
            first.await("protected by A", SuperviseProcess.state("PROTECTED", "A"), Duration.ofSeconds(40));
            SiteConnection console = SiteConnections.open(site);
            assertThat(console).isInstanceOf(AttachedSupervisorConnection.class);
            console.subscribeSnapshots(Runnable::run, latest::set);
            console.subscribeEvents(Runnable::run, events::add);
            await(p -> p.mode() == Mode.PROTECTED, "Protected");
            first.kill();
            awaitLostAlarm();
            return console;
        }
    }

    private static boolean answersAgain(SupervisorEvent e) {
        return e instanceof SupervisorEvent.Noted n && n.text().startsWith("The supervisor answers again");
    }

    @Test
    void withNoSupervisorRunningTheConsoleTakesTheSiteItself() throws Exception {
        NodeRedProcess a = boxes.start(BoxOptions.defaults());
        NodeRedProcess b = boxes.start(BoxOptions.defaults().withBootStopped(true));
        Path site = LabSiteFile.write(dir, a, b, true);
        try (SiteConnection console = SiteConnections.open(site)) {
            assertThat(console).isInstanceOf(OwnSupervisorConnection.class);
            assertThat(SiteLock.tryAcquire(site)).as("the console holds the lock now").isEmpty();
        }
    }

    private PairSnapshot await(Predicate<PairSnapshot> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            SiteSnapshot s = latest.get();
            if (s != null && condition.test(s.pairs().get(0))) {
                return s.pairs().get(0);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("not " + what + "; last " + latest.get());
    }
}
