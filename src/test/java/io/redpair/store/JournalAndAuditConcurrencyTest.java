package io.redpair.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor's journal shares its SQLite file with the audit trail, written from another
 * connection. An epoch write reads the current epoch, then writes. Were its transaction deferred, a
 * commit by the other connection in between would fail it at once with SQLITE_BUSY (a stale
 * snapshot: busy_timeout does not help), and the failover would be abandoned for a lock; the crash
 * fault tests hit exactly that. The journal begins its writes IMMEDIATE, so it waits its turn instead.
 */
class JournalAndAuditConcurrencyTest {

    @Test
    void epochWriteWaitsForAnotherWriterInsteadOfFailing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("site.json.journal.db");
        try (Journal journal = Journal.open(file);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = other.createStatement()) {
            journal.persistEpoch("line1", 1, "first", System.nanoTime());
            s.execute("CREATE TABLE IF NOT EXISTS other_writer(x INTEGER)");
            s.execute("BEGIN IMMEDIATE"); // the audit trail, mid-append
            s.execute("INSERT INTO other_writer VALUES(1)");

            CompletableFuture<Void> write = CompletableFuture.runAsync(
                    () -> journal.persistEpoch("line1", 2, "failover", System.nanoTime()));
            Thread.sleep(300); // the epoch write has read and is waiting for the lock
            s.execute("COMMIT");

            write.get(10, TimeUnit.SECONDS);
            assertThat(journal.currentEpoch("line1")).isEqualTo(2);
        }
    }
}
