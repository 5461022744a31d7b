package io.redpair.health;

import java.util.Objects;

/**
 * One outcome of the canary probe ({@code GET <heartbeatPath>}, served by a flow only while flows run).
 *
 * @param kind   what happened
 * @param ageMs  for {@link Kind#ANSWERED}: age of the flow's last inject tick as the flow reported it; else -1
 * @param detail plain-language detail; may be empty
 */
public record CanaryObservation(Kind kind, long ageMs, String detail) {

    public enum Kind {
        /** 200 with an {@code ageMs}: flows run; fresh or stale depends on the age. */
        ANSWERED,
        /** 404: the route does not exist, so flows are not serving. */
        NOT_SERVING,
        /** Any other HTTP answer (500, 200 without ageMs, ...): flows state unclear. */
        BAD_ANSWER,
        REFUSED,
        HUNG,
        UNREACHABLE
    }

    public CanaryObservation {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
        if (kind == Kind.ANSWERED && ageMs < 0) {
            throw new IllegalArgumentException("an answered canary reports ageMs >= 0");
        }
    }

    public static CanaryObservation answered(long ageMs) {
        return new CanaryObservation(Kind.ANSWERED, ageMs, "");
    }

    public static CanaryObservation of(Kind kind) {
        return new CanaryObservation(kind, -1, "");
    }
}
