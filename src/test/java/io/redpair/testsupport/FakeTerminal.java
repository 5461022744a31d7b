package io.redpair.testsupport;

import io.redpair.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** A terminal whose environment, stdin and console answers a test sets; {@code null} answers mean "no console". */
public final class FakeTerminal implements Terminal {

    public final Map<String, String> env = new HashMap<>();
    public final Deque<String> answers = new ArrayDeque<>();
    public final Path home;
    public boolean hasConsole = true;
    public String stdin = "";

    public FakeTerminal(Path home) {
        this.home = home;
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public InputStream stdin() {
        return new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public char[] readHidden(String prompt) {
        String line = readLine(prompt);
        return line == null ? null : line.toCharArray();
    }

    @Override
    public String readLine(String prompt) {
        if (!hasConsole) {
            return null;
        }
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected prompt: " + prompt);
        }
        return answers.poll();
    }
}
