package io.redpair.flows;

/** What happened to a node between two flow sets. */
public enum ChangeKind {
    ADDED,
    REMOVED,
    /** Something other than the editor position differs; Node-RED restarts such a node on deploy. */
    CHANGED,
    /** Only {@code x}/{@code y} differ: the revision changes but Node-RED restarts nothing for it. */
    MOVED
}
