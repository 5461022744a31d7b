package io.redpair.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.redpair.pair.Site;
import io.redpair.pair.approval.ApprovalSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site file's {@code "approvals"} key (ADR 0072): read, validated with path and line, written back. */
class SiteApprovalsTest {

    static final String PAIRS = """
            "pairs": [{"id": "p", "boxes": {"A": {"url": "http://a:1880", "auth": {"type": "none"}},
                                            "B": {"url": "http://b:1880", "auth": {"type": "none"}}}}]""";

    @TempDir
    Path dir;

    private static Site parse(String approvals) throws SiteFileException {
        return SiteFile.parse(Path.of("s.json"), "{\"version\": 1, \"site\": \"S\",\n" + approvals + PAIRS + "}");
    }

    @Test
    void absentMeansOnePersonAndTheRuleIsReadWhenPresent() throws Exception {
        assertThat(parse("").approvals()).isEqualTo(ApprovalSettings.singlePerson());
        assertThat(parse("\"approvals\": {\"twoPerson\": true, \"windowS\": 120},\n").approvals())
                .isEqualTo(new ApprovalSettings(true, Duration.ofSeconds(120)));
        assertThat(parse("\"approvals\": {\"twoPerson\": true},\n").approvals().window()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void badApprovalsAreNamedWithPathAndLine() {
        SiteFileException e = catchThrowableOfType(() -> parse("\"approvals\": {\"twoPerson\": true, \"windowS\": 0},\n"),
                SiteFileException.class);
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("approvals.windowS");
            assertThat(p.line()).isEqualTo(2);
        });
        e = catchThrowableOfType(() -> parse("\"approvals\": {\"twoPersons\": true},\n"), SiteFileException.class);
        assertThat(e.getMessage()).contains("twoPersons");
        e = catchThrowableOfType(() -> parse("\"approvals\": {\"twoPerson\": \"yes\"},\n"), SiteFileException.class);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.path()).isEqualTo("approvals.twoPerson"));
        e = catchThrowableOfType(() -> parse("\"approvals\": true,\n"), SiteFileException.class);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.path()).isEqualTo("approvals"));
    }

    @Test
    void saveKeepsTheRule() throws Exception {
        Site site = parse("\"approvals\": {\"twoPerson\": true, \"windowS\": 90},\n");
        Path file = dir.resolve("site.json");
        SiteFile.save(file, site);
        assertThat(Files.readString(file)).contains("\"approvals\"");
        assertThat(SiteFile.load(file).approvals()).isEqualTo(site.approvals());
        SiteFile.save(file, parse(""));
        assertThat(Files.readString(file)).doesNotContain("approvals");
    }
}
