package io.redpair.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.redpair.store.secrets.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The small JSON files beside a site (pins, approvers): unknown keys refused, errors that name the file,
 * the JSON path and the line, atomic owner-only saves that keep the previous file as {@code .bak}.
 */
public final class StrictJsonFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** What went wrong, already phrased with the file, path and line; callers wrap it in their own exception. */
    public static final class Problem extends Exception {
        Problem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private StrictJsonFile() {
    }

    /** The file's content as {@code type}, or empty when the file does not exist. */
    public static <T> Optional<T> read(Path file, Class<T> type) throws Problem {
        try {
            return Optional.ofNullable(JSON.readValue(Files.readAllBytes(file), type));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new Problem(file + ": " + e.getOriginalMessage() + " at " + (path.isEmpty() ? "(root)" : path)
                    + location(e), e);
        } catch (JsonProcessingException e) {
            throw new Problem(file + ": not valid JSON: " + e.getOriginalMessage() + location(e), e);
        } catch (IOException e) {
            throw new Problem(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Replaces the file atomically (0600 on POSIX), keeping the previous one as {@code <file>.bak}. */
    public static void write(Path file, Object value) throws Problem {
        try {
            byte[] bytes = JSON.writeValueAsBytes(value);
            if (Files.exists(file)) {
                Files.copy(file, file.resolveSibling(file.getFileName() + ".bak"), StandardCopyOption.REPLACE_EXISTING);
            }
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new Problem(file + ": cannot be written: " + e.getMessage(), e);
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
