package io.redpair.store.audit;

/** What kind of thing an audit row records. */
public enum AuditCategory {
    /** A person asked for it (switchover, override, fence/unfence, disarm, maintenance, failback). */
    OPERATOR,
    /** The supervisor decided it on its own (failover, split-brain resolution, fence). */
    AUTOMATIC,
    /** Trust changes: a pin confirmed, a changed certificate refused. */
    TRUST,
    /** Configuration changes: site file, policy, approvals. */
    CONFIG,
    /** Secret store changes (names only, never values). */
    SECRET
}
