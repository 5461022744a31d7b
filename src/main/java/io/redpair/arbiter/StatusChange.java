package io.redpair.arbiter;

/** Decides whether a STATUS is news: counters that tick every poll (watchdog left, heartbeat ages, err) are not. */
final class StatusChange {

    private static final long BEAT_LATE_MS = 2000;

    private StatusChange() {
    }

    static boolean sameOutputs(ArbiterStatus a, ArbiterStatus b) {
        return a.state() == b.state() && a.selected() == b.selected() && a.feedback() == b.feedback()
                && a.fencedA() == b.fencedA() && a.fencedB() == b.fencedB() && a.poweredA() == b.poweredA()
                && a.poweredB() == b.poweredB() && a.epoch() == b.epoch() && a.localMode() == b.localMode()
                && late(a.heartbeatAgeA()) == late(b.heartbeatAgeA()) && late(a.heartbeatAgeB()) == late(b.heartbeatAgeB());
    }

    private static boolean late(long ageMs) {
        return ageMs < 0 || ageMs > BEAT_LATE_MS;
    }
}
