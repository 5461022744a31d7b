package io.redpair.flows;

import java.util.List;

/**
 * The difference between two flow sets by node id. Changes are listed in the right set's order (removed nodes
 * in the left set's order, after the others), so output follows the file the engineer is rolling out.
 */
public record FlowDiff(String leftSource, String leftRev, String rightSource, String rightRev, List<NodeChange> changes) {

    public FlowDiff {
        changes = List.copyOf(changes);
    }

    public List<NodeChange> of(ChangeKind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    public long count(ChangeKind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    /** True when nothing a deploy would act on differs (positions may still differ). */
    public boolean isMateriallyEqual() {
        return changes.stream().allMatch(c -> c.kind() == ChangeKind.MOVED);
    }

    public boolean sameRevision() {
        return leftRev.equals(rightRev);
    }
}
