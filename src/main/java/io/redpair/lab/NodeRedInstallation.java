package io.redpair.lab;

import java.nio.file.Path;

/**
 * A complete, verified Node-RED install: {@code redJs} is started with {@code node} directly, so
 * the PID RedPair holds is the runtime itself (no npm or shell wrapper in between).
 */
public record NodeRedInstallation(String version, Path directory, Path redJs, String nodeExecutable,
                                  String nodeVersion) {

    /** node-red's own module directory, where its dependencies (bcryptjs, ...) resolve from. */
    public Path nodeRedModule() {
        return directory.resolve("node_modules").resolve("node-red");
    }
}
