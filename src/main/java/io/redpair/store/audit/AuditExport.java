package io.redpair.store.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes audit rows for people and tools: CSV (RFC 4180 quoting, one header line) or JSON Lines
 * (one object per row, {@code details} as a nested object). Both carry {@code prev_hash} and
 * {@code hash}, so an export can be checked against the journal later.
 */
public final class AuditExport {

    public enum Format { CSV, JSONL }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "seq,ts,host,user,category,type,target,result,epoch,details,prev_hash,hash";

    private AuditExport() {
    }

    public static void write(List<AuditRecord> rows, Format format, Writer out) throws IOException {
        if (format == Format.CSV) {
            out.write(HEADER + "\r\n");
        }
        for (AuditRecord row : rows) {
            out.write(format == Format.CSV ? csv(row) : jsonl(row));
        }
        out.flush();
    }

    private static String csv(AuditRecord r) {
        String[] fields = {Long.toString(r.seq()), r.ts(), r.host(), r.user(), r.category(), r.type(), r.target(),
                r.result(), Long.toString(r.epoch()), r.details(), r.prevHash(), r.hash()};
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            line.append(i == 0 ? "" : ",").append(quote(fields[i]));
        }
        return line.append("\r\n").toString();
    }

    /** Quotes a field when it holds a comma, quote or line break; neutralises spreadsheet formulas. */
    static String quote(String field) {
        String f = field == null ? "" : field;
        if (!f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0 && !f.matches("-?\\d+")) {
            f = "'" + f;
        }
        boolean needs = f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r");
        return needs ? "\"" + f.replace("\"", "\"\"") + "\"" : f;
    }

    private static String jsonl(AuditRecord r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("seq", r.seq()).put("ts", r.ts()).put("host", r.host()).put("user", r.user())
                .put("category", r.category()).put("type", r.type()).put("target", r.target())
                .put("result", r.result()).put("epoch", r.epoch());
        try {
            o.set("details", JSON.readTree(r.details()));
            o.put("prev_hash", r.prevHash()).put("hash", r.hash());
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("audit row " + r.seq() + " holds details that are not JSON", e);
        }
    }
}
