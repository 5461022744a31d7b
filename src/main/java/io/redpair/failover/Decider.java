package io.redpair.failover;

import io.redpair.pair.BoxId;
import io.redpair.pair.Policy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The pure decision core of one pair: {@code (state, event, now) -> (state, commands)}. No threads, no
 * I/O, no clock: the same inputs always give the same outputs, which is what makes the scenario
 * transcripts possible. See docs/failover.md for the rules.
 */
public final class Decider {

    private final String pairId;
    private final Policy policy;

    public Decider(String pairId, Policy policy) {
        this.pairId = Objects.requireNonNull(pairId, "pairId");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The state after RedPair starts, before any box was heard; {@code epoch} comes from the journal. */
    public PairState initial(long epochFromJournal, long nowNanos) {
        return initial(epochFromJournal, null, nowNanos);
    }

    /** As {@link #initial(long, long)}, with the last active from the journal (used to resolve a split brain). */
    public PairState initial(long epochFromJournal, BoxId lastActive, long nowNanos) {
        return new PairState(Mode.STARTING, lastActive, epochFromJournal, "waiting for both boxes to answer",
                FailoverStep.NONE, null, Map.of(), nowNanos, OptionalLong.empty(), 0, nowNanos, Set.of());
    }

    public Step step(PairState s, PairEvent e, long nowNanos) {
        return new Step(s, List.of());
    }

    public String pairId() {
        return pairId;
    }

    public Policy policy() {
        return policy;
    }
}
