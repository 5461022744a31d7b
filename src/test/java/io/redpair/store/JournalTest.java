package io.redpair.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redpair.pair.BoxId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    @Test
    void epochIsZeroBeforeTheFirstDecisionAndReadBackAfterReopen() {
        Path file = dir.resolve("site.json.journal.db");
        try (Journal j = Journal.open(file)) {
            assertThat(j.currentEpoch("line1")).isZero();
            j.persistEpoch("line1", 1, "failover A->B", 10);
            j.persistEpoch("line1", 2, "switchover B->A", 20);
        }
        try (Journal j = Journal.open(file)) {
            assertThat(j.currentEpoch("line1")).isEqualTo(2);
            assertThat(j.currentEpoch("line2")).isZero();
        }
    }

    @Test
    void theLastAutomaticFailoverIsReadBackAfterReopenPerPair() {
        Path file = dir.resolve("j.db");
        try (Journal j = Journal.open(file, Clock.fixed(Instant.parse("2026-11-26T07:00:00Z"), ZoneOffset.UTC))) {
            assertThat(j.reconciliation("p").lastAutomaticFailover()).isEmpty();
            j.recordAutomaticFailover("p", 1, "A is down; failing over to B (epoch 1)", 5);
        }
        try (Journal j = Journal.open(file, Clock.fixed(Instant.parse("2026-11-26T07:05:00Z"), ZoneOffset.UTC))) {
            j.recordAutomaticFailover("p", 2, "B is down; failing over to A (epoch 2)", 6);
        }
        try (Journal j = Journal.open(file)) {
            assertThat(j.reconciliation("p").lastAutomaticFailover()).contains(Instant.parse("2026-11-26T07:05:00Z"));
            assertThat(j.reconciliation("q").lastAutomaticFailover()).isEmpty();
        }
    }

    @Test
    void anEpochNeverGoesDown() {
        try (Journal j = Journal.open(dir.resolve("j.db"))) {
            j.persistEpoch("p", 5, "x", 1);
            assertThatThrownBy(() -> j.persistEpoch("p", 5, "again", 2))
                    .isInstanceOf(JournalException.class).hasMessageContaining("not above the journalled epoch 5");
            assertThatThrownBy(() -> j.persistEpoch("p", 3, "older", 2)).isInstanceOf(JournalException.class);
            assertThat(j.currentEpoch("p")).isEqualTo(5);
        }
    }

    @Test
    void anInterruptedFailoverIsFoundWithItsLastCompletedStep() {
        Path file = dir.resolve("j.db");
        try (Journal j = Journal.open(file)) {
            j.recordActive("p", BoxId.A, 0, 1);
            j.persistEpoch("p", 1, "A hung", 2);
            j.beginIntent("p", Intent.Kind.FAILOVER, 1, BoxId.A, BoxId.B, 3);
            j.stepCompleted("p", 1, "stop-A", true, "flows stopped, canary 404", 4);
        }
        try (Journal j = Journal.open(file)) {
            Reconciliation r = j.reconciliation("p");
            assertThat(r.epoch()).isEqualTo(1);
            assertThat(r.activeBox()).contains(BoxId.A);
            Intent intent = r.openIntent().orElseThrow();
            assertThat(intent.kind()).isEqualTo(Intent.Kind.FAILOVER);
            assertThat(intent.from()).isEqualTo(BoxId.A);
            assertThat(intent.to()).isEqualTo(BoxId.B);
            assertThat(intent.lastStep()).contains("stop-A");
            assertThat(intent.lastStepOk()).isTrue();

            j.stepCompleted("p", 1, "start-B", true, "canary answers", 5);
            j.endIntent("p", 1, Intent.Status.COMPLETED, "B active", 6);
            j.recordActive("p", BoxId.B, 1, 7);
            assertThat(j.openIntent("p")).isEmpty();
            assertThat(j.lastIntent("p").orElseThrow().status()).isEqualTo(Intent.Status.COMPLETED);
            assertThat(j.activeBox("p")).contains(BoxId.B);
        }
    }

    @Test
    void timelineKeepsOrderBothTimestampsAndTheOperator() {
        Clock fixed = Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneOffset.UTC);
        try (Journal j = Journal.open(dir.resolve("j.db"), fixed)) {
            j.record("p", 100, JournalEntry.Kind.TRANSITION, 0, "state", "STARTING -> PROTECTED(A)", Actor.supervisor());
            j.recordOperator("p", 200, 0, "failover-confirm-off", "A is off: unplugged", new Actor("erika", "console1"));
            j.record("other", 300, JournalEntry.Kind.NOTE, 0, "x", "not mine", Actor.supervisor());

            List<JournalEntry> timeline = j.events("p", Instant.parse("2026-11-26T00:00:00Z"));
            assertThat(timeline).extracting(JournalEntry::type).containsExactly("state", "failover-confirm-off");
            JournalEntry op = timeline.get(1);
            assertThat(op.kind()).isEqualTo(JournalEntry.Kind.OPERATOR);
            assertThat(op.actor()).isEqualTo(new Actor("erika", "console1"));
            assertThat(op.monoNanos()).isEqualTo(200);
            assertThat(op.wall()).isEqualTo(Instant.parse("2026-11-26T04:00:00Z"));
            assertThat(timeline.get(0).seq()).isLessThan(op.seq());
            assertThat(j.events("p", Instant.parse("2026-11-26T05:00:00Z"))).isEmpty();
        }
    }

    /**
     * A real crash: a child JVM persists epochs in a loop and prints each one after persistEpoch returned; it is
     * SIGKILLed mid-stream. Every epoch it reported as persisted must be in the file afterwards.
     */
    @Test
    void everyEpochReportedPersistedSurvivesSigkillOfTheWriter() throws Exception {
        Path file = dir.resolve("crash.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JournalCrashWriter.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        long lastReported = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("persisted ")) {
                    lastReported = Long.parseLong(line.substring(10));
                    if (lastReported >= 40) {
                        child.destroyForcibly(); // SIGKILL while it keeps writing
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(lastReported).isGreaterThanOrEqualTo(40);
        try (Journal j = Journal.open(file)) {
            assertThat(j.currentEpoch("p")).isGreaterThanOrEqualTo(lastReported);
        }
    }
}
