package io.redpair.supervisor;

import io.redpair.arbiter.ArbiterStatus;

/**
 * The pair's arbiter as the dashboard shows it: the link and the last STATUS the supervisor read (link state,
 * selected output and relay feedback, fences, power sense per box, heartbeat line ages, host-watchdog
 * countdown and arm state, epoch). The STATUS is kept while the link is down so the panel can show the last
 * known outputs, marked stale by {@code linkUp == false} and its age; nothing is ever invented.
 *
 * @param linkUp      the serial link answers now
 * @param link        the link in words: where it is up, or why it is down
 * @param status      the last STATUS read, null before the first
 * @param statusAgeMs age of {@code status} at snapshot time, -1 when there is none
 */
public record ArbiterSnapshot(boolean linkUp, String link, ArbiterStatus status, long statusAgeMs) {

    /** Wired but never heard: what a pair with an arbiter shows right after start. */
    public static ArbiterSnapshot unheard(String why) {
        return new ArbiterSnapshot(false, why, null, -1);
    }
}
