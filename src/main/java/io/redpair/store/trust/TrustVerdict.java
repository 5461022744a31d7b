package io.redpair.store.trust;

/** How a presented key relates to what is pinned for the box. */
public enum TrustVerdict {
    /** Nothing pinned yet: the operator must confirm the fingerprint. */
    FIRST_USE,
    /** The confirmed key: connect. */
    MATCHES_CURRENT,
    /** The staged next key: connect, and promote it to current. */
    MATCHES_NEXT,
    /** Neither: refuse, alarm, audit. Never re-trusted without an explicit forget + confirm. */
    CHANGED
}
