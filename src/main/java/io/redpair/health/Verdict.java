package io.redpair.health;

import io.redpair.pair.BoxCondition;

/**
 * What the latest observations of a box say right now, before the deadline is applied.
 *
 * @param condition     the condition the latest observations point to
 * @param source        which channels the verdict rests on: only a fresh observation on one of them
 *                      confirms it (a stale canary answer must not keep a dead box "running")
 * @param detail        plain-language evidence
 * @param alreadyAged   the evidence itself spans the deadline (a canary tick older than the deadline),
 *                      so waiting another deadline would only double the detection time
 */
record Verdict(BoxCondition condition, Source source, String detail, boolean alreadyAged) {

    enum Source { API, CANARY, BOTH }

    static Verdict of(BoxCondition condition, Source source, String detail) {
        return new Verdict(condition, source, detail, false);
    }

    boolean restsOn(Source channel) {
        return source == Source.BOTH || source == channel;
    }
}
