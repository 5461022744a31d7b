package io.redpair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command and subcommand prints its usage for --help and exits 0; none is left without it. */
class RedPairCommandHelpTest {

    static List<String> allCommandPaths() {
        List<String> paths = new ArrayList<>();
        collect(RedPairCommand.commandLine(), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine cl, List<String> prefix, List<String> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            out.add(String.join(" ", path));
            collect(e.getValue(), path, out);
        }
    }

    @ParameterizedTest
    @MethodSource("allCommandPaths")
    void answersHelp(String command) {
        String[] path = command.split(" ");
        CommandLine cl = RedPairCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        String[] args = new String[path.length + 1];
        System.arraycopy(path, 0, args, 0, path.length);
        args[path.length] = "--help";

        int exit = cl.execute(args);

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: redpair " + command);
    }
}
