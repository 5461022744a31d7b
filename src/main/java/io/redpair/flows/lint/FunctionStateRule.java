package io.redpair.flows.lint;

import io.redpair.flows.FlowNode;
import java.util.List;
import java.util.Set;

/**
 * Function nodes that keep state: context writes that land in a store the other box cannot see, and variables
 * declared in On Start (they live only while this box's node runs, reached through the timers or handlers that
 * close over them; On Message code cannot see them, so without such closures they are merely reset).
 */
final class FunctionStateRule implements LintRule {

    static final String ID = "function-state";

    @Override
    public void check(LintInput in, FlowNode n, List<Finding> out) {
        if (!n.type().equals("function")) {
            return;
        }
        FunctionCode onMessage = new FunctionCode(n.text("func"));
        FunctionCode onStart = new FunctionCode(n.text("initialize"));
        List<ContextUse.Write> writes = new java.util.ArrayList<>();
        for (FunctionCode code : List.of(onStart, onMessage, new FunctionCode(n.text("finalize")))) {
            writes.addAll(code.contextWrites());
        }
        List<ContextUse.Write> memory = ContextUse.inMemory(in.stores(), writes);
        List<ContextUse.Write> disk = ContextUse.onLocalDisk(in.stores(), writes);
        if (!memory.isEmpty()) {
            out.add(in.finding(ID, Severity.WARNING, n, "Keeps state in memory context: " + ContextUse.list(memory)
                    + "; after takeover the other box continues from its own old values.",
                    ContextUse.memoryWhy(in.stores()), ContextUse.MEMORY_ACTION));
        }
        if (!disk.isEmpty()) {
            out.add(in.finding(ID, Severity.INFO, n, "Keeps state in a local-disk context store: " + ContextUse.list(disk)
                    + "; it does not follow a takeover.", ContextUse.DISK_WHY, ContextUse.DISK_ACTION));
        }
        onStartVariables(in, n, onStart, out);
    }

    private void onStartVariables(LintInput in, FlowNode n, FunctionCode onStart, List<Finding> out) {
        Set<String> names = onStart.topLevelVariables();
        if (names.isEmpty()) {
            return;
        }
        boolean closures = onStart.startsTimersOrHandlers();
        String which = String.join(", ", names);
        out.add(in.finding(ID, closures ? Severity.WARNING : Severity.INFO, n,
                "On Start declares " + which + (closures
                        ? " and starts timers or handlers that keep them: that state exists only in this box's process."
                        : "; these start again from their initial values on the other box."),
                "Node-RED runs On Start in its own function each time the node starts (after a takeover, on the"
                        + " newly active box); its variables are not shared with On Message and are never replicated.",
                "Keep state that must survive a takeover in a shared context store, and make On Start rebuild"
                        + " anything else from the source of truth."));
    }
}
