package io.redpair.store;

/**
 * One thing wrong in a site file.
 *
 * @param path    JSON path such as {@code pairs[0].boxes.B.auth.secret}; "(root)" for the document
 * @param line    1-based line, or -1 if unknown
 * @param column  1-based column, or -1 if unknown
 * @param message plain language; never contains a secret value
 */
public record Problem(String path, int line, int column, String message) {

    @Override
    public String toString() {
        String where = line > 0 ? "line " + line + ", column " + column + ": " : "";
        return where + path + ": " + message;
    }
}
