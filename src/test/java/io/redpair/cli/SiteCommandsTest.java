package io.redpair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.store.Journal;
import io.redpair.store.JournalEntry;
import io.redpair.testkit.LabSiteFile;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testkit.SuperviseProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The site commands against real Node-RED boxes, with and without a running {@code supervise} process. */
class SiteCommandsTest {

    @RegisterExtension
    final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return RedPairCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    private Path pair(boolean canary) throws Exception {
        NodeRedProcess a = boxes.start(BoxOptions.defaults());
        NodeRedProcess b = boxes.start(BoxOptions.defaults().withBootStopped(true));
        return LabSiteFile.write(dir, a, b, canary);
    }

    @Test
    void withASupervisorRunningASecondIsRefusedAndRequestsGoThroughItsControlChannel() throws Exception {
        Path site = pair(true);
        try (SuperviseProcess supervise = SuperviseProcess.start(site, "supervise.log")) {
            supervise.await("protected by A", SuperviseProcess.state("PROTECTED", "A"), Duration.ofSeconds(30));

            assertThat(run("supervise", "--site", site.toString())).isEqualTo(ExitCodes.REFUSED);
            assertThat(err.toString()).contains("another supervisor already runs");

            assertThat(run("status", "--site", site.toString(), "--json")).as(err.toString()).isEqualTo(ExitCodes.OK);
            JsonNode status = new ObjectMapper().readTree(out.toString());
            assertThat(status.path("supervised").asBoolean()).isTrue();
            assertThat(status.path("pairs").get(0).path("mode").asText()).isEqualTo("PROTECTED");
            assertThat(status.path("pairs").get(0).path("boxes").path("B").path("condition").asText())
                    .isEqualTo("STANDBY_READY");

            assertThat(run("maintenance", "--site", site.toString(), "--pair", "line1", "on", "--for", "30m",
                    "--confirm", "line1"))
                    .as(err.toString()).isEqualTo(ExitCodes.OK);
            supervise.await("maintenance", SuperviseProcess.state("MAINTENANCE", null), Duration.ofSeconds(5));
            assertThat(run("switchover", "--site", site.toString(), "--pair", "line1", "--confirm", "line1"))
                    .isEqualTo(ExitCodes.REFUSED);
            assertThat(run("maintenance", "--site", site.toString(), "--pair", "line1", "off", "--confirm", "line1"))
                    .isEqualTo(ExitCodes.OK);
            assertThat(run("switchover", "--site", site.toString(), "--pair", "nope")).isEqualTo(ExitCodes.BAD_INPUT);
        }
        try (Journal journal = Journal.open(Journal.fileFor(site))) {
            assertThat(journal.events("line1", Instant.EPOCH)).filteredOn(e -> e.kind() == JournalEntry.Kind.OPERATOR)
                    .extracting(JournalEntry::type).contains("maintenance", "switchover");
            assertThat(journal.events("line1", Instant.EPOCH)).filteredOn(e -> e.kind() == JournalEntry.Kind.OPERATOR)
                    .allMatch(e -> e.actor().user().equals(System.getProperty("user.name")));
        }
    }

    @Test
    void withoutASupervisorStatusOnlyLooksAndSwitchoverActsOneShot() throws Exception {
        Path site = pair(true);
        assertThat(run("status", "--site", site.toString(), "--json")).as(err.toString()).isEqualTo(ExitCodes.OK);
        JsonNode p = new ObjectMapper().readTree(out.toString()).path("pairs").get(0);
        assertThat(p.path("mode").isNull()).isTrue();
        assertThat(p.path("boxes").path("A").path("condition").asText()).isEqualTo("RUNNING_FLOWS");

        assertThat(run("switchover", "--site", site.toString(), "--pair", "line1", "--to", "B", "--confirm", "line1/B"))
                .as(out + "\n" + err).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("one-shot").contains("PROTECTED active B");
        JsonNode after = new ObjectMapper().readTree(statusJson(site)).path("pairs").get(0);
        assertThat(after.path("boxes").path("B").path("condition").asText()).isEqualTo("RUNNING_FLOWS");
        assertThat(after.path("boxes").path("A").path("condition").asText()).isEqualTo("STANDBY_READY");
        assertThat(after.path("journal").path("active").asText()).isEqualTo("B");
    }

    @Test
    void statusSaysWhenAPairHasNoCanary() throws Exception {
        Path site = pair(false);
        assertThat(run("status", "--site", site.toString())).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("no canary").contains("no supervisor running");
    }

    @Test
    void badArgumentsAndBadSiteFilesGetTheirExitCodes() throws Exception {
        assertThat(run("maintenance", "--site", "x.json", "--pair", "p", "on", "--for", "5x")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("status", "--site", dir.resolve("missing.json").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("missing.json");
    }

    private String statusJson(Path site) {
        run("status", "--site", site.toString(), "--json");
        return out.toString();
    }

    static int get(URI uri) throws Exception {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        return c.getResponseCode();
    }
}
