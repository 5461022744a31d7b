/**
 * The audit trail: an append-only, hash-chained {@code audit} table in the site's journal file. Every
 * operator action and every automatic decision is one row; {@link io.redpair.store.audit.AuditLog#verify()}
 * names the first row whose content, link or position was changed. See docs/security.md for the
 * contract callers follow when the trail cannot be written.
 */
package io.redpair.store.audit;
