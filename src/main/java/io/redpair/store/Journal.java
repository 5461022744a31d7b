package io.redpair.store;

import io.redpair.pair.BoxId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The intent journal of one site: an append-only SQLite file (WAL) that records every decision, epoch,
 * command, step result, operator action and state transition with wall-clock and monotonic timestamps.
 *
 * <p>Why SQLite: one file next to the site file, crash-safe transactions, readable with standard tools.
 * Invariants:
 * <ul>
 *   <li>{@link #persistEpoch} commits with {@code synchronous=FULL} and returns only after the commit, so an
 *       epoch a command was issued under is never lost by a crash or power cut after the call returned.</li>
 *   <li>Epochs per pair never go down: a lower or equal value is rejected.</li>
 *   <li>Every method is synchronized: the supervisor thread, the command runner and the CLI may share one.</li>
 * </ul>
 * Nothing secret is ever written here: callers pass texts meant for the timeline.
 */
public final class Journal implements AutoCloseable {

    /** Timeline type of the note that marks the start of an automatic failover (the hold-down's anchor). */
    static final String AUTO_FAILOVER = "automatic-failover";

    /** The journal file of a site: {@code <site file name>.journal.db} next to it. */
    public static Path fileFor(Path siteFile) {
        Path abs = siteFile.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + ".journal.db");
    }

    private final Connection db;
    private final Clock wallClock;
    private final Path file;

    private Journal(Path file, Connection db, Clock wallClock) {
        this.file = file;
        this.db = db;
        this.wallClock = wallClock;
    }

    /** Opens (creating if needed) the journal at {@code file}. */
    public static Journal open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static Journal open(Path file, Clock wallClock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // Write transactions BEGIN IMMEDIATE: the audit trail writes to the same file from its own
            // connection, and a deferred transaction that read first and then writes after the other
            // connection committed fails at once with SQLITE_BUSY (a stale snapshot; busy_timeout does
            // not apply). IMMEDIATE takes the write lock up front, so it waits instead.
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(5000);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            JournalSchema.create(c);
            return new Journal(file, c, wallClock);
        } catch (Exception e) {
            throw new JournalException("cannot open journal " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Durably records the pair's new epoch. Must be called, and must return, before any command of the
     * decision that raised the epoch runs.
     *
     * @throws JournalException if the epoch is not higher than the stored one, or the write failed
     */
    public synchronized void persistEpoch(String pairId, long epoch, String reason, long monoNanos) {
        inTransaction(() -> {
            long current = currentEpoch(pairId);
            if (epoch <= current) {
                throw new JournalException("epoch " + epoch + " for pair " + pairId
                        + " is not above the journalled epoch " + current);
            }
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO epochs(pair, epoch, reason, wall) VALUES(?,?,?,?) "
                            + "ON CONFLICT(pair) DO UPDATE SET epoch=excluded.epoch, reason=excluded.reason, wall=excluded.wall")) {
                p.setString(1, pairId);
                p.setLong(2, epoch);
                p.setString(3, reason);
                p.setString(4, now().toString());
                p.executeUpdate();
            }
            insertEntry(pairId, monoNanos, JournalEntry.Kind.EPOCH, epoch, "epoch", reason, Actor.supervisor());
        });
    }

    /** The last journalled epoch of the pair, 0 when none was ever written. */
    public synchronized long currentEpoch(String pairId) {
        return query("SELECT epoch FROM epochs WHERE pair=?", pairId, rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    /** Appends one timeline line. */
    public synchronized void record(String pairId, long monoNanos, JournalEntry.Kind kind, long epoch, String type,
                                    String text, Actor actor) {
        inTransaction(() -> insertEntry(pairId, monoNanos, kind, epoch, type, text, actor));
    }

    /** Records an operator action with the OS user and host that issued it. */
    public void recordOperator(String pairId, long monoNanos, long epoch, String action, String text, Actor actor) {
        record(pairId, monoNanos, JournalEntry.Kind.OPERATOR, epoch, action, text, actor);
    }

    /** Journals a failover or switchover before its first box command runs. */
    public synchronized void beginIntent(String pairId, Intent.Kind kind, long epoch, BoxId from, BoxId to,
                                         long monoNanos) {
        inTransaction(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO intents(pair, epoch, kind, from_box,"
                    + " to_box, status, last_step, last_ok, started) VALUES(?,?,?,?,?,'OPEN',NULL,0,?)")) {
                p.setString(1, pairId);
                p.setLong(2, epoch);
                p.setString(3, kind.name());
                p.setString(4, from == null ? null : from.name());
                p.setString(5, to == null ? null : to.name());
                p.setString(6, now().toString());
                p.executeUpdate();
            }
            insertEntry(pairId, monoNanos, JournalEntry.Kind.INTENT, epoch, kind.name().toLowerCase() + "-started",
                    from + " -> " + to, Actor.supervisor());
        });
    }

    /** Records the result of one step of the intent of {@code epoch}. */
    public synchronized void stepCompleted(String pairId, long epoch, String step, boolean ok, String detail,
                                           long monoNanos) {
        inTransaction(() -> {
            try (PreparedStatement p = db.prepareStatement(
                    "UPDATE intents SET last_step=?, last_ok=? WHERE pair=? AND epoch=?")) {
                p.setString(1, step);
                p.setInt(2, ok ? 1 : 0);
                p.setString(3, pairId);
                p.setLong(4, epoch);
                p.executeUpdate();
            }
            insertEntry(pairId, monoNanos, JournalEntry.Kind.STEP, epoch, step, (ok ? "ok: " : "failed: ") + detail,
                    Actor.supervisor());
        });
    }

    /** Closes the intent of {@code epoch}; when completed, its target becomes the journalled active box. */
    public synchronized void endIntent(String pairId, long epoch, Intent.Status outcome, String detail, long monoNanos) {
        if (outcome == Intent.Status.OPEN) {
            throw new IllegalArgumentException("an intent ends COMPLETED or ABORTED");
        }
        inTransaction(() -> {
            try (PreparedStatement p = db.prepareStatement("UPDATE intents SET status=? WHERE pair=? AND epoch=?")) {
                p.setString(1, outcome.name());
                p.setString(2, pairId);
                p.setLong(3, epoch);
                p.executeUpdate();
            }
            insertEntry(pairId, monoNanos, JournalEntry.Kind.INTENT, epoch, "intent-" + outcome.name().toLowerCase(),
                    detail, Actor.supervisor());
        });
    }

    /** Records which box the supervisor made (or found) active under {@code epoch}. */
    public synchronized void recordActive(String pairId, BoxId box, long epoch, long monoNanos) {
        inTransaction(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO active(pair, box, epoch, wall) VALUES(?,?,?,?) "
                    + "ON CONFLICT(pair) DO UPDATE SET box=excluded.box, epoch=excluded.epoch, wall=excluded.wall")) {
                p.setString(1, pairId);
                p.setString(2, box == null ? null : box.name());
                p.setLong(3, epoch);
                p.setString(4, now().toString());
                p.executeUpdate();
            }
            insertEntry(pairId, monoNanos, JournalEntry.Kind.NOTE, epoch, "active", String.valueOf(box),
                    Actor.supervisor());
        });
    }

    /** The box last journalled as active, if any. */
    public synchronized Optional<BoxId> activeBox(String pairId) {
        return query("SELECT box FROM active WHERE pair=?", pairId,
                rs -> rs.next() && rs.getString(1) != null ? Optional.of(BoxId.valueOf(rs.getString(1)))
                        : Optional.<BoxId>empty());
    }

    /** The newest failover or switchover of the pair that never completed nor aborted. */
    public synchronized Optional<Intent> openIntent(String pairId) {
        return query("SELECT pair, kind, epoch, from_box, to_box, status, last_step, last_ok, started FROM intents "
                + "WHERE pair=? AND status='OPEN' ORDER BY epoch DESC LIMIT 1", pairId, JournalRows::intent);
    }

    /** The newest intent of the pair in any status. */
    public synchronized Optional<Intent> lastIntent(String pairId) {
        return query("SELECT pair, kind, epoch, from_box, to_box, status, last_step, last_ok, started FROM intents "
                + "WHERE pair=? ORDER BY epoch DESC LIMIT 1", pairId, JournalRows::intent);
    }

    /** Everything a starting supervisor needs from the journal for this pair. */
    public synchronized Reconciliation reconciliation(String pairId) {
        return new Reconciliation(pairId, currentEpoch(pairId), activeBox(pairId), openIntent(pairId),
                lastAutomaticFailover(pairId));
    }

    /** Records that an automatic failover began: the hold-down counts from here, across restarts. */
    public synchronized void recordAutomaticFailover(String pairId, long epoch, String text, long monoNanos) {
        record(pairId, monoNanos, JournalEntry.Kind.NOTE, epoch, AUTO_FAILOVER, text, Actor.supervisor());
    }

    /** When the newest automatic failover of the pair began (wall clock), if the journal has one. */
    public synchronized Optional<Instant> lastAutomaticFailover(String pairId) {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT wall_ms FROM entries WHERE pair=? AND type=? ORDER BY seq DESC LIMIT 1")) {
            p.setString(1, pairId);
            p.setString(2, AUTO_FAILOVER);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** The pair's timeline from {@code since} (inclusive), oldest first. */
    public synchronized List<JournalEntry> events(String pairId, Instant since) {
        try (PreparedStatement p = db.prepareStatement("SELECT seq, pair, wall, mono, kind, epoch, type, text, actor_user,"
                + " actor_host FROM entries WHERE pair=? AND wall_ms>=? ORDER BY seq")) {
            p.setString(1, pairId);
            p.setLong(2, since.toEpochMilli());
            List<JournalEntry> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(JournalRows.entry(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new JournalException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new JournalException("cannot close journal " + file + ": " + e.getMessage(), e);
        }
    }

    private Instant now() {
        return wallClock.instant();
    }

    private void insertEntry(String pairId, long mono, JournalEntry.Kind kind, long epoch, String type, String text,
                             Actor actor) throws SQLException {
        Instant wall = now();
        try (PreparedStatement p = db.prepareStatement("INSERT INTO entries(pair, wall, wall_ms, mono, kind, epoch, type,"
                + " text, actor_user, actor_host) VALUES(?,?,?,?,?,?,?,?,?,?)")) {
            p.setString(1, pairId);
            p.setString(2, wall.toString());
            p.setLong(3, wall.toEpochMilli());
            p.setLong(4, mono);
            p.setString(5, kind.name());
            p.setLong(6, epoch);
            p.setString(7, type);
            p.setString(8, text);
            p.setString(9, actor.user());
            p.setString(10, actor.host());
            p.executeUpdate();
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private void inTransaction(SqlWork work) {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new JournalException("cannot write journal " + file + ": " + e.getMessage(), e);
        }
    }

    private <T> T query(String sql, String pairId, RowReader<T> reader) {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setString(1, pairId);
            try (ResultSet rs = p.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
    }
}
