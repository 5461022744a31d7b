package io.redpair.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.testsupport.TestSecrets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner behind ZzSecretScanTest finds planted secrets in every form and skips compiled code. */
class SecretScannerTest {

    @TempDir
    Path target;

    final SecretScanner scanner = new SecretScanner(TestSecrets.ALL, "TESTSECRET");

    @Test
    void findsPlantedSecretsInEachFormAndIgnoresCompiledCode() throws Exception {
        Path reports = Files.createDirectories(target.resolve("surefire-reports"));
        Files.writeString(reports.resolve("clean-output.txt"), "04:00 INFO vault created\n");
        Files.writeString(reports.resolve("a-output.txt"), "04:00 DEBUG body={\"password\":\"" + TestSecrets.BOX_PASSWORD + "\"}\n");
        Path nested = Files.createDirectories(target.resolve("nodered-boxes/box1"));
        Files.writeString(nested.resolve("node-red.log"), "Authorization: Basic "
                + Base64.getEncoder().encodeToString(("admin:" + TestSecrets.TOKEN).getBytes()).substring(0, 8) + "\n"
                + "token=" + Base64.getEncoder().encodeToString(TestSecrets.TOKEN.getBytes()));
        Files.writeString(target.resolve("export.csv"), "seq,ts,type\r\n1,2026-11-26T04:00:00.000Z,secret-set\r\n");
        Files.write(target.resolve("journal.db"), TestSecrets.MASTER_PASSWORD.getBytes(StandardCharsets.UTF_16LE));
        Path classes = Files.createDirectories(target.resolve("test-classes/io/redpair"));
        Files.writeString(classes.resolve("TestSecrets.class"), TestSecrets.BOX_PASSWORD);

        SecretScanner.Result result = scanner.scan(target);

        assertThat(result.leaks()).extracting(l -> target.relativize(l.file()).toString()).containsOnly(
                "surefire-reports/a-output.txt", "nodered-boxes/box1/node-red.log", "journal.db");
        assertThat(result.leaks()).extracting(SecretScanner.Leak::form)
                .anyMatch(f -> f.startsWith("base64")).anyMatch(f -> f.startsWith("utf-16"));
        assertThat(result.leaks()).extracting(SecretScanner.Leak::form).contains("utf-16 secret #2");
        assertThat(result.filesScanned()).isEqualTo(5);
    }

    @Test
    void urlEncodedFormIsFound() throws Exception {
        String secret = "rp TESTSECRET/with&specials";
        SecretScanner special = new SecretScanner(java.util.List.of(secret), "never-present-marker");
        Files.writeString(target.resolve("access.log"), "GET /x?pw=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
        assertThat(special.scan(target).leaks()).extracting(SecretScanner.Leak::form).containsExactly("url-encoded secret #1");
    }

    @Test
    void cleanTreeHasNoLeaks() throws Exception {
        Files.writeString(target.resolve("out.txt"), "nothing to see; secret names like LINE1_B_PW are fine");
        assertThat(scanner.scan(target).leaks()).isEmpty();
    }
}
