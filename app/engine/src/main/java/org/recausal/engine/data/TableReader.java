package org.recausal.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Imports a delimited text file (CSV, TSV, semicolon, pipe or space separated, optionally gzipped) into a
 * {@link Table}, streaming it once into primitive column storage.
 *
 * <p>The tokenizer is our own ({@link RecordTokenizer}) rather than commons-csv: commons-csv hands out a String per
 * cell and a record object per line, which for tens of millions of interaction rows is most of the import time
 * and garbage; ours splits UTF-8 bytes in place and the column builders parse numbers and look up dictionary labels
 * straight from those bytes.
 */
public final class TableReader {

    private static final int CANCEL_CHECK_EVERY = 1 << 12;
    private static final int PROGRESS_EVERY = 1 << 16;
    private static final int BUFFER_BYTES = 1 << 16;

    private TableReader() {
    }

    /** Imports with every setting detected. */
    public static ImportResult read(Path file) {
        return read(file, ImportOptions.defaults(), ProgressListener.NONE, CancellationToken.none());
    }

    /**
     * @throws DataImportException when the file cannot be read as a table, or a problem met the STOP policy
     * @throws org.recausal.engine.task.CancelledException when the token is cancelled
     */
    public static ImportResult read(Path file, ImportOptions options, ProgressListener progress,
            CancellationToken cancel) {
        return read(file, options, Long.MAX_VALUE, progress, cancel);
    }

    /**
     * Reads only the first {@code records} records, as an import dialog's preview: the dialect, types and problems
     * are those a full import finds in them (a full import may still widen a type for a cell further down).
     */
    public static ImportResult preview(Path file, ImportOptions options, int records, CancellationToken cancel) {
        if (records < 1) {
            throw new IllegalArgumentException("a preview needs at least 1 record, not " + records);
        }
        return read(file, options, records, ProgressListener.NONE, cancel);
    }

    private static ImportResult read(Path file, ImportOptions options, long recordLimit, ProgressListener progress,
            CancellationToken cancel) {
        String source = file.getFileName().toString();
        InputStream in;
        long size;
        try {
            size = Files.size(file);
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new DataImportException("cannot read " + source + ": " + describe(e), e);
        }
        return read(source, in, size, options, recordLimit, progress, cancel);
    }

    /**
     * Imports from a stream (an entry of a project file, say), which is read to its end and closed.
     *
     * @param source the name problems and the table are named after, usually the file name
     * @param size   the stream's length in bytes, for progress (0 when unknown)
     */
    public static ImportResult read(String source, InputStream in, long size, ImportOptions options,
            ProgressListener progress, CancellationToken cancel) {
        return read(source, in, size, options, Long.MAX_VALUE, progress, cancel);
    }

    private static ImportResult read(String source, InputStream in, long size, ImportOptions options,
            long recordLimit, ProgressListener progress, CancellationToken cancel) {
        long started = System.nanoTime();
        try (TextInput input = new TextInput(in, size, source)) {
            progress.progress(0, "Reading " + source);
            Sniffer.Result sniffed = new Sniffer(options, source)
                    .sniff(input.sample(), input.sampleOffset(), input.sampleLength(), input.complete());
            Loader loader = new Loader(options, source, sniffed, input, progress, cancel);
            loader.run(recordLimit);
            Table table = new Table(tableName(source), loader.columns());
            Map<String, ColumnType> types = new LinkedHashMap<>();
            table.columns().forEach(c -> types.put(c.name(), c.type()));
            ImportReport report = new ImportReport(source, sniffed.dialect(), types, loader.recordsRead,
                    table.rowCount(), loader.rowsDropped, loader.problems.counts(), loader.problems.examples(),
                    input.bytesRead(), Duration.ofNanos(System.nanoTime() - started));
            progress.progress(1, "Read " + table.rowCount() + " rows from " + source);
            return report.rowsImported() == 0 && report.recordsRead() == 0
                    ? failEmpty(source, sniffed) : new ImportResult(table, report);
        } catch (IOException e) {
            throw new DataImportException("cannot read " + source + ": " + describe(e), e);
        }
    }

    /** NIO exceptions often carry only a path; say what happened. */
    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static ImportResult failEmpty(String source, Sniffer.Result sniffed) {
        throw new DataImportException(sniffed.dialect().header()
                ? source + " has a header row but no data rows" : source + " is empty: it holds no records");
    }

    /** The file name without extensions such as .csv or .tsv.gz. */
    public static String tableName(String fileName) {
        String name = fileName;
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Streams the records into column builders, applying the problem policies. */
    private static final class Loader {
        private final String source;
        private final List<ColumnPlan> plans;
        private final ColumnBuilder[] builders;
        private final boolean header;
        private final MissingTokens missing;
        private final TextInput input;
        private final ProgressListener progress;
        private final CancellationToken cancel;
        private final RecordTokenizer tokenizer;
        final ProblemLog problems;
        long recordsRead;
        long rowsDropped;

        Loader(ImportOptions options, String source, Sniffer.Result sniffed, TextInput input,
                ProgressListener progress, CancellationToken cancel) {
            this.source = source;
            this.plans = sniffed.columns();
            this.builders = plans.stream().map(ColumnBuilder::create).toArray(ColumnBuilder[]::new);
            this.header = sniffed.dialect().header();
            this.missing = new MissingTokens(options.missingTokens());
            this.input = input;
            this.progress = progress;
            this.cancel = cancel;
            this.tokenizer = new RecordTokenizer(input.text(), sniffed.dialect().delimiter().symbol(), BUFFER_BYTES);
            this.problems = new ProblemLog(options, source);
        }

        void run(long recordLimit) throws IOException {
            boolean headerPending = header;
            long records = 0;
            while (recordsRead < recordLimit && tokenizer.next()) {
                if (tokenizer.blankLine()) {
                    continue;
                }
                if (headerPending) {
                    headerPending = false;
                    continue;
                }
                recordsRead++;
                if (!load()) {
                    rowsDropped++;
                }
                if (++records % CANCEL_CHECK_EVERY == 0) {
                    cancel.throwIfCancelled();
                    if (records % PROGRESS_EVERY == 0) {
                        progress.progress(input.fraction(), "Reading " + source + ": " + records + " records");
                    }
                }
            }
        }

        /** Stages and commits one record; false when it is dropped. */
        private boolean load() {
            if (!stage()) {
                for (ColumnBuilder builder : builders) {
                    builder.discard();
                }
                return false;
            }
            for (ColumnBuilder builder : builders) {
                builder.commit();
            }
            return true;
        }

        /** Stages the cells of one record in the builders; false when the record is to be dropped. */
        private boolean stage() {
            long line = tokenizer.line();
            int fields = tokenizer.fieldCount();
            if (tokenizer.unclosedQuote() && problems.report(ProblemKind.UNCLOSED_QUOTE, line, null,
                    "a quote opened in this record is never closed, so the rest of the file was read into it")
                    == ProblemPolicy.DROP_ROW) {
                return false;
            }
            if (fields != builders.length && problems.report(ProblemKind.WRONG_FIELD_COUNT, line, null,
                    fields + " fields where " + builders.length + " were expected") == ProblemPolicy.DROP_ROW) {
                return false;
            }
            byte[] bytes = tokenizer.bytes();
            for (int c = 0; c < builders.length; c++) {
                if (c >= fields) {
                    builders[c].stageMissing();
                    continue;
                }
                int start = tokenizer.start(c);
                int end = tokenizer.end(c);
                if (!tokenizer.quoted(c)) {
                    while (start < end && (bytes[start] == ' ' || bytes[start] == '\t')) {
                        start++;
                    }
                    while (end > start && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
                        end--;
                    }
                }
                if (missing.matches(bytes, start, end)) {
                    if (problems.report(ProblemKind.MISSING_VALUE, line, builders[c].name,
                            "missing value") == ProblemPolicy.DROP_ROW) {
                        return false;
                    }
                    builders[c].stageMissing();
                } else if (!builders[c].stage(bytes, start, end) && !widen(c, bytes, start, end)) {
                    String cell = new String(bytes, start, Math.min(end - start, 80),
                            java.nio.charset.StandardCharsets.UTF_8);
                    if (problems.report(ProblemKind.UNPARSABLE_VALUE, line, builders[c].name, "'" + cell
                            + "' is not " + builders[c].expected()) == ProblemPolicy.DROP_ROW) {
                        return false;
                    }
                    builders[c].stageMissing();
                }
            }
            return true;
        }

        /** Replaces an inferred column's builder by a wider one that reads this cell; false when none does. */
        private boolean widen(int c, byte[] bytes, int start, int end) {
            if (!plans.get(c).inferred()) {
                return false;
            }
            ColumnBuilder wider = builders[c].widenedFor(bytes, start, end);
            if (wider == null || !wider.stage(bytes, start, end)) {
                return false;
            }
            builders[c] = wider;
            return true;
        }

        List<Column> columns() {
            List<Column> columns = new ArrayList<>();
            for (ColumnBuilder builder : builders) {
                columns.add(builder.build());
            }
            return columns;
        }
    }
}
