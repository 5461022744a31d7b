package io.redpair.flows.lint;

import java.util.List;

/** The findings of one lint run, most severe first, then in source order. */
public record LintReport(String source, String revision, ContextStores stores, List<Finding> findings) {

    public LintReport {
        findings = List.copyOf(findings);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }
}
