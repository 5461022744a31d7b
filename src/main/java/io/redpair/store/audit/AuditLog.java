package io.redpair.store.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The hash-chained audit trail in table {@code audit} of a journal file (the supervisor's
 * {@link io.redpair.store.Journal} uses the same file, other tables).
 *
 * <p>Invariants: rows are only ever inserted (triggers refuse UPDATE and DELETE, so a change needs a
 * deliberate bypass, which {@link #verify()} then detects); {@code seq} runs 1, 2, 3... without gaps;
 * each row's {@code prev_hash} is the previous row's {@code hash} ({@link AuditChain#GENESIS} for the
 * first); an append reads the head and inserts in one IMMEDIATE transaction, so two processes
 * appending at once still form one chain.
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final String COLUMNS = "seq, ts, host, user, category, type, target, result, epoch, details, prev_hash, hash";

    private final Connection db;
    private final Clock clock;
    private final Path file;

    private AuditLog(Path file, Connection db, Clock clock) {
        this.file = file;
        this.db = db;
        this.clock = clock;
    }

    /** Opens the trail for writing, creating the table (and the file) if needed. */
    public static AuditLog open(Path journalFile, Clock clock) {
        try {
            Files.createDirectories(journalFile.toAbsolutePath().getParent());
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(5000);
            Connection c = config.createConnection("jdbc:sqlite:" + journalFile.toAbsolutePath());
            createSchema(c);
            return new AuditLog(journalFile, c, clock);
        } catch (Exception e) {
            throw new AuditUnavailableException("audit trail " + journalFile + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** Opens an existing journal for verify and export only; never creates a file or a table. */
    public static AuditLog openReadOnly(Path journalFile) {
        if (!Files.isRegularFile(journalFile)) {
            throw new AuditUnavailableException("no journal at " + journalFile, null);
        }
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(5000);
            return new AuditLog(journalFile, config.createConnection("jdbc:sqlite:" + journalFile.toAbsolutePath()),
                    Clock.systemUTC());
        } catch (SQLException e) {
            throw new AuditUnavailableException("journal " + journalFile + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Autocommit stays on and transactions are explicit {@code BEGIN IMMEDIATE}: sqlite-jdbc's own
     * non-autocommit mode begins the next transaction right after each commit, which would hold the
     * write lock between appends and block the supervisor's journal on the same file.
     */
    private static void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("CREATE TABLE IF NOT EXISTS audit(seq INTEGER PRIMARY KEY, ts TEXT NOT NULL, host TEXT NOT NULL,"
                    + " user TEXT NOT NULL, category TEXT NOT NULL, type TEXT NOT NULL, target TEXT NOT NULL,"
                    + " result TEXT NOT NULL, epoch INTEGER NOT NULL, details TEXT NOT NULL,"
                    + " prev_hash TEXT NOT NULL, hash TEXT NOT NULL)");
            s.execute("CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit"
                    + " BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END");
            s.execute("CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit"
                    + " BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END");
            s.execute("COMMIT");
        } catch (SQLException e) {
            rollback(c);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Appends a row and returns it once committed.
     *
     * @throws AuditUnavailableException when it could not be written; nothing was recorded then
     */
    public synchronized AuditRecord append(AuditEvent event) {
        try (Statement s = db.createStatement()) {
            String details = JSON.writeValueAsString(DetailsRedactor.redact(event.details()));
            s.execute("BEGIN IMMEDIATE");
            AuditRecord row = insertAtHead(event, details);
            s.execute("COMMIT");
            return row;
        } catch (SQLException | JsonProcessingException | RuntimeException e) {
            rollback(db);
            throw new AuditUnavailableException("audit trail " + file + " could not be written (" + event.type()
                    + " on " + event.target() + "): " + e.getMessage(), e);
        }
    }

    /**
     * For automatic safety actions: appends, or logs the failure and returns empty. The action goes on
     * either way; the caller raises an alarm when empty comes back.
     */
    public Optional<AuditRecord> tryAppend(AuditEvent event) {
        try {
            return Optional.of(append(event));
        } catch (AuditUnavailableException e) {
            LOG.error("audit write failed, automatic action continues: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private AuditRecord insertAtHead(AuditEvent e, String details) throws SQLException {
        long seq = 1;
        String prev = AuditChain.GENESIS;
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        }
        AuditRecord unhashed = new AuditRecord(seq, TS.format(clock.instant()), e.actor().host(), e.actor().user(),
                e.category().name(), e.type(), e.target(), e.result(), e.epoch(), details, prev, null);
        AuditRecord row = withHash(unhashed, AuditChain.hash(unhashed));
        try (PreparedStatement p = db.prepareStatement("INSERT INTO audit(" + COLUMNS + ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?)")) {
            p.setLong(1, row.seq());
            Object[] text = {row.ts(), row.host(), row.user(), row.category(), row.type(), row.target(), row.result()};
            for (int i = 0; i < text.length; i++) {
                p.setString(2 + i, (String) text[i]);
            }
            p.setLong(9, row.epoch());
            p.setString(10, row.details());
            p.setString(11, row.prevHash());
            p.setString(12, row.hash());
            p.executeUpdate();
        }
        return row;
    }

    /** Walks the whole chain from the first row and stops at the first row that does not fit. */
    public synchronized AuditVerification verify() {
        long expectedSeq = 1;
        String prev = AuditChain.GENESIS;
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM audit ORDER BY seq")) {
            while (rs.next()) {
                AuditRecord row = read(rs);
                String problem = AuditVerifier.problem(row, expectedSeq, prev);
                if (problem != null) {
                    return AuditVerification.bad(expectedSeq - 1, row.seq(), problem, expectedSeq - 1, prev);
                }
                prev = row.hash();
                expectedSeq++;
            }
            return AuditVerification.good(expectedSeq - 1, expectedSeq - 1, prev);
        } catch (SQLException e) {
            throw new AuditUnavailableException("audit trail " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Checks a head recorded earlier (from a previous {@link #verify()}: seq and at least 8 hex digits of
     * its hash) against the trail: detects a truncated tail or a wholly recomputed chain, which the chain
     * alone cannot. Returns null when the recorded row is still there unchanged, else the problem.
     */
    public synchronized String checkAnchor(long seq, String hashPrefix) {
        if (hashPrefix == null || hashPrefix.length() < 8) {
            throw new IllegalArgumentException("an anchor needs at least 8 hex digits of the hash");
        }
        try (PreparedStatement p = db.prepareStatement("SELECT hash FROM audit WHERE seq = ?")) {
            p.setLong(1, seq);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return "row " + seq + " of the recorded head is gone: the trail was truncated";
                }
                return rs.getString(1).startsWith(hashPrefix.toLowerCase(java.util.Locale.ROOT)) ? null
                        : "row " + seq + " differs from the recorded head: the chain was rewritten";
            }
        } catch (SQLException e) {
            throw new AuditUnavailableException("audit trail " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Rows with {@code ts >= since}, in chain order. */
    public synchronized List<AuditRecord> since(Instant since) {
        List<AuditRecord> rows = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT " + COLUMNS + " FROM audit WHERE ts >= ? ORDER BY seq")) {
            p.setString(1, TS.format(since));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new AuditUnavailableException("audit trail " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static AuditRecord read(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getString(10), rs.getString(11),
                rs.getString(12));
    }

    private static AuditRecord withHash(AuditRecord r, String hash) {
        return new AuditRecord(r.seq(), r.ts(), r.host(), r.user(), r.category(), r.type(), r.target(), r.result(),
                r.epoch(), r.details(), r.prevHash(), hash);
    }

    private static void rollback(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction was open, or the connection is broken; the caller already reports the failure
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            LOG.warn("closing audit trail {}: {}", file, e.getMessage());
        }
    }
}
