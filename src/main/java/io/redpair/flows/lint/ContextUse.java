package io.redpair.flows.lint;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns context writes into one sentence per store kind. Shared by the function and change-node rules so both
 * explain the same mechanism in the same words.
 */
final class ContextUse {

    /** A write of {@code scope.key} to {@code store} (empty: the default store). */
    record Write(String scope, String key, Optional<String> store) {
        String describe() {
            return scope + "." + key + store.map(s -> " (store '" + s + "')").orElse("");
        }
    }

    private ContextUse() {
    }

    static List<Write> inMemory(ContextStores stores, List<Write> writes) {
        return writes.stream().filter(w -> stores.kindOf(w.store()) == ContextStores.Kind.MEMORY).toList();
    }

    static List<Write> onLocalDisk(ContextStores stores, List<Write> writes) {
        return writes.stream().filter(w -> stores.kindOf(w.store()) == ContextStores.Kind.LOCAL_FILE).toList();
    }

    static String list(List<Write> writes) {
        return writes.stream().map(Write::describe).distinct().collect(Collectors.joining(", "));
    }

    static String memoryWhy(ContextStores stores) {
        String why = "The memory context store lives in the Node-RED process: it is empty after a restart, and the"
                + " other box has its own copy, holding whatever it had when it last ran (stale, not empty).";
        return stores.known() ? why : why + " The box's contextStorage settings were not given, so Node-RED's"
                + " default (a single memory store) was assumed; pass --context-store NAME=MODULE to be exact.";
    }

    static final String MEMORY_ACTION = "Keep values that must survive a takeover in a context store both boxes"
            + " share (for example a Redis or database store module), or rebuild them on start from the source of truth.";

    static final String DISK_WHY = "The localfilesystem store writes files on this box's disk only: it survives a"
            + " restart of the same box (minus up to 30 s of writes after a crash), but the other box reads its own,"
            + " older files after a takeover.";

    static final String DISK_ACTION = "Use a store both boxes share for values that must follow the active box.";
}
