package io.redpair.store.trust;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.redpair.pair.BoxId;
import io.redpair.store.secrets.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads and writes {@code <site>.pins.json}:
 * <pre>{"version": 1, "pairs": {"line1": {"A": {"current": "base64", "next": null, "subject": "CN=box-a",
 *   "notAfter": "2027-01-01T00:00:00Z", "confirmedBy": "alice@eng-1", "confirmedAt": "2026-11-26T04:30:00Z"}}}}</pre>
 * Unknown keys and bad values are refused with the file, JSON path and line. Saves are atomic and
 * keep the previous file as {@code .bak}; a file that does not exist reads as "nothing pinned".
 */
public final class PinFile {

    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

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
            json = JSON.readValue(Files.readAllBytes(file), FileJson.class);
        } catch (NoSuchFileException e) {
            return Pins.none();
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new PinFileException(file + ": " + e.getOriginalMessage() + " at " + (path.isEmpty() ? "(root)" : path)
                    + location(e), e);
        } catch (JsonProcessingException e) {
            throw new PinFileException(file + ": not valid JSON: " + e.getOriginalMessage() + location(e), e);
        } catch (IOException e) {
            throw new PinFileException(file + ": cannot be read: " + e.getMessage(), e);
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
            byte[] bytes = JSON.writeValueAsBytes(new FileJson(VERSION, pairs));
            if (Files.exists(file)) {
                Files.copy(file, file.resolveSibling(file.getFileName() + ".bak"), StandardCopyOption.REPLACE_EXISTING);
            }
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new PinFileException(file + ": cannot be written: " + e.getMessage(), e);
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
