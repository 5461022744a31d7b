package io.redpair.store.audit;

/**
 * The result of checking the chain. When not {@code ok}, {@code firstBadSeq} names the first row that
 * does not fit and {@code problem} says how; {@code rowsChecked} counts rows that passed before it.
 * {@code headSeq}/{@code headHash} describe the last good row: record them elsewhere to detect a later
 * truncation of the tail, which a chain alone cannot reveal.
 */
public record AuditVerification(boolean ok, long rowsChecked, long firstBadSeq, String problem,
                                long headSeq, String headHash) {

    static AuditVerification good(long rows, long headSeq, String headHash) {
        return new AuditVerification(true, rows, 0, null, headSeq, headHash);
    }

    static AuditVerification bad(long rows, long seq, String problem, long headSeq, String headHash) {
        return new AuditVerification(false, rows, seq, problem, headSeq, headHash);
    }

    /** One line for a person: what was checked and, if broken, which row and why. */
    public String summary() {
        return ok ? "audit chain ok: " + rowsChecked + " rows, head " + headSeq + ":" + headHash
                : "audit chain BROKEN at row seq " + firstBadSeq + ": " + problem + " (" + rowsChecked
                        + " rows before it verified)";
    }
}
