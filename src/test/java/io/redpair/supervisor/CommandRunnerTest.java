package io.redpair.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.failover.PairCommand;
import io.redpair.failover.PairEvent.CommandCompleted;
import io.redpair.health.ApiObservation;
import io.redpair.health.CanaryObservation;
import io.redpair.pair.BoxId;
import io.redpair.store.Journal;
import io.redpair.store.JournalEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command runner's ordering and exactly-once guarantees, with a real journal and an in-memory box port. */
class CommandRunnerTest {

    @TempDir
    Path dir;

    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService io = Executors.newFixedThreadPool(2);
    private final List<SupervisorEvent> published = new CopyOnWriteArrayList<>();
    private final BlockingQueue<CommandCompleted> completions = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        loop.shutdownNow();
        io.shutdownNow();
    }

    /** A box whose probes never answer: these tests drive stop/start only. */
    private abstract static class CommandOnlyPort implements BoxPort {
        @Override
        public CompletableFuture<Probed<ApiObservation>> probeApi() {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<Probed<CanaryObservation>> probeCanary() {
            return new CompletableFuture<>();
        }

        @Override
        public void close() {
        }
    }

    /** A box whose stop/start report what the journal said at the moment they ran. */
    private static final class JournalWitnessPort extends CommandOnlyPort {
        final Journal journal;
        final CountDownLatch release;
        volatile long epochSeenAtStop = -1;

        JournalWitnessPort(Journal journal, CountDownLatch release) {
            this.journal = journal;
            this.release = release;
        }

        @Override
        public Verified stopFlows() {
            epochSeenAtStop = journal.currentEpoch("p");
            return new Verified(true, "stopped");
        }

        @Override
        public Verified startFlows() {
            try {
                release.await(); // a box that answers only when the test allows
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Verified(true, "late success");
        }
    }

    private CommandRunner runner(Journal journal, BoxPort port, Duration limit) {
        RuntimeContext ctx = new RuntimeContext(loop, io, io, journal, published::add, Clock.systemUTC(), System::nanoTime);
        return new CommandRunner("p", Map.of(BoxId.A, port, BoxId.B, port), ctx, limit, limit, completions::add);
    }

    private void onLoop(Runnable r) throws Exception {
        loop.submit(r).get(5, TimeUnit.SECONDS);
    }

    @Test
    void epochIsDurableBeforeTheStopOfTheSameStepRuns() throws Exception {
        try (Journal journal = Journal.open(dir.resolve("j.db"))) {
            JournalWitnessPort port = new JournalWitnessPort(journal, new CountDownLatch(0));
            CommandRunner runner = runner(journal, port, Duration.ofSeconds(5));
            onLoop(() -> runner.run(List.of(new PairCommand.PersistEpoch(7, "A down"),
                    new PairCommand.RecordNote("failover-started", "A -> B"), new PairCommand.StopFlows(BoxId.A, 7)), 7));
            CommandCompleted done = completions.poll(5, TimeUnit.SECONDS);
            assertThat(done).isNotNull();
            assertThat(done.ok()).isTrue();
            assertThat(port.epochSeenAtStop).isEqualTo(7);
            assertThat(journal.events("p", java.time.Instant.EPOCH)).extracting(JournalEntry::type)
                    .containsSubsequence("epoch", "failover-started");
            assertThat(published).anyMatch(e -> e instanceof SupervisorEvent.Noted n && n.noteType().equals("failover-started"));
        }
    }

    @Test
    void whenTheEpochCannotBePersistedNoBoxCommandRunsAndEachIsReportedFailed() throws Exception {
        try (Journal journal = Journal.open(dir.resolve("j.db"))) {
            journal.persistEpoch("p", 9, "newer decision elsewhere", 1); // 7 is now stale: persisting it fails
            JournalWitnessPort port = new JournalWitnessPort(journal, new CountDownLatch(0));
            CommandRunner runner = runner(journal, port, Duration.ofSeconds(5));
            onLoop(() -> runner.run(List.of(new PairCommand.PersistEpoch(7, "stale"),
                    new PairCommand.StopFlows(BoxId.A, 7)), 7));
            CommandCompleted done = completions.poll(5, TimeUnit.SECONDS);
            assertThat(done.ok()).isFalse();
            assertThat(done.detail()).contains("epoch could not be written");
            assertThat(port.epochSeenAtStop).isEqualTo(-1);
            assertThat(published).anyMatch(e -> e instanceof SupervisorEvent.Alarmed);
        }
    }

    @Test
    void aCommandWithoutVerifiedResultInTimeCompletesOnceAsFailedAndTheLateAnswerIsIgnored() throws Exception {
        try (Journal journal = Journal.open(dir.resolve("j.db"))) {
            CountDownLatch release = new CountDownLatch(1);
            JournalWitnessPort port = new JournalWitnessPort(journal, release);
            CommandRunner runner = runner(journal, port, Duration.ofMillis(200));
            onLoop(() -> runner.run(List.of(new PairCommand.StartFlows(BoxId.B, 1)), 1));
            CommandCompleted first = completions.poll(5, TimeUnit.SECONDS);
            assertThat(first.ok()).isFalse();
            assertThat(first.detail()).contains("no verified result");
            release.countDown(); // the box answers after the limit
            assertThat(completions.poll(500, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    /** A box that never confirms a stop (cut off by a partition), counting how often it was asked. */
    private static final class SilentSparePort extends CommandOnlyPort {
        final java.util.concurrent.atomic.AtomicInteger stops = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Verified stopFlows() {
            stops.incrementAndGet();
            return new Verified(false, "unreachable: connect timed out");
        }

        @Override
        public Verified startFlows() {
            return new Verified(false, "unreachable");
        }
    }

    @Test
    void parkedStopsAtABoxThatNeverAnswersAreSpacedOutAndEachTryIsJournalledOnce() throws Exception {
        try (Journal journal = Journal.open(dir.resolve("j.db"))) {
            java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);
            RuntimeContext ctx = new RuntimeContext(loop, io, io, journal, published::add, Clock.systemUTC(), clock::get);
            SilentSparePort port = new SilentSparePort();
            CommandRunner runner = new CommandRunner("p", Map.of(BoxId.A, port, BoxId.B, port), ctx,
                    Duration.ofSeconds(5), Duration.ofSeconds(5), completions::add);
            long[] offsetsMs = {0, 100, 499, 500, 1_000, 1_499, 1_500, 3_499, 3_500};
            for (long ms : offsetsMs) {
                clock.set(1_000_000_000L + ms * 1_000_000L);
                onLoop(() -> runner.parkStop(BoxId.B, 3));
                awaitNoParkedStop(runner);
            }
            // tries at 0 (then wait 0.5 s), 500 (1 s), 1500 (2 s), 3500: the supervisor asks every tick, the box
            // is asked four times
            assertThat(port.stops.get()).isEqualTo(4);
            assertThat(journal.events("p", java.time.Instant.EPOCH)).filteredOn(e -> e.type().equals("parked-stop"))
                    .extracting(JournalEntry::text).hasSize(4)
                    .first().asString().contains("not confirmed").endsWith("next try in 500 ms");
        }
    }

    /** Waits until the try (if one went out) has come back to the loop: the clock moves only between tries. */
    private void awaitNoParkedStop(CommandRunner runner) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (loop.submit(() -> runner.stopParkedAt(BoxId.B)).get(5, TimeUnit.SECONDS)) {
            assertThat(System.nanoTime()).as("parked stop came back").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
