package io.redpair.supervisor;

import java.util.concurrent.TimeUnit;

/**
 * The arbiter as the pair's snapshot shows it: the port's last report, with the last STATUS kept across link
 * changes and aged at snapshot time. Supervisor thread only (the runtime re-posts the port's reports).
 */
final class ArbiterDisplay {

    private ArbiterSnapshot report;
    private long statusAtNanos;

    ArbiterDisplay(String port) {
        this.report = ArbiterSnapshot.unheard("connecting to " + port);
    }

    /** A report without STATUS changes only the link: the last STATUS stays the last one known. */
    void onReport(ArbiterSnapshot r, long nowNanos) {
        if (r.status() != null) {
            report = r;
            statusAtNanos = nowNanos;
        } else {
            report = new ArbiterSnapshot(r.linkUp(), r.link(), report.status(), -1);
        }
    }

    ArbiterSnapshot at(long nowNanos) {
        if (report.status() == null) {
            return report;
        }
        return new ArbiterSnapshot(report.linkUp(), report.link(), report.status(),
                TimeUnit.NANOSECONDS.toMillis(nowNanos - statusAtNanos));
    }
}
