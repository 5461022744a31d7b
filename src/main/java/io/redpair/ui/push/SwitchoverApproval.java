package io.redpair.ui.push;

import io.redpair.pair.BoxId;

/**
 * Asks the site's deliberate-action gate before a push by switchover (typed target {@code PAIR/BOX}, two-person
 * rule, audited first), as {@code redpair push --by-switchover} does. {@code go} runs only when approved, on the
 * JavaFX thread. A push in place and a rollback need no switchover and are not gated (as on the command line).
 */
@FunctionalInterface
public interface SwitchoverApproval {

    /** No gate: go at once (tests, preview). */
    SwitchoverApproval NONE = (pairId, to, go) -> go.run();

    void approve(String pairId, BoxId to, Runnable go);
}
