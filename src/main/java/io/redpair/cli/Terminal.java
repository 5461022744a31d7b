package io.redpair.cli;

import java.io.Console;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command reads from its surroundings: environment, home directory, stdin and a no-echo
 * prompt. Commands take it in their constructor so tests drive them without a real console.
 */
public interface Terminal {

    Map<String, String> env();

    Path home();

    InputStream stdin();

    /** Reads a line without echo; null when there is no console (e.g. a service or a pipe). */
    char[] readHidden(String prompt);

    /** Reads a visible line (a typed confirmation); null when there is no console. */
    String readLine(String prompt);

    static Terminal system() {
        return new Terminal() {
            @Override
            public Map<String, String> env() {
                return System.getenv();
            }

            @Override
            public Path home() {
                return Path.of(System.getProperty("user.home"));
            }

            @Override
            public InputStream stdin() {
                return System.in;
            }

            @Override
            public char[] readHidden(String prompt) {
                Console console = System.console();
                return console == null ? null : console.readPassword("%s", prompt);
            }

            @Override
            public String readLine(String prompt) {
                Console console = System.console();
                return console == null ? null : console.readLine("%s", prompt);
            }
        };
    }
}
