package io.redpair.cli;

import io.redpair.supervisor.control.ControlRequest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import io.redpair.pair.approval.DeliberateAction;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code redpair failover --site F --pair ID --confirm-old-active-off [--reason TEXT]}: the operator override
 * for OPERATOR_NEEDED. The engineer states, on the record (OS user and host are journalled), that the old active
 * is off; RedPair then promotes the spare without its own fence.
 */
@Command(name = "failover", description = "Operator override: confirm the old active is off and promote the spare.")
public final class FailoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--site", required = true, description = "Site file (JSON).")
    Path site;

    @Option(names = "--pair", required = true, description = "Pair id.")
    String pair;

    @Option(names = "--confirm-old-active-off", required = true,
            description = "Required: you confirm the old active box is off (journalled with your OS user).")
    boolean confirmOff;

    @Option(names = "--reason", description = "Why you are sure (journalled).")
    String reason;

    @Mixin
    ApprovalOptions approval = new ApprovalOptions();

    private final Terminal terminal;

    public FailoverCommand() {
        this(Terminal.system());
    }

    public FailoverCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        ControlRequest r = OperatorRequestRunner.request(ControlRequest.FAILOVER, pair, null, null, null, confirmOff,
                reason);
        return new OperatorRequestRunner(site, spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(r, DeliberateAction.OPERATOR_OVERRIDE, pair, approval, terminal);
    }
}
