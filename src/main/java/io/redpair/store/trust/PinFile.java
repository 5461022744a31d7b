package io.redpair.store.trust;

import io.redpair.pair.BoxId;
import io.redpair.store.StrictJsonFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes {@code <site>.pins.json}:
 * <pre>{"version": 1, "pairs": {"line1": {"A": {"current": "base64", "next": null, "subject": "CN=box-a",
 *   "notAfter": "2027-01-01T00:00:00Z", "confirmedBy": "alice@eng-1", "confirmedAt": "2026-11-26T04:30:00Z"}}}}</pre>
 * Unknown keys and bad values are refused with the file, JSON path and line. Saves are atomic and
 * keep the previous file as {@code .bak}; a file that does not exist reads as "nothing pinned".
 */
public final class PinFile {

    static final int VERSION = 1;
    record PinJson(String current, String next, String subject, String notAfter, String confirmedBy, String confirmedAt) {
    }

    record FileJson(int version, Map<String, Map<String, PinJson>> pairs) {
    }

    private PinFile() {
    }

    /** {@code hall-b.json} → {@code hall-b.json.pins.json}, next to it. */
    public static Path fileFor(Path siteFile) {
        Path abs = siteFile.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + ".pins.json");
    }

    public static Pins load(Path file) throws PinFileException {
        FileJson json;
        try {
            json = StrictJsonFile.read(file, FileJson.class).orElse(null);
            if (json == null && !Files.exists(file)) {
                return Pins.none();
            }
        } catch (StrictJsonFile.Problem e) {
            throw new PinFileException(e.getMessage(), e);
        }
        if (json == null || json.version() != VERSION || json.pairs() == null) {
            throw new PinFileException(file + ": expected {\"version\": 1, \"pairs\": {...}}", null);
        }
        return Pins.of(convert(file, json.pairs()));
    }

    private static Map<String, Map<BoxId, BoxPin>> convert(Path file, Map<String, Map<String, PinJson>> pairs)
            throws PinFileException {
        Map<String, Map<BoxId, BoxPin>> out = new TreeMap<>();
        for (var pair : pairs.entrySet()) {
            Map<BoxId, BoxPin> boxes = new EnumMap<>(BoxId.class);
            for (var box : pair.getValue().entrySet()) {
                String where = "pairs." + pair.getKey() + "." + box.getKey();
                try {
                    PinJson p = box.getValue();
                    boxes.put(BoxId.valueOf(box.getKey()), new BoxPin(p.current(), p.next(), p.subject(),
                            p.notAfter() == null ? null : Instant.parse(p.notAfter()), p.confirmedBy(),
                            Instant.parse(p.confirmedAt())));
                } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
                    throw new PinFileException(file + ": bad pin at " + where + ": " + e.getMessage(), e);
                }
            }
            out.put(pair.getKey(), boxes);
        }
        return out;
    }

    public static void save(Path file, Pins pins) throws PinFileException {
        Map<String, Map<String, PinJson>> pairs = new LinkedHashMap<>();
        pins.asMap().forEach((pair, boxes) -> {
            Map<String, PinJson> json = new LinkedHashMap<>();
            boxes.forEach((box, p) -> json.put(box.name(), new PinJson(p.current(), p.next(), p.subject(),
                    p.notAfter() == null ? null : p.notAfter().toString(), p.confirmedBy(), p.confirmedAt().toString())));
            pairs.put(pair, json);
        });
        try {
            StrictJsonFile.write(file, new FileJson(VERSION, pairs));
        } catch (StrictJsonFile.Problem e) {
            throw new PinFileException(e.getMessage(), e);
        }
    }
}
