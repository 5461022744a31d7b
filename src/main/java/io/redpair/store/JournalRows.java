package io.redpair.store;

import io.redpair.pair.BoxId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Maps journal rows to records. */
final class JournalRows {

    private JournalRows() {
    }

    static Optional<Intent> intent(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        return Optional.of(new Intent(rs.getString(1), Intent.Kind.valueOf(rs.getString(2)), rs.getLong(3),
                box(rs.getString(4)), box(rs.getString(5)), Intent.Status.valueOf(rs.getString(6)),
                Optional.ofNullable(rs.getString(7)), rs.getInt(8) == 1, Instant.parse(rs.getString(9))));
    }

    static JournalEntry entry(ResultSet rs) throws SQLException {
        return new JournalEntry(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)), rs.getLong(4),
                JournalEntry.Kind.valueOf(rs.getString(5)), rs.getLong(6), rs.getString(7), rs.getString(8),
                new Actor(rs.getString(9), rs.getString(10)));
    }

    private static BoxId box(String name) {
        return name == null ? null : BoxId.valueOf(name);
    }
}
