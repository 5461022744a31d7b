package io.redpair.ui.push;

import io.redpair.flows.lint.Finding;
import io.redpair.flows.lint.LintReport;
import io.redpair.flows.lint.Severity;
import java.net.URI;
import java.util.List;

/**
 * One lint finding as the console's table shows it: severity, where (tab or subflow), the node's name, type and
 * id, and the explanation in three sentences (what happens, why, what to do). {@code link} opens the node in an
 * editor that has it, null when none does. Pure.
 */
public record LintRow(Severity severity, String tab, String node, String type, String id, String rule,
                      String problem, String explanation, URI link) {

    public static List<LintRow> of(LintReport report, NodeLinks links) {
        return report.findings().stream().map(f -> of(f, links)).toList();
    }

    static LintRow of(Finding f, NodeLinks links) {
        String tab = f.node().container().isEmpty() ? f.node().name() : f.node().container();
        return new LintRow(f.severity(), tab, f.node().name(), f.node().type(), f.node().id(), f.rule(), f.problem(),
                f.problem() + " " + f.why() + " What to do: " + f.action(), links.forNode(f.node().id()).orElse(null));
    }

    /** "2 errors, 5 warnings, 1 info" for the page's headline; "No findings" when clean. */
    public static String counts(LintReport report) {
        if (report.findings().isEmpty()) {
            return "No findings: nothing in these flows is known to misbehave on a takeover";
        }
        return plural(report.count(Severity.ERROR), "error") + ", " + plural(report.count(Severity.WARNING), "warning")
                + ", " + report.count(Severity.INFO) + " info";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
