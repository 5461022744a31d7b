package io.redpair.flows.push;

/**
 * Where a push records itself (the site's journal, as an operator action). Kept as a port so that
 * {@code io.redpair.flows} does not depend on the store: the caller binds it to the journal and the OS user.
 */
@FunctionalInterface
public interface PushJournal {

    /** @param type e.g. {@code push}, {@code push-done}, {@code rollback-stopped}; @param text the details */
    void record(String type, String text);
}
