package io.redpair.failover;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario script in the etcd-raft "datadriven" style: blocks of one directive line, a line
 * {@code ----}, and the expected output, separated by blank lines. Lines starting with {@code #} before
 * a directive are comments and are kept on rewrite.
 */
record Transcript(Path file, List<Block> blocks) {

    record Block(List<String> comments, String directive, String expected, int line) {
    }

    static Transcript parse(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                i++;
            } else if (line.startsWith("#")) {
                comments.add(line);
                i++;
            } else {
                int start = i + 1;
                if (i + 1 >= lines.size() || !lines.get(i + 1).equals("----")) {
                    throw new IllegalStateException(file + ":" + start + ": expected ---- after the directive");
                }
                i += 2;
                StringBuilder expected = new StringBuilder();
                while (i < lines.size() && !lines.get(i).isBlank()) {
                    expected.append(lines.get(i)).append('\n');
                    i++;
                }
                blocks.add(new Block(List.copyOf(comments), line, expected.toString(), start));
                comments.clear();
            }
        }
        return new Transcript(file, blocks);
    }

    /** Writes the script back with the given outputs in place of the expectations. */
    void rewrite(List<String> outputs) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (i > 0) {
                out.append('\n');
            }
            b.comments().forEach(c -> out.append(c).append('\n'));
            out.append(b.directive()).append('\n').append("----\n").append(outputs.get(i));
        }
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }
}
