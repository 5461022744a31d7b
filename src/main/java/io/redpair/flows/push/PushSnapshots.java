package io.redpair.flows.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSetLoader;
import io.redpair.flows.FlowsFormatException;
import io.redpair.pair.BoxId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The flows each box had before a push, kept as v2 documents ({@code {"flows":[…],"rev":"…"}}) so a rollback can
 * push them back: {@code <dir>/<pair>/<UTC stamp>-<box>.json}. Written atomically (temp file, then move), so a
 * crash never leaves half a snapshot. Credentials are not in them (GET /flows never returns any); the boxes keep
 * their stored credentials across a rollback, because a deploy without credentials does not remove them.
 */
public final class PushSnapshots {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path dir;

    /** @param dir the snapshot root, e.g. {@code site.json.snapshots} next to the site file */
    public PushSnapshots(Path dir) {
        this.dir = dir;
    }

    /** The snapshot root (for messages). */
    public Path dir() {
        return dir;
    }

    public static PushSnapshots nextTo(Path siteFile) {
        return new PushSnapshots(siteFile.resolveSibling(siteFile.getFileName() + ".snapshots"));
    }

    /** Saves each box's current flows under one stamp; returns the files written. */
    public Map<BoxId, Path> save(String pairId, Map<BoxId, FlowSet> current, Instant now) throws IOException {
        Path pairDir = Files.createDirectories(dir.resolve(pairId));
        Map<BoxId, Path> written = new EnumMap<>(BoxId.class);
        for (Map.Entry<BoxId, FlowSet> e : current.entrySet()) {
            ObjectNode doc = JSON.createObjectNode();
            doc.set("flows", e.getValue().flowsArray());
            doc.put("rev", e.getValue().revision());
            Path target = pairDir.resolve(STAMP.format(now) + "-" + e.getKey() + ".json");
            Path tmp = Files.createTempFile(pairDir, ".snapshot-", ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(doc));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            written.put(e.getKey(), target);
        }
        return written;
    }

    /**
     * The newest snapshot of both boxes, or why there is none to roll back to. Checked before the boxes are read, so
     * "nothing to roll back to" is said whatever state the pair is in.
     */
    public Map<BoxId, FlowSet> complete(String pairId) throws PushRefusedException {
        Map<BoxId, FlowSet> kept;
        try {
            kept = latest(pairId);
        } catch (IOException | FlowsFormatException e) {
            throw new PushRefusedException(PushRefusedException.Kind.BAD_INPUT, "cannot read the push snapshots: "
                    + e.getMessage());
        }
        if (kept.size() != BoxId.values().length) {
            throw new PushRefusedException(PushRefusedException.Kind.BAD_INPUT, "no complete push snapshot for pair \""
                    + pairId + "\" in " + dir + " (a push keeps one; nothing to roll back to)");
        }
        return kept;
    }

    /** The most recent snapshot of each box of the pair (the files of the newest stamp), empty if none. */
    public Map<BoxId, FlowSet> latest(String pairId) throws IOException, FlowsFormatException {
        Path pairDir = dir.resolve(pairId);
        if (!Files.isDirectory(pairDir)) {
            return Map.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(pairDir)) {
            files = s.filter(p -> p.getFileName().toString().matches("\\d{8}T\\d{6}\\.\\d{3}Z-[AB]\\.json")).sorted().toList();
        }
        Optional<String> stamp = files.isEmpty() ? Optional.empty()
                : Optional.of(files.get(files.size() - 1).getFileName().toString().substring(0, 20));
        Map<BoxId, FlowSet> latest = new EnumMap<>(BoxId.class);
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (stamp.isPresent() && name.startsWith(stamp.get())) {
                latest.put(BoxId.valueOf(name.substring(21, 22)), FlowSetLoader.load(f));
            }
        }
        return latest;
    }
}
