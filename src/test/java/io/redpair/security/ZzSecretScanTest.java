package io.redpair.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.testsupport.TestSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No test secret in any log, report or export of this build: scans everything the earlier tests left
 * under {@code target/} (surefire and failsafe reports with the captured output, Node-RED box logs,
 * exports, journals). Runs LAST: the pom runs it in its own surefire execution in the {@code verify}
 * phase, after every other test; the default test run excludes it.
 */
class ZzSecretScanTest {

    static final Path TARGET = Path.of(System.getProperty("redpair.project.dir", "."), "target");

    final SecretScanner scanner = new SecretScanner(TestSecrets.ALL, "TESTSECRET");

    @Test
    void noTestSecretAppearsInAnyLogReportOrExport() throws Exception {
        Path reports = TARGET.resolve("surefire-reports");
        assertThat(reports).as("the scan runs after the unit tests, so their reports exist").isDirectory();
        try (Stream<Path> outputs = Files.list(reports)) {
            assertThat(outputs.filter(p -> p.toString().endsWith("-output.txt")).count())
                    .as("captured test output to scan").isPositive();
        }
        SecretScanner.Result result = scanner.scan(TARGET);
        assertThat(result.leaks()).as("secrets found in %d files scanned", result.filesScanned()).isEmpty();
    }

    @Test
    void theScanWouldCatchASecretPlantedInARealReport(@TempDir Path copy) throws Exception {
        Path reports = TARGET.resolve("surefire-reports");
        Path real;
        try (Stream<Path> outputs = Files.list(reports)) {
            real = outputs.filter(p -> p.toString().endsWith("-output.txt")).findFirst().orElseThrow();
        }
        Path planted = Files.createDirectories(copy.resolve("surefire-reports")).resolve(real.getFileName());
        Files.copy(real, planted);
        Files.writeString(planted, "\nDEBUG login body {\"password\":\"" + TestSecrets.BOX_PASSWORD + "\"}\n",
                StandardOpenOption.APPEND);
        List<SecretScanner.Leak> leaks = scanner.scan(copy).leaks();
        assertThat(leaks).extracting(SecretScanner.Leak::file).containsOnly(planted);
    }
}
