package io.redpair.cli;

import io.redpair.supervisor.control.ControlRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import io.redpair.pair.approval.DeliberateAction;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code redpair maintenance --site F --pair ID on --for 30m | off}: automatic actions off, with an expiry. */
@Command(name = "maintenance", description = "Turn a pair's automatic actions off for a while (on --for 30m) or back on (off).")
public final class MaintenanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--site", required = true, description = "Site file (JSON).")
    Path site;

    @Option(names = "--pair", required = true, description = "Pair id.")
    String pair;

    @Parameters(index = "0", description = "on | off")
    String onOff;

    @Option(names = "--for", description = "With 'on': how long, e.g. 30m, 2h, 90s. Maintenance ends by itself.")
    String duration;

    @Mixin
    ApprovalOptions approval = new ApprovalOptions();

    private final Terminal terminal;

    public MaintenanceCommand() {
        this(Terminal.system());
    }

    public MaintenanceCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        boolean on;
        if ("on".equals(onOff)) {
            on = true;
        } else if ("off".equals(onOff)) {
            on = false;
        } else {
            err.println("redpair: maintenance takes 'on' or 'off', got '" + onOff + "'");
            return ExitCodes.USAGE;
        }
        Long forMs = null;
        if (on) {
            try {
                forMs = parseDuration(duration).toMillis();
            } catch (IllegalArgumentException e) {
                err.println("redpair: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        ControlRequest r = OperatorRequestRunner.request(ControlRequest.MAINTENANCE, pair, null, on, forMs, null, null);
        return new OperatorRequestRunner(site, spec.commandLine().getOut(), err)
                .run(r, DeliberateAction.MAINTENANCE, pair, approval, terminal);
    }

    /** {@code 90s}, {@code 30m}, {@code 2h}; at least one second, at most a week. */
    static Duration parseDuration(String text) {
        if (text == null) {
            throw new IllegalArgumentException("maintenance on needs --for, e.g. --for 30m");
        }
        var m = java.util.regex.Pattern.compile("(\\d{1,6})([smh])").matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--for must look like 90s, 30m or 2h, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.isZero() || d.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("--for must be between 1s and 7 days, got '" + text + "'");
        }
        return d;
    }
}
