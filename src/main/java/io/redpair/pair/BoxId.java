package io.redpair.pair;

/** The two boxes of a pair. Named by letter, as the engineers on site label them. */
public enum BoxId {
    A, B;

    /** The partner box: the one that takes over when this one fails. */
    public BoxId other() {
        return this == A ? B : A;
    }
}
