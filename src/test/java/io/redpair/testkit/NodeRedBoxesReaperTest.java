package io.redpair.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leftover boxes of a killed test JVM are reaped, and nothing else is. */
class NodeRedBoxesReaperTest {

    @Test
    void aBoxWhoseJvmIsGoneIsKilled(@TempDir Path root) throws Exception {
        Path userDir = Files.createDirectories(root.resolve("box1"));
        Process leftover = standIn(userDir);
        Files.writeString(userDir.resolve("node-red.pid"), leftover.pid() + "\n" + deadPid() + "\n");

        NodeRedBoxes.reapLeftovers(root);

        assertThat(leftover.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(userDir.resolve("node-red.pid")).doesNotExist();
    }

    @Test
    void aBoxOfARunningJvmOrAReusedPidIsLeftAlone(@TempDir Path root) throws Exception {
        Path ownedDir = Files.createDirectories(root.resolve("box1"));
        Path reusedDir = Files.createDirectories(root.resolve("box2"));
        Process owned = standIn(ownedDir);
        Process unrelated = standIn(Files.createDirectories(root.resolve("elsewhere")));
        try {
            Files.writeString(ownedDir.resolve("node-red.pid"), owned.pid() + "\n" + ProcessHandle.current().pid() + "\n");
            Files.writeString(reusedDir.resolve("node-red.pid"), unrelated.pid() + "\n" + deadPid() + "\n");

            NodeRedBoxes.reapLeftovers(root);

            assertThat(owned.waitFor(300, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            owned.destroyForcibly().waitFor();
            unrelated.destroyForcibly().waitFor();
        }
    }

    /** A long-running process whose command line names {@code dir}, like {@code node red.js --userDir dir}. */
    private static Process standIn(Path dir) throws Exception {
        return new ProcessBuilder("node", "-e", "setTimeout(() => {}, 60000)", dir.toString()).start();
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
