package io.redpair.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import io.redpair.pair.Site;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteFileTest {

    private static final Path EXAMPLE = Path.of("app", "config", "site.example.json");

    @TempDir
    Path dir;

    @Test
    void loadsTheShippedExample() throws Exception {
        Site site = SiteFile.load(EXAMPLE);
        assertThat(site.name()).isEqualTo("Hall B");
        assertThat(site.pairs()).extracting(Pair::id).containsExactly("line1", "line2");
        Pair line1 = site.pair("line1").orElseThrow();
        assertThat(line1.box(BoxId.A).auth()).isEqualTo(AuthRef.none());
        assertThat(line1.box(BoxId.B).auth()).isEqualTo(AuthRef.password("ha", "env:LINE1_B_PW"));
        assertThat(line1.box(BoxId.B).url()).isEqualTo(URI.create("http://10.0.0.12:1880"));
        assertThat(line1.heartbeatPath()).isEqualTo("/redpair/heartbeat");
        assertThat(line1.policy()).isEqualTo(new Policy(250, 4, true, 600, 3000, Policy.Fencing.API_ONLY));
        Pair line2 = site.pair("line2").orElseThrow();
        assertThat(line2.preferred()).isEqualTo(BoxId.B);
        assertThat(line2.box(BoxId.A).auth()).isEqualTo(AuthRef.token("env:LINE2_TOKEN", "x-ha-token"));
        assertThat(line2.box(BoxId.A).tlsPin()).startsWith("sha256/");
        assertThat(line2.arbiter().serialNumber()).isEqualTo("WDA-000123");
        assertThat(line2.policy().fencing()).isEqualTo(Policy.Fencing.ARBITER);
    }

    @Test
    void missingOptionalPartsTakeTheDefaults() throws Exception {
        Site site = SiteFile.parse(Path.of("t.json"), """
                {"version": 1, "site": "S", "pairs": [
                  {"id": "p", "boxes": {"A": {"url": "http://a:1880", "auth": {"type": "none"}},
                                        "B": {"url": "http://b:1880", "auth": {"type": "none"}}},
                   "arbiter": {"port": "COM3"}}]}
                """);
        Pair p = site.pairs().get(0);
        assertThat(p.name()).isEqualTo("p");
        assertThat(p.preferred()).isEqualTo(BoxId.A);
        assertThat(p.hasCanary()).isFalse();
        assertThat(p.arbiter().baud()).isEqualTo(115200);
        assertThat(p.policy().fencing()).as("arbiter configured: fence by arbiter").isEqualTo(Policy.Fencing.ARBITER);
        assertThat(p.policy().intervalMs()).isEqualTo(250);
    }

    @Test
    void eachBadInputNamesItsPathLineAndColumn() {
        for (BadInput bad : BadInput.all()) {
            String text = BASE.replace(bad.replace(), bad.with());
            assertThat(text).as(bad.name()).isNotEqualTo(BASE);
            SiteFileException e = catchThrowableOfType(() -> SiteFile.parse(Path.of("hall-b.json"), text),
                    SiteFileException.class);
            assertThat(e).as(bad.name() + " is rejected").isNotNull();
            List<Problem> atPath = e.problems().stream().filter(p -> p.path().equals(bad.path())).toList();
            assertThat(atPath).as(bad.name() + ": " + e.problems()).hasSize(1);
            Problem p = atPath.get(0);
            assertThat(p.line()).as(bad.name() + ": " + p).isEqualTo(lineOf(text, bad.marker()));
            assertThat(p.column()).as(bad.name()).isPositive();
            assertThat(p.message()).as(bad.name()).contains(bad.says());
            assertThat(e.getMessage()).as(bad.name()).contains("hall-b.json:line " + p.line());
        }
    }

    @Test
    void literalPasswordsAreRejectedWithoutEchoingThem() {
        String quoted = BASE.replace("\"env:LINE1_B_PW\"", "\"Sup3r-Secret!\"");
        String bare = BASE.replace("\"env:LINE1_B_PW\"", "Sup3rSecret");
        for (String text : List.of(quoted, bare)) {
            SiteFileException e = catchThrowableOfType(() -> SiteFile.parse(Path.of("s.json"), text),
                    SiteFileException.class);
            assertThat(e.getMessage()).doesNotContain("Sup3r");
            assertThat(e.problems().get(0).line()).isEqualTo(lineOf(text, "Sup3r"));
        }
    }

    @Test
    void allProblemsAreReportedNotJustTheFirst() {
        String text = BASE.replace("\"intervalMs\": 250", "\"intervalMs\": 5")
                .replace("\"preferred\": \"A\"", "\"preferred\": \"C\"")
                .replace("\"http://10.0.0.11:1880\"", "\"ftp://10.0.0.11\"");
        SiteFileException e = catchThrowableOfType(() -> SiteFile.parse(Path.of("s.json"), text), SiteFileException.class);
        assertThat(e.problems()).extracting(Problem::path).containsExactlyInAnyOrder(
                "pairs[0].policy.intervalMs", "pairs[0].preferred", "pairs[0].boxes.A.url");
    }

    @Test
    void truncatedFileSaysSoWithItsLine() throws IOException {
        Path file = dir.resolve("site.json");
        Files.writeString(file, BASE.substring(0, BASE.indexOf("\"policy\"")));
        SiteFileException e = catchThrowableOfType(() -> SiteFile.load(file), SiteFileException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("the file ends too early");
            assertThat(p.line()).isEqualTo(BASE.substring(0, BASE.indexOf("\"policy\"")).split("\n", -1).length);
        });
    }

    @Test
    void missingAndEmptyFilesAreClearErrors() throws IOException {
        assertThatThrownBy(() -> SiteFile.load(dir.resolve("nope.json"))).isInstanceOf(SiteFileException.class)
                .hasMessageContaining("nope.json").hasMessageContaining("file not found");
        Path empty = Files.writeString(dir.resolve("empty.json"), "  \n");
        assertThatThrownBy(() -> SiteFile.load(empty)).isInstanceOf(SiteFileException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void saveRoundTripsAndKeepsThePreviousGoodFileAsBackup() throws Exception {
        Path file = dir.resolve("site.json");
        Site first = SiteFile.load(EXAMPLE);
        SiteFile.save(file, first);
        assertThat(SiteFile.load(file)).isEqualTo(first);
        assertThat(SiteFile.backupOf(file)).doesNotExist();
        String firstBytes = Files.readString(file);

        Site second = new Site("Hall C", first.pairs().subList(0, 1));
        SiteFile.save(file, second);
        assertThat(SiteFile.load(file)).isEqualTo(second);
        assertThat(Files.readString(SiteFile.backupOf(file))).isEqualTo(firstBytes);
        assertThat(leftovers()).containsExactlyInAnyOrder("site.json", "site.json.bak");
    }

    @Test
    void anInvalidSiteNeverReplacesAGoodFile() throws Exception {
        Path file = dir.resolve("site.json");
        SiteFile.save(file, SiteFile.load(EXAMPLE));
        String good = Files.readString(file);
        Pair bad = pair("p", AuthRef.password("ha", "hunter2"));
        assertThatThrownBy(() -> SiteFile.save(file, new Site("S", List.of(bad))))
                .isInstanceOf(SiteFileException.class).hasMessageContaining("literal password")
                .hasMessageNotContaining("hunter2");
        assertThat(Files.readString(file)).isEqualTo(good);
        assertThat(leftovers()).containsExactly("site.json");
    }

    @Test
    void aBrokenFileIsNotKeptAsBackup() throws Exception {
        Path file = dir.resolve("site.json");
        SiteFile.save(file, SiteFile.load(EXAMPLE));
        String good = Files.readString(file);
        SiteFile.save(file, new Site("Hall C", List.of(pair("p", AuthRef.none()))));
        Files.writeString(file, "{\"version\": 1, \"site\": ");
        SiteFile.save(file, new Site("Hall D", List.of(pair("q", AuthRef.none()))));
        assertThat(SiteFile.load(file).name()).isEqualTo("Hall D");
        assertThat(good).contains("Hall B");
        assertThat(Files.readString(SiteFile.backupOf(file))).as("the last good file, not the broken one")
                .isEqualTo(good);
    }

    @Test
    void duplicatePairIdsAreRejectedAtTheSecond() {
        String pair = BASE.substring(BASE.indexOf("{\"id\""), BASE.lastIndexOf("]"));
        String text = BASE.replace(pair, pair.stripTrailing() + ",\n" + pair);
        SiteFileException e = catchThrowableOfType(() -> SiteFile.parse(Path.of("s.json"), text), SiteFileException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("pairs[1].id");
            assertThat(p.message()).contains("duplicate pair id 'line1'");
        });
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static Pair pair(String id, AuthRef auth) {
        Map<BoxId, BoxConfig> boxes = Map.of(BoxId.A, new BoxConfig(URI.create("http://127.0.0.1:1880"), auth, null),
                BoxId.B, new BoxConfig(URI.create("http://127.0.0.1:1881"), AuthRef.none(), null));
        return new Pair(id, id, boxes, BoxId.A, "/redpair/heartbeat", null, Policy.defaults());
    }

    static int lineOf(String text, String marker) {
        int at = text.indexOf(marker);
        assertThat(at).as("marker " + marker).isNotNegative();
        return text.substring(0, at).split("\n", -1).length;
    }

    static final String BASE = """
            {"version": 1, "site": "Hall B",
             "pairs": [{"id": "line1", "name": "Line 1",
                        "boxes": {"A": {"url": "http://10.0.0.11:1880", "auth": {"type": "none"}},
                                  "B": {"url": "http://10.0.0.12:1880",
                                        "auth": {"type": "password", "username": "ha",
                                                 "secret": "env:LINE1_B_PW"}}},
                        "preferred": "A", "heartbeatPath": "/redpair/heartbeat",
                        "policy": {"intervalMs": 250, "missedBeats": 4, "autoFailover": true,
                                   "holdDownS": 600, "startupGraceMs": 3000}}]}
            """;

    /** One kind of bad input: replace text in BASE; expect a problem at the path, on the marker's line. */
    record BadInput(String name, String replace, String with, String path, String marker, String says) {
        static List<BadInput> all() {
            return List.of(
                    new BadInput("unknown root key", "\"site\": \"Hall B\"", "\"site\": \"Hall B\", \"sitee\": 1",
                            "sitee", "\"sitee\"", "unknown key 'sitee'"),
                    new BadInput("unknown box key", "\"auth\": {\"type\": \"none\"}", "\"auth\": {\"type\": \"none\"}, \"urll\": 1",
                            "pairs[0].boxes.A.urll", "\"urll\"", "allowed: auth, tlsPin, url"),
                    new BadInput("literal password", "\"env:LINE1_B_PW\"", "\"hunter2\"",
                            "pairs[0].boxes.B.auth.secret", "hunter2", "literal password is not allowed"),
                    new BadInput("bad url", "\"http://10.0.0.12:1880\"", "\"10.0.0.12:1880\"",
                            "pairs[0].boxes.B.url", "\"10.0.0.12:1880\"", "http:// or https://"),
                    new BadInput("interval not a number", "\"intervalMs\": 250", "\"intervalMs\": \"fast\"",
                            "pairs[0].policy.intervalMs", "\"fast\"", "whole number"),
                    new BadInput("missed beats out of range", "\"missedBeats\": 4", "\"missedBeats\": 0",
                            "pairs[0].policy.missedBeats", "\"missedBeats\"", "out of range"),
                    new BadInput("boolean expected", "\"autoFailover\": true", "\"autoFailover\": \"yes\"",
                            "pairs[0].policy.autoFailover", "\"yes\"", "true or false"),
                    new BadInput("wrong version", "\"version\": 1", "\"version\": 2",
                            "version", "\"version\"", "unsupported version"),
                    new BadInput("fencing by arbiter without one", "\"startupGraceMs\": 3000",
                            "\"startupGraceMs\": 3000, \"fencing\": \"arbiter\"",
                            "pairs[0].policy.fencing", "\"arbiter\"", "needs an 'arbiter'"),
                    new BadInput("missing box", "\"B\": {\"url\"", "\"C\": {\"url\"",
                            "pairs[0].boxes.C", "\"C\"", "unknown key 'C'"),
                    new BadInput("unknown auth type", "{\"type\": \"none\"}", "{\"type\": \"basic\"}",
                            "pairs[0].boxes.A.auth.type", "\"basic\"", "none, password, token"),
                    new BadInput("key of another auth type", "{\"type\": \"none\"}", "{\"type\": \"none\", \"header\": \"x\"}",
                            "pairs[0].boxes.A.auth.header", "\"header\"", "auth of type none"),
                    new BadInput("pin on plain http", "\"auth\": {\"type\": \"none\"}",
                            "\"auth\": {\"type\": \"none\"}, \"tlsPin\": \"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\"",
                            "pairs[0].boxes.A.tlsPin", "\"47DEQ", "needs an https url"),
                    new BadInput("duplicate key", "\"preferred\": \"A\"", "\"preferred\": \"A\", \"preferred\": \"B\"",
                            "(syntax)", "\"preferred\": \"B\"", "Duplicate field 'preferred'"),
                    new BadInput("syntax error", "\"missedBeats\": 4,", "\"missedBeats\": 4,,",
                            "(syntax)", ",,", "not valid JSON"),
                    new BadInput("heartbeat path", "\"/redpair/heartbeat\"", "\"redpair/heartbeat\"",
                            "pairs[0].heartbeatPath", "\"redpair/heartbeat\"", "starting with /"));
        }
    }
}
