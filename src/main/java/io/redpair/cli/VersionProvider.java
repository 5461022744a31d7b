package io.redpair.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest (falls back to "dev" when run from classes). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = RedPairCommand.class.getPackage().getImplementationVersion();
        return new String[] {"RedPair " + (v == null ? "dev" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
