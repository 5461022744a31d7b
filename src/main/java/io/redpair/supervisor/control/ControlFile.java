package io.redpair.supervisor.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code <site file>.control}: where the running supervisor listens (loopback port) and its per-run token.
 * Written atomically (temp file, then rename) and readable only by its owner (0600), because the token is what
 * lets a process order a switchover. Deleted when the supervisor stops; a stale one after a crash is harmless:
 * clients only use it while the site lock is held by someone else, and the old token is worthless.
 */
public record ControlFile(int port, String token, long pid) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Path fileFor(Path siteFile) {
        Path abs = siteFile.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + ".control");
    }

    public void write(Path siteFile) throws IOException {
        Path target = fileFor(siteFile);
        Path tmp;
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            tmp = Files.createTempFile(target.getParent(), ".control-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            tmp = Files.createTempFile(target.getParent(), ".control-", ".tmp");
        }
        String body = JSON.createObjectNode().put("port", port).put("token", token).put("pid", pid).toString();
        Files.writeString(tmp, body + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static ControlFile read(Path siteFile) throws IOException {
        Path file = fileFor(siteFile);
        JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        if (n == null || !n.hasNonNull("port") || !n.hasNonNull("token")) {
            throw new IOException(file + ": not a RedPair control file (needs port and token)");
        }
        return new ControlFile(n.get("port").asInt(), n.get("token").asText(), n.path("pid").asLong(-1));
    }

    public static void delete(Path siteFile) throws IOException {
        Files.deleteIfExists(fileFor(siteFile));
    }

    @Override
    public String toString() {
        return "ControlFile[port=" + port + ", pid=" + pid + "]";
    }
}
