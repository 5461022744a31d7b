package io.redpair.cli;

import picocli.CommandLine.Option;

/**
 * The options every deliberate action shares (a picocli mixin). Without {@code --confirm} the command
 * asks on the terminal; passwords are only ever asked for on the terminal, never taken as arguments.
 */
final class ApprovalOptions {

    @Option(names = "--confirm", paramLabel = "TARGET",
            description = "Confirm by naming the target exactly, e.g. line1 or line1/B (else asked on the terminal).")
    String confirm;

    @Option(names = "--as", paramLabel = "NAME",
            description = "Two-person sites: your RedPair approver account (password asked on the terminal).")
    String as;

    @Option(names = "--approver", paramLabel = "NAME",
            description = "Two-person sites: the second person's approver account (they type password and target).")
    String approver;
}
