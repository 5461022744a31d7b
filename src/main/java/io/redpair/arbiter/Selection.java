package io.redpair.arbiter;

import io.redpair.pair.BoxId;

/** Where the field-I/O selector relay points: one of the boxes, or neither. */
public enum Selection {
    A, B, NONE;

    public static Selection of(BoxId box) {
        return box == BoxId.A ? A : B;
    }

    /** The box, or null for NONE. */
    public BoxId box() {
        return this == NONE ? null : BoxId.valueOf(name());
    }
}
