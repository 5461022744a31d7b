package io.redpair.cli;

import java.nio.file.Path;
import picocli.CommandLine;

/** Runs {@code redpair audit verify --journal F} in-process for tests in other packages. */
public final class AuditCommandAccess {

    private AuditCommandAccess() {
    }

    public static int verify(Path journal) {
        return new CommandLine(new AuditCommand()).execute("verify", "--journal", journal.toString());
    }
}
