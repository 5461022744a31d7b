package io.redpair.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for terminals: columns padded to their widest cell (each clipped to a maximum), and
 * optional indented detail lines under a row for text too long for a column.
 */
final class TextTable {

    private static final int MAX_CELL = 40;
    private static final int WRAP = 100;

    private final List<String> headers;
    private final List<Row> rows = new ArrayList<>();

    private record Row(List<String> cells, List<String> details) {
    }

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    TextTable row(List<String> cells, List<String> details) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.size());
        }
        rows.add(new Row(cells.stream().map(TextTable::clip).toList(), List.copyOf(details)));
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (Row r : rows) {
                widths[i] = Math.max(widths[i], r.cells().get(i).length());
            }
        }
        out.println(line(headers, widths));
        for (Row r : rows) {
            out.println(line(r.cells(), widths));
            r.details().forEach(d -> wrap(d).forEach(l -> out.println(l.isEmpty() ? "" : "    " + l)));
        }
        out.flush();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            b.append(i == cells.size() - 1 ? cells.get(i) : String.format("%-" + widths[i] + "s  ", cells.get(i)));
        }
        return b.toString().stripTrailing();
    }

    /** Word-wraps a detail line to {@value #WRAP} columns; continuation lines are indented under the text. */
    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WRAP) {
                lines.add(line.toString());
                line = new StringBuilder("     ");
            }
            line.append(line.length() == 0 || line.toString().isBlank() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String clip(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= MAX_CELL ? one : one.substring(0, MAX_CELL - 1) + "…";
    }
}
