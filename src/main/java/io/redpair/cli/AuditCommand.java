package io.redpair.cli;

import io.redpair.store.Journal;
import io.redpair.store.audit.AuditExport;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditUnavailableException;
import io.redpair.store.audit.AuditVerification;
import io.redpair.store.secrets.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code redpair audit verify|export}: checks and exports the hash-chained audit trail in a site's
 * journal ({@code <site>.journal.db}). Both open the journal read-only and never create it.
 */
@Command(name = "audit", description = "Check or export the audit trail of a site.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
public final class AuditCommand {

    /** Which journal: the one beside a site file, or an explicit file. */
    static final class Source {
        @Option(names = "--site", required = true, description = "Site file; its journal is <site>.journal.db.")
        Path site;
        @Option(names = "--journal", required = true, description = "Journal file, when not beside the site.")
        Path journal;

        Path journalFile() {
            return journal != null ? journal : Journal.fileFor(site);
        }
    }

    @Command(name = "verify", description = "Check the hash chain; names the first row that was altered, removed or moved.")
    static final class Verify implements Callable<Integer> {
        @Spec CommandSpec spec;
        @ArgGroup(multiplicity = "1") Source source;
        @Option(names = "--expect-head", paramLabel = "SEQ:HASH",
                description = "A head printed by an earlier verify (seq:hash, at least 8 hex digits); detects truncation.")
        String expectHead;

        @Override
        public Integer call() {
            try (AuditLog log = AuditLog.openReadOnly(source.journalFile())) {
                AuditVerification v = log.verify();
                (v.ok() ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(v.summary());
                if (!v.ok() || expectHead == null) {
                    return v.ok() ? ExitCodes.OK : ExitCodes.FAILED;
                }
                String[] anchor = expectHead.split(":", 2);
                String problem = log.checkAnchor(Long.parseLong(anchor[0]), anchor.length < 2 ? null : anchor[1]);
                if (problem != null) {
                    spec.commandLine().getErr().println("audit anchor FAILED: " + problem);
                    return ExitCodes.FAILED;
                }
                spec.commandLine().getOut().println("recorded head " + expectHead + " is still in the chain");
                return ExitCodes.OK;
            } catch (NumberFormatException e) {
                spec.commandLine().getErr().println("redpair: --expect-head must be SEQ:HASH, got " + expectHead);
                return ExitCodes.USAGE;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("redpair: " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (AuditUnavailableException e) {
                spec.commandLine().getErr().println("redpair: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
    }

    @Command(name = "export", description = "Write the audit rows since a time as CSV or JSON Lines.")
    static final class Export implements Callable<Integer> {
        @Spec CommandSpec spec;
        @ArgGroup(multiplicity = "1") Source source;
        @Option(names = "--since", required = true, converter = SinceConverter.class,
                description = "ISO-8601 time, e.g. 2026-11-01T00:00Z, or a date (UTC midnight).")
        Instant since;
        @Option(names = "--format", defaultValue = "jsonl", converter = FormatConverter.class, description = "csv or jsonl.")
        AuditExport.Format format;
        @Option(names = "--output", description = "File to write (atomically); default stdout.")
        Path output;

        @Override
        public Integer call() throws IOException {
            try (AuditLog log = AuditLog.openReadOnly(source.journalFile())) {
                var rows = log.since(since);
                if (output == null) {
                    AuditExport.write(rows, format, spec.commandLine().getOut());
                } else {
                    StringWriter text = new StringWriter();
                    AuditExport.write(rows, format, text);
                    AtomicFiles.write(output, text.toString().getBytes(StandardCharsets.UTF_8));
                    spec.commandLine().getOut().println(rows.size() + " audit rows written to " + output);
                }
                return ExitCodes.OK;
            } catch (AuditUnavailableException e) {
                spec.commandLine().getErr().println("redpair: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
    }

    static final class SinceConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 time such as 2026-11-01T00:00Z");
            }
        }
    }

    static final class FormatConverter implements ITypeConverter<AuditExport.Format> {
        @Override
        public AuditExport.Format convert(String value) {
            try {
                return AuditExport.Format.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("format must be csv or jsonl, not '" + value + "'");
            }
        }
    }
}
