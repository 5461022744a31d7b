package io.redpair.pair;

/** What a box is meant to be doing, as decided by the supervisor (not what it reports). */
public enum Role {
    ACTIVE, STANDBY, UNKNOWN
}
