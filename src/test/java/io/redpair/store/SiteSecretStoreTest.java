package io.redpair.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.redpair.pair.SecretStoreKind;
import io.redpair.pair.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site file's {@code "secretStore"} key (ADR 0079): read, validated with path and line, written back. */
class SiteSecretStoreTest {

    @TempDir
    Path dir;

    private static Site parse(String setting) throws SiteFileException {
        return SiteFile.parse(Path.of("s.json"), "{\"version\": 1, \"site\": \"S\",\n" + setting
                + SiteApprovalsTest.PAIRS + "}");
    }

    @Test
    void absentMeansTheVaultAndKeychainIsReadWhenPresent() throws Exception {
        assertThat(parse("").secretStore()).isEqualTo(SecretStoreKind.VAULT);
        assertThat(parse("\"secretStore\": \"vault\",\n").secretStore()).isEqualTo(SecretStoreKind.VAULT);
        assertThat(parse("\"secretStore\": \"keychain\",\n").secretStore()).isEqualTo(SecretStoreKind.KEYCHAIN);
    }

    @Test
    void anUnknownStoreIsNamedWithPathAndLine() {
        SiteFileException e = catchThrowableOfType(() -> parse("\"secretStore\": \"plaintext\",\n"),
                SiteFileException.class);
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("secretStore");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("vault").contains("keychain");
        });
    }

    @Test
    void saveKeepsTheSettingAndPairEditsKeepIt() throws Exception {
        Site site = parse("\"secretStore\": \"keychain\",\n");
        Path file = dir.resolve("site.json");
        SiteFile.save(file, site.withPairs(site.pairs()));
        assertThat(Files.readString(file)).contains("\"secretStore\" : \"keychain\"");
        assertThat(SiteFile.load(file).secretStore()).isEqualTo(SecretStoreKind.KEYCHAIN);
        SiteFile.save(file, parse(""));
        assertThat(Files.readString(file)).doesNotContain("secretStore");
    }
}
