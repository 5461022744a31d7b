package io.redpair.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.redpair.pair.Site;
import io.redpair.store.secrets.AtomicFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes the site file (JSON, {@code "version": 1}); see docs/site-file.md.
 *
 * <p>Reading reports every problem at once, each with its JSON path, line and column (ADR 0032), and
 * never echoes a value that could be a secret. Writing validates first, keeps the previous good file as
 * {@code <name>.bak}, and replaces the file atomically (temp file in the same directory, fsync, rename),
 * so a crash leaves either the old or the new file, and a good file is never replaced by an invalid one.
 */
public final class SiteFile {

    private SiteFile() {
    }

    public static Site load(Path file) throws SiteFileException {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SiteFileException(file, "file not found", e);
        } catch (IOException e) {
            throw new SiteFileException(file, "cannot read: " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /** Parses and validates site-file text; {@code file} only names it in messages. */
    public static Site parse(Path file, String text) throws SiteFileException {
        LocatedJson json;
        try {
            json = LocatedJson.parse(text);
        } catch (JsonProcessingException e) {
            throw new SiteFileException(file, List.of(syntaxProblem(e)));
        } catch (IOException e) {
            throw new SiteFileException(file, "cannot parse: " + e.getMessage(), e);
        }
        Checks checks = new Checks(json);
        Site site = new SiteReader(checks).read(json.root());
        if (site == null) {
            throw new SiteFileException(file, checks.problems());
        }
        return site;
    }

    /** Validates {@code site}, keeps the current good file as .bak, then replaces the file atomically. */
    public static void save(Path file, Site site) throws SiteFileException {
        String json = SiteWriter.toJson(site);
        parse(file, json);
        try {
            backUpIfGood(file);
            AtomicFiles.write(file, json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SiteFileException(file, "cannot write: " + e.getMessage(), e);
        }
    }

    /** The backup path for a site file: {@code site.json} -> {@code site.json.bak}. */
    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    private static void backUpIfGood(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        byte[] current = Files.readAllBytes(file);
        try {
            parse(file, StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(current)).toString());
        } catch (SiteFileException | CharacterCodingException e) {
            return;
        }
        AtomicFiles.write(backupOf(file), current);
    }

    private static Problem syntaxProblem(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        boolean truncated = e instanceof JsonEOFException
                || e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input");
        String message = truncated
                ? "the file ends too early (truncated?): " + clean(e.getOriginalMessage())
                : "not valid JSON: " + clean(e.getOriginalMessage());
        return new Problem("(syntax)", at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(), message);
    }

    /** Jackson quotes unrecognized tokens; an unquoted password would be echoed, so it is cut out. */
    static String clean(String message) {
        String oneLine = message == null ? "" : message.replaceAll("\\s+", " ").trim();
        return oneLine.replaceAll("Unrecognized token '[^']*'", "Unrecognized token (value not shown)")
                .replaceAll("\\(JSON String, Number, Array, Object or token 'null', 'true' or 'false'\\)",
                        "(a string in quotes, a number, an array, an object, true, false or null)");
    }
}
