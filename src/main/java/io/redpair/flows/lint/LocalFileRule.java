package io.redpair.flows.lint;

import io.redpair.flows.FlowNode;
import java.util.List;

/** File nodes read and write this box's disk; what one box wrote, the other does not have. */
final class LocalFileRule implements LintRule {

    static final String ID = "local-file";

    @Override
    public void check(LintInput in, FlowNode n, List<Finding> out) {
        String path = n.text("filename").isEmpty() ? "a path from the message" : "\"" + n.text("filename") + "\"";
        if (n.type().equals("file")) {
            out.add(in.finding(ID, Severity.WARNING, n, "Writes " + path + " on the active box's disk: after a"
                    + " takeover the other box writes its own copy, and the two files diverge.",
                    "Each box has its own filesystem; nothing copies files between them.",
                    "Write to storage both boxes share (a network share, a database, a historian), or treat the"
                            + " file as per-box and merge downstream."));
        } else if (n.type().equals("file in") || n.type().equals("watch")) {
            out.add(in.finding(ID, Severity.INFO, n, "Reads " + (n.type().equals("watch") ? "watches " : "")
                    + path + " on the local disk: the file must exist, with the same content, on both boxes.",
                    "After a takeover the other box reads its own filesystem.",
                    "Deploy the file to both boxes (or read from shared storage)."));
        }
    }
}
