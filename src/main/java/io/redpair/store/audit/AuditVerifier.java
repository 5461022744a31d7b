package io.redpair.store.audit;

/** The three checks each row must pass, in the order that names the cause best. */
final class AuditVerifier {

    private AuditVerifier() {
    }

    /** Null when {@code row} fits after a row with hash {@code prev}; otherwise what is wrong. */
    static String problem(AuditRecord row, long expectedSeq, String prev) {
        if (row.seq() != expectedSeq) {
            return row.seq() > expectedSeq
                    ? "expected seq " + expectedSeq + " here; row(s) " + expectedSeq + ".." + (row.seq() - 1) + " are missing"
                    : "seq " + row.seq() + " is out of order (expected " + expectedSeq + ")";
        }
        if (!prev.equals(row.prevHash())) {
            return "prev_hash does not match the hash of row " + (expectedSeq - 1)
                    + " (a row before it was removed, replaced or reordered)";
        }
        if (!AuditChain.hash(row).equals(row.hash())) {
            return "content does not match its hash (the row was altered)";
        }
        return null;
    }
}
