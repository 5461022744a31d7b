package io.redpair.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every scenario script in src/test/resources/transcripts against the decider. When behaviour
 * changes on purpose, rewrite the expectations with {@code -Dredpair.rewriteTranscripts=true} and review
 * the diff like code.
 */
class TranscriptTest {

    private static final Path DIR = Path.of("src", "test", "resources", "transcripts");

    static Stream<Path> transcripts() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            assertThat(list).as("transcripts in " + DIR.toAbsolutePath()).isNotEmpty();
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void scenarioBehavesAsRecorded(Path file) throws IOException {
        Transcript script = Transcript.parse(file);
        TranscriptDriver driver = new TranscriptDriver();
        List<String> outputs = new ArrayList<>();
        for (Transcript.Block block : script.blocks()) {
            outputs.add(driver.run(block.directive()));
        }
        if (Boolean.getBoolean("redpair.rewriteTranscripts")) {
            script.rewrite(outputs);
            return;
        }
        for (int i = 0; i < outputs.size(); i++) {
            Transcript.Block block = script.blocks().get(i);
            assertThat(outputs.get(i))
                    .as("%s:%d: %s", file.getFileName(), block.line(), block.directive())
                    .isEqualTo(block.expected());
        }
    }
}
