package io.redpair.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Tables of the journal. Versioned by {@code PRAGMA user_version} so a later change can migrate. */
final class JournalSchema {

    static final int VERSION = 1;

    private JournalSchema() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            int version;
            try (var rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > VERSION) {
                throw new SQLException("journal schema " + version + " is newer than this RedPair (" + VERSION + ")");
            }
            s.execute("CREATE TABLE IF NOT EXISTS entries(seq INTEGER PRIMARY KEY AUTOINCREMENT, pair TEXT NOT NULL,"
                    + " wall TEXT NOT NULL, wall_ms INTEGER NOT NULL, mono INTEGER NOT NULL, kind TEXT NOT NULL,"
                    + " epoch INTEGER NOT NULL, type TEXT NOT NULL, text TEXT NOT NULL, actor_user TEXT NOT NULL,"
                    + " actor_host TEXT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS entries_pair_wall ON entries(pair, wall_ms)");
            s.execute("CREATE TABLE IF NOT EXISTS epochs(pair TEXT PRIMARY KEY, epoch INTEGER NOT NULL,"
                    + " reason TEXT, wall TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS intents(pair TEXT NOT NULL, epoch INTEGER NOT NULL, kind TEXT NOT NULL,"
                    + " from_box TEXT, to_box TEXT, status TEXT NOT NULL, last_step TEXT, last_ok INTEGER NOT NULL,"
                    + " started TEXT NOT NULL, PRIMARY KEY(pair, epoch))");
            s.execute("CREATE TABLE IF NOT EXISTS active(pair TEXT PRIMARY KEY, box TEXT, epoch INTEGER NOT NULL,"
                    + " wall TEXT NOT NULL)");
            s.execute("PRAGMA user_version=" + VERSION);
        }
    }
}
