package io.redpair.testkit;

import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a site file (docs/site-file.md format) for one pair of local lab boxes, as an operator would. */
public final class LabSiteFile {

    private LabSiteFile() {
    }

    /** Pair {@code line1}: A and B anonymous, preferred A, the shipped policy; the canary path only if asked. */
    public static Path write(Path dir, NodeRedProcess a, NodeRedProcess b, boolean canary) throws IOException {
        return write(dir, a, b, canary, 3000);
    }

    /**
     * As {@link #write(Path, NodeRedProcess, NodeRedProcess, boolean)} with another start-up grace: a freshly
     * started JVM on a loaded test machine may need more than 3 s to hear both boxes.
     */
    public static Path write(Path dir, NodeRedProcess a, NodeRedProcess b, boolean canary, int startupGraceMs)
            throws IOException {
        Path site = dir.resolve("site.json");
        String heartbeat = canary ? "\"heartbeatPath\": \"" + BoxOptions.CANARY_PATH + "\"," : "";
        Files.writeString(site, """
                {"version": 1, "site": "Lab",
                 "pairs": [{"id": "line1", "name": "Line 1",
                            "boxes": {"A": {"url": "%s", "auth": {"type": "none"}},
                                      "B": {"url": "%s", "auth": {"type": "none"}}},
                            "preferred": "A", %s
                            "policy": {"intervalMs": 250, "missedBeats": 4, "autoFailover": true,
                                       "holdDownS": 600, "startupGraceMs": %d}}]}
                """.formatted(a.adminUrl(), b.adminUrl(), heartbeat, startupGraceMs));
        return site;
    }
}
