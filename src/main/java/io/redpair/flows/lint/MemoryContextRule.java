package io.redpair.flows.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.redpair.flows.FlowNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Change nodes that write flow or global context in a store the other box does not share. (Function nodes are
 * covered by {@link FunctionStateRule}.) A property may name its store as {@code #:(store)::key}.
 */
final class MemoryContextRule implements LintRule {

    static final String ID = "memory-context";
    private static final Pattern STORE_PREFIX = Pattern.compile("^#:\\((\\w+)\\)::(.*)$", Pattern.DOTALL);

    @Override
    public void check(LintInput in, FlowNode n, List<Finding> out) {
        if (!n.type().equals("change")) {
            return;
        }
        List<ContextUse.Write> writes = new ArrayList<>();
        for (JsonNode rule : n.json().path("rules")) {
            String action = rule.path("t").asText();
            if (action.equals("set") || action.equals("change") || action.equals("move")) {
                add(writes, rule.path("pt").asText(), rule.path("p").asText());
            }
            if (action.equals("move")) {
                add(writes, rule.path("tot").asText(), rule.path("to").asText());
            }
        }
        List<ContextUse.Write> memory = ContextUse.inMemory(in.stores(), writes);
        List<ContextUse.Write> disk = ContextUse.onLocalDisk(in.stores(), writes);
        if (!memory.isEmpty()) {
            out.add(in.finding(ID, Severity.WARNING, n, "Writes memory context: " + ContextUse.list(memory)
                    + "; after takeover the other box continues from its own old values.",
                    ContextUse.memoryWhy(in.stores()), ContextUse.MEMORY_ACTION));
        }
        if (!disk.isEmpty()) {
            out.add(in.finding(ID, Severity.INFO, n, "Writes a local-disk context store: " + ContextUse.list(disk)
                    + "; it does not follow a takeover.", ContextUse.DISK_WHY, ContextUse.DISK_ACTION));
        }
    }

    private static void add(List<ContextUse.Write> writes, String scope, String property) {
        if (!scope.equals("flow") && !scope.equals("global")) {
            return;
        }
        Matcher m = STORE_PREFIX.matcher(property);
        writes.add(m.matches() ? new ContextUse.Write(scope, m.group(2), Optional.of(m.group(1)))
                : new ContextUse.Write(scope, property, Optional.empty()));
    }
}
