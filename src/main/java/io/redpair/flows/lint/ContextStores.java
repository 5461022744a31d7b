package io.redpair.flows.lint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The context stores a box is configured with ({@code contextStorage} in settings.js), if known: store name to
 * module. Node-RED's rules: without {@code contextStorage} there is one store, {@code memory}; otherwise the store
 * named {@code default} is the default, else the first one listed (NODE-RED-FACTS §7).
 */
public record ContextStores(Map<String, String> modules, boolean known) {

    /** Where a context value lives, as far as a takeover is concerned. */
    public enum Kind {
        /** Process memory: lost on restart; the other box holds its own, stale copy. */
        MEMORY,
        /** Files on this box's disk: survives a restart of this box, never reaches the other one. */
        LOCAL_FILE,
        /** Any other module (Redis, a database...): assumed shared by both boxes. */
        OTHER
    }

    public ContextStores {
        modules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modules));
    }

    public static ContextStores unknown() {
        return new ContextStores(Map.of(), false);
    }

    /** Node-RED's behaviour when settings.js has no contextStorage. */
    public static ContextStores nodeRedDefault() {
        return new ContextStores(Map.of("memory", "memory"), true);
    }

    public static ContextStores of(Map<String, String> modules) {
        return modules.isEmpty() ? nodeRedDefault() : new ContextStores(modules, true);
    }

    /** The store a call without a store name uses. When settings are unknown this is Node-RED's default, memory. */
    public String defaultStore() {
        if (!known || modules.isEmpty()) {
            return "memory";
        }
        return modules.containsKey("default") ? "default" : modules.keySet().iterator().next();
    }

    /** True when the store is configured; Node-RED silently uses the default store for any other name. */
    public boolean defines(String store) {
        return !known || modules.containsKey(store);
    }

    /**
     * @param store the store named in the call, or empty for the default store
     * @return where the value lives; when settings are unknown, MEMORY (Node-RED's default; findings say so)
     */
    public Kind kindOf(Optional<String> store) {
        if (!known) {
            return Kind.MEMORY;
        }
        String module = modules.get(store.filter(modules::containsKey).orElse(defaultStore()));
        if (module == null || module.equals("memory")) {
            return Kind.MEMORY;
        }
        return module.equals("localfilesystem") ? Kind.LOCAL_FILE : Kind.OTHER;
    }
}
