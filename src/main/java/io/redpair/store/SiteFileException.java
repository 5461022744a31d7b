package io.redpair.store;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A site file could not be read, validated or written; lists every problem found, not just the first. */
public final class SiteFileException extends Exception {

    private final transient Path file;
    private final List<Problem> problems;

    public SiteFileException(Path file, List<Problem> problems) {
        super(describe(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public SiteFileException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
        this.problems = List.of(new Problem("(root)", -1, -1, message));
    }

    public Path file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(Path file, List<Problem> problems) {
        String name = file == null ? "site file" : file.toString();
        return problems.stream().map(p -> "  " + name + ":" + p)
                .collect(Collectors.joining("\n", name + ": " + problems.size() + " problem(s)\n", ""));
    }
}
