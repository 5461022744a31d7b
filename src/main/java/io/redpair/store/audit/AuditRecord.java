package io.redpair.store.audit;

/**
 * One row of the audit table exactly as stored. {@code ts} is UTC ISO-8601 with milliseconds
 * ({@code 2026-11-26T04:12:00.123Z}), so text order is time order. {@code details} is the JSON text
 * that was hashed.
 */
public record AuditRecord(long seq, String ts, String host, String user, String category, String type,
                          String target, String result, long epoch, String details, String prevHash, String hash) {
}
