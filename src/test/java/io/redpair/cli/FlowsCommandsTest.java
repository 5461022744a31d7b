package io.redpair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code redpair lint} and {@code redpair diff} through the real command line: output, JSON and exit codes. */
class FlowsCommandsTest {

    private static final String LINT_DIR = "src/test/resources/flows/lint/";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = RedPairCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void lintExitsOneOnErrorsAndPrintsATable() {
        assertThat(run("lint", "--flows", LINT_DIR + "mqtt.json")).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains("1 error, 1 warning, 2 info")
                .contains("SEVERITY  RULE").contains("error     mqtt-client-id").contains("b-broken")
                .contains("Context stores: not given");
    }

    @Test
    void lintExitsZeroWithWarningsOnlyAndGivesJson() throws Exception {
        assertThat(run("lint", "--flows", LINT_DIR + "stateful.json", "--json")).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("summary").path("warning").asInt()).isEqualTo(13);
        assertThat(json.path("findings").get(0).path("where").asText()).isEqualTo("tab Stateful");
        assertThat(json.path("findings").get(0).path("line").asInt()).isPositive();
    }

    @Test
    void lintUsesTheGivenContextStores() throws Exception {
        run("lint", "--flows", LINT_DIR + "memory-context.json", "--json",
                "--context-store", "default=memory", "--context-store", "file=localfilesystem");
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("contextStores").path("known").asBoolean()).isTrue();
        assertThat(json.path("summary").path("info").asInt()).isEqualTo(1);
    }

    @Test
    void badInputExitsThreeWithFileLineAndColumn() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "[\n{\"id\":\"a\",\"type\":\"debug\",}\n]");
        assertThat(run("lint", "--flows", bad.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).startsWith("redpair: " + bad + ":2:").contains("malformed JSON");
        assertThat(run("diff", "--left", bad.toString(), "--right", bad.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void diffShowsChangesAndTheDeploymentType() throws Exception {
        Path left = Path.of(LINT_DIR + "stateful.json");
        Path right = Files.writeString(dir.resolve("right.json"),
                Files.readString(left).replace("\"mode\": \"auto\"", "\"mode\": \"custom\""));
        assertThat(run("diff", "--left", left.toString(), "--right", right.toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains("0 added, 0 removed, 1 changed, 0 moved")
                .contains("changed  tab Stateful").contains("mode: \"auto\" -> \"custom\"")
                .contains("type 'nodes'");
    }

    @Test
    void diffOfIdenticalFilesExitsZeroAndSaysNoDeployIsNeeded() throws Exception {
        String file = LINT_DIR + "http.json";
        assertThat(run("diff", "--left", file, "--right", file, "--json")).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("sameRevision").asBoolean()).isTrue();
        assertThat(json.path("deployment").path("needed").asBoolean()).isFalse();
        assertThat(json.path("changes")).isEmpty();
    }

    @Test
    void anUnreachableUrlExitsFour() {
        assertThat(run("lint", "--flows", "http://127.0.0.1:1/")).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(err.toString()).contains("http://127.0.0.1:1/: cannot read flows");
    }
}
