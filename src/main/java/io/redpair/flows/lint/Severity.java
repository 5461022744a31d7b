package io.redpair.flows.lint;

/**
 * How bad a finding is for a hot-spare pair.
 * ERROR: misbehaves on the pair as configured, whatever the site does (the CLI exits 1).
 * WARNING: loses state, repeats an action or needs the site's infrastructure to follow the active box.
 * INFO: fine for a hot spare, but worth knowing (or only matters for a future active/active mode).
 */
public enum Severity {
    INFO, WARNING, ERROR;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
