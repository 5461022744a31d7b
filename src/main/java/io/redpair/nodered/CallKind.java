package io.redpair.nodered;

import java.time.Duration;

/** Which time limit and which response-size cap a call gets. */
enum CallKind {
    PROBE, STOP, START, DEPLOY, ADMIN;

    /** GET /flows may legitimately be megabytes (2.4 MB for 10,000 nodes); 8 MB leaves headroom. */
    static final long FLOWS_CAP_BYTES = 8L * 1024 * 1024;
    /** Every other answer is a few KB; a box sending more is broken or hostile. */
    static final long SMALL_CAP_BYTES = 64L * 1024;

    Duration timeout(Timeouts t) {
        if (this == PROBE) {
            return t.probe();
        }
        if (this == STOP) {
            return t.stop();
        }
        if (this == START) {
            return t.start();
        }
        return this == DEPLOY ? t.deploy() : t.admin();
    }
}
