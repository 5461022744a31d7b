package io.redpair.store.approvers;

import io.redpair.store.StrictJsonFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes {@code <site>.approvers.json}:
 * <pre>{"version": 1, "approvers": {"alice": {"iterations": 600000, "salt": "b64", "hash": "b64",
 *   "addedBy": "root@eng-1", "addedAt": "2026-11-26T07:00:00Z"}}}</pre>
 * Unknown keys and bad values are refused with the file, key and line. Saves are atomic, owner-only
 * (0600) and keep the previous file as {@code .bak}. A missing file reads as "no approvers".
 */
public final class ApproverFile {

    record AccountJson(int iterations, String salt, String hash, String addedBy, String addedAt) {
    }

    record FileJson(int version, Map<String, AccountJson> approvers) {
    }

    private ApproverFile() {
    }

    /** {@code hall-b.json} → {@code hall-b.json.approvers.json}, next to it. */
    public static Path fileFor(Path siteFile) {
        Path abs = siteFile.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + ".approvers.json");
    }

    public static Map<String, ApproverAccount> load(Path file) throws ApproverFileException {
        FileJson json;
        try {
            json = StrictJsonFile.read(file, FileJson.class).orElse(null);
            if (json == null && !Files.exists(file)) {
                return Map.of();
            }
        } catch (StrictJsonFile.Problem e) {
            throw new ApproverFileException(e.getMessage(), e);
        }
        if (json == null || json.version() != 1 || json.approvers() == null) {
            throw new ApproverFileException(file + ": expected {\"version\": 1, \"approvers\": {...}}", null);
        }
        Map<String, ApproverAccount> out = new TreeMap<>();
        for (var e : json.approvers().entrySet()) {
            AccountJson a = e.getValue();
            try {
                out.put(e.getKey(), new ApproverAccount(e.getKey(), new PasswordHash(a.iterations(), a.salt(), a.hash()),
                        a.addedBy(), Instant.parse(a.addedAt())));
            } catch (IllegalArgumentException | NullPointerException | DateTimeParseException ex) {
                throw new ApproverFileException(file + ": bad account at approvers." + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    public static void save(Path file, Map<String, ApproverAccount> accounts) throws ApproverFileException {
        Map<String, AccountJson> json = new TreeMap<>();
        accounts.forEach((name, a) -> json.put(name, new AccountJson(a.password().iterations(), a.password().salt(),
                a.password().hash(), a.addedBy(), a.addedAt().toString())));
        try {
            StrictJsonFile.write(file, new FileJson(1, json));
        } catch (StrictJsonFile.Problem e) {
            throw new ApproverFileException(e.getMessage(), e);
        }
    }
}
