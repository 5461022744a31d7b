package io.redpair.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteLockTest {

    @TempDir
    Path dir;

    @Test
    void secondHolderInTheSameJvmIsRefusedUntilTheFirstReleases() throws Exception {
        Path site = dir.resolve("site.json");
        Optional<SiteLock> first = SiteLock.tryAcquire(site);
        assertThat(first).isPresent();
        assertThat(SiteLock.tryAcquire(site)).isEmpty();
        assertThat(SiteLock.holderOf(site)).isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        first.get().close();
        try (SiteLock again = SiteLock.tryAcquire(site).orElseThrow()) {
            assertThat(again.file()).isEqualTo(dir.resolve("site.json.lock"));
        }
    }

    @Test
    void lockOfAnotherProcessRefusesUsAndIsFreedByTheKernelWhenThatProcessIsKilled() throws Exception {
        Path site = dir.resolve("site.json");
        Files.writeString(site, "{}");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SiteLockHolder.class.getName(), site.toString())
                .redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(line).isEqualTo("locked");
            assertThat(SiteLock.tryAcquire(site)).isEmpty();
            assertThat(SiteLock.holderOf(site)).isEqualTo(String.valueOf(holder.pid()));
        } finally {
            holder.destroyForcibly(); // SIGKILL: no clean-up code runs in the holder
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        try (SiteLock mine = SiteLock.tryAcquire(site).orElseThrow()) {
            assertThat(SiteLock.holderOf(site)).isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        }
    }
}
