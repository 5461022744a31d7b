package io.redpair.flows;

/**
 * A flows source that cannot be used: malformed JSON or a structurally wrong node. The message always names the
 * source and, when known, the line and column, so an engineer can open the file at the right place.
 */
public final class FlowsFormatException extends Exception {

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    public FlowsFormatException(String source, int line, int column, String problem) {
        super(format(source, line, column, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    private static String format(String source, int line, int column, String problem) {
        if (line <= 0) {
            return source + ": " + problem;
        }
        return source + ":" + line + (column > 0 ? ":" + column : "") + ": " + problem;
    }

    public String source() {
        return source;
    }

    /** 1-based, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based, or 0 when unknown. */
    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
