package io.redpair.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.store.Actor;
import io.redpair.store.Journal;
import io.redpair.store.JournalEntry;
import io.redpair.testsupport.ManualClock;
import io.redpair.testsupport.TestSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    static final Actor OPERATOR = new Actor("alice", "eng-laptop");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T04:00:00Z"));

    static AuditEvent event(String type, String target) {
        ObjectNode details = JSON.createObjectNode();
        details.putArray("commands").addObject().put("send", "POST /flows/state {\"state\":\"stop\"}").put("reply", "200");
        return new AuditEvent(OPERATOR, AuditCategory.OPERATOR, type, target, "ok", 7, details);
    }

    private Path journalWithRows(int rows) {
        Path file = dir.resolve("site.json.journal.db");
        try (AuditLog log = AuditLog.open(file, clock)) {
            for (int i = 1; i <= rows; i++) {
                log.append(event("switchover", "line1/" + (i % 2 == 0 ? "A" : "B")));
                clock.advance(Duration.ofSeconds(1));
            }
        }
        return file;
    }

    private static void rawSql(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS audit_no_update");
            s.execute("DROP TRIGGER IF EXISTS audit_no_delete");
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static AuditVerification verify(Path file) {
        try (AuditLog log = AuditLog.openReadOnly(file)) {
            return log.verify();
        }
    }

    @Test
    void chainVerifiesAndRowsCarryEveryField() {
        Path file = journalWithRows(5);
        AuditVerification v = verify(file);
        assertThat(v.ok()).as(v.summary()).isTrue();
        assertThat(v.rowsChecked()).isEqualTo(5);
        assertThat(v.headSeq()).isEqualTo(5);
        try (AuditLog log = AuditLog.openReadOnly(file)) {
            AuditRecord first = log.since(Instant.EPOCH).get(0);
            assertThat(first.seq()).isEqualTo(1);
            assertThat(first.ts()).isEqualTo("2026-11-26T04:00:00.000Z");
            assertThat(first.user()).isEqualTo("alice");
            assertThat(first.host()).isEqualTo("eng-laptop");
            assertThat(first.category()).isEqualTo("OPERATOR");
            assertThat(first.epoch()).isEqualTo(7);
            assertThat(first.details()).contains("POST /flows/state");
            assertThat(first.prevHash()).isEqualTo(AuditChain.GENESIS);
            assertThat(first.hash()).hasSize(64).isEqualTo(AuditChain.hash(first));
        }
    }

    @Test
    void emptyTrailVerifies() {
        try (AuditLog log = AuditLog.open(dir.resolve("j.db"), clock)) {
            assertThat(log.verify().ok()).isTrue();
            assertThat(log.verify().rowsChecked()).isZero();
        }
    }

    @Test
    void updatedRowIsNamed() throws Exception {
        Path file = journalWithRows(5);
        rawSql(file, "UPDATE audit SET result='failed' WHERE seq=3");
        AuditVerification v = verify(file);
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(3);
        assertThat(v.summary()).contains("row seq 3").contains("altered");
    }

    @Test
    void updatedRowWithRecomputedHashIsCaughtAtTheNextRow() throws Exception {
        Path file = journalWithRows(5);
        rawSql(file, "UPDATE audit SET user='mallory' WHERE seq=2");
        AuditRecord forged;
        try (AuditLog log = AuditLog.openReadOnly(file)) {
            forged = log.since(Instant.EPOCH).get(1);
        }
        rawSql(file, "UPDATE audit SET hash='" + AuditChain.hash(forged) + "' WHERE seq=2");
        AuditVerification v = verify(file);
        assertThat(v.firstBadSeq()).isEqualTo(3);
        assertThat(v.problem()).contains("prev_hash does not match the hash of row 2");
    }

    @Test
    void deletedRowIsNamed() throws Exception {
        Path file = journalWithRows(5);
        rawSql(file, "DELETE FROM audit WHERE seq=2");
        AuditVerification v = verify(file);
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(3);
        assertThat(v.problem()).contains("row(s) 2..2 are missing");
        assertThat(v.rowsChecked()).isEqualTo(1);
    }

    @Test
    void deletedFirstRowIsNamed() throws Exception {
        Path file = journalWithRows(3);
        rawSql(file, "DELETE FROM audit WHERE seq=1");
        assertThat(verify(file).problem()).contains("row(s) 1..1 are missing");
    }

    @Test
    void reorderedRowsAreNamed() throws Exception {
        Path file = journalWithRows(5);
        rawSql(file, "UPDATE audit SET seq=-3 WHERE seq=3", "UPDATE audit SET seq=3 WHERE seq=4",
                "UPDATE audit SET seq=4 WHERE seq=-3");
        AuditVerification v = verify(file);
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(3);
    }

    @Test
    void renumberedRowsAfterADeleteAreStillCaught() throws Exception {
        Path file = journalWithRows(4);
        rawSql(file, "DELETE FROM audit WHERE seq=2", "UPDATE audit SET seq=seq-1 WHERE seq>2");
        AuditVerification v = verify(file);
        assertThat(v.firstBadSeq()).isEqualTo(2);
        assertThat(v.ok()).isFalse();
    }

    @Test
    void triggersRefuseUpdateAndDeleteThroughSql() throws Exception {
        Path file = journalWithRows(2);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("UPDATE audit SET result='x'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("DELETE FROM audit")).hasMessageContaining("append-only");
        }
        assertThat(verify(file).ok()).isTrue();
    }

    @Test
    void sharesTheJournalFileWithTheSupervisorsJournal() {
        Path site = dir.resolve("site.json");
        Path file = Journal.fileFor(site);
        try (Journal journal = Journal.open(file); AuditLog audit = AuditLog.open(file, clock)) {
            journal.record("line1", 1L, JournalEntry.Kind.OPERATOR, 1, "note", "text", OPERATOR);
            audit.append(event("failover", "line1/B"));
            journal.persistEpoch("line1", 2, "failover", 2L);
            audit.append(event("failover-completed", "line1/B"));
            assertThat(audit.verify().rowsChecked()).isEqualTo(2);
        }
        try (Journal again = Journal.open(file)) {
            assertThat(again.currentEpoch("line1")).isEqualTo(2);
        }
    }

    @Test
    void twoWritersOnOneFileFormOneChain() throws Exception {
        Path file = dir.resolve("j.db");
        AuditLog.open(file, clock).close();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            String target = "writer" + w;
            writers.add(pool.submit(() -> {
                try (AuditLog log = AuditLog.open(file, clock)) {
                    for (int i = 0; i < 40; i++) {
                        log.append(event("step", target));
                    }
                }
            }));
        }
        for (Future<?> f : writers) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        AuditVerification v = verify(file);
        assertThat(v.ok()).as(v.summary()).isTrue();
        assertThat(v.rowsChecked()).isEqualTo(80);
    }

    @Test
    void credentialsInDetailsAreRedactedBeforeTheyReachDisk() throws Exception {
        Path file = dir.resolve("j.db");
        ObjectNode details = JSON.createObjectNode();
        ObjectNode cmd = details.putArray("commands").addObject();
        cmd.put("send", "POST /auth/token");
        cmd.putObject("body").put("username", "ha").put("password", TestSecrets.BOX_PASSWORD);
        cmd.putObject("reply").put("access_token", TestSecrets.TOKEN).put("expires_in", 604800);
        try (AuditLog log = AuditLog.open(file, clock)) {
            AuditRecord row = log.append(new AuditEvent(OPERATOR, AuditCategory.OPERATOR, "login", "line1/A", "ok", 0, details));
            assertThat(row.details()).contains("[redacted]").contains("\"username\":\"ha\"").contains("604800")
                    .doesNotContain(TestSecrets.BOX_PASSWORD).doesNotContain(TestSecrets.TOKEN);
        }
        String raw = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(TestSecrets.BOX_PASSWORD).doesNotContain(TestSecrets.TOKEN);
    }

    @Test
    void appendFailureIsAClearAuditUnavailableAndTryAppendReportsEmpty() throws Exception {
        Path file = journalWithRows(1);
        AuditLog log = AuditLog.open(file, clock);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("DROP TABLE audit");
        }
        assertThatThrownBy(() -> log.append(event("switchover", "line1/B")))
                .isInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("could not be written").hasMessageContaining("switchover on line1/B");
        assertThat(log.tryAppend(event("failover", "line1/B"))).isEmpty();
        log.close();
        assertThatThrownBy(() -> AuditLog.open(dir, clock)).isInstanceOf(AuditUnavailableException.class);
        assertThatThrownBy(() -> AuditLog.openReadOnly(dir.resolve("missing.db")))
                .isInstanceOf(AuditUnavailableException.class).hasMessageContaining("no journal");
        assertThat(dir.resolve("missing.db")).doesNotExist();
    }
}
