package org.recausal.engine.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out from the first part of a file how to read it: the delimiter, whether there is a header, the column
 * names and types. Options the analyst fixed are taken as they are.
 */
final class Sniffer {

    /** Tried in this order; the first wins a tie. Space comes last and only counts when nothing else splits. */
    private static final List<Delimiter> CANDIDATES = List.of(Delimiter.COMMA, Delimiter.TAB, Delimiter.SEMICOLON,
            Delimiter.PIPE, Delimiter.SPACE);

    /** What the sniffing found. */
    record Result(Dialect dialect, List<ColumnPlan> columns) {
    }

    private final ImportOptions options;
    private final String source;
    private final MissingTokens missing;

    Sniffer(ImportOptions options, String source) {
        this.options = options;
        this.source = source;
        this.missing = new MissingTokens(options.missingTokens());
    }

    /**
     * @param sample   holds the first bytes of the text (after any BOM) from {@code offset}
     * @param complete whether the sample is the whole text, so its last record is not cut off
     */
    Result sniff(byte[] sample, int offset, int length, boolean complete) {
        Text text = new Text(sample, offset, length, complete);
        Delimiter delimiter = options.delimiter() == Delimiter.AUTO ? detectDelimiter(text) : options.delimiter();
        List<String[]> records = records(text, delimiter);
        if (records.isEmpty()) {
            throw new DataImportException(source + " is empty: it holds no records");
        }
        int columns = records.getFirst().length;
        boolean header = switch (options.header()) {
            case PRESENT -> true;
            case ABSENT -> false;
            case AUTO -> detectHeader(records, columns);
        };
        if (header && records.size() == 1) {
            throw new DataImportException(source + " has a header row (" + String.join(", ", records.getFirst())
                    + ") but no data rows");
        }
        if (!header) {
            columns = modeFieldCount(records);
        }
        List<String> names = names(header ? records.getFirst() : null, columns);
        checkOverrides(names);
        List<String[]> body = header ? records.subList(1, records.size()) : records;
        List<ColumnPlan> plans = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            List<String> values = values(body, c);
            ColumnType forced = options.columnTypes().get(names.get(c));
            plans.add(forced == null ? TypeInference.infer(names.get(c), values)
                    : TypeInference.forced(names.get(c), forced, values));
        }
        return new Result(new Dialect(delimiter, header), plans);
    }

    /** The sample's bytes. */
    private record Text(byte[] bytes, int offset, int length, boolean complete) {
    }

    private Delimiter detectDelimiter(Text text) {
        Delimiter best = Delimiter.COMMA;
        double bestScore = 0;
        int bestFields = 1;
        for (Delimiter candidate : CANDIDATES) {
            if (candidate == Delimiter.SPACE && bestFields > 1) {
                break;
            }
            List<String[]> records = records(text, candidate);
            int fields = modeFieldCount(records);
            if (fields < 2) {
                continue;
            }
            long consistent = records.stream().filter(r -> r.length == fields).count();
            double score = (double) consistent / records.size();
            if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && fields > bestFields)) {
                best = candidate;
                bestScore = score;
                bestFields = fields;
            }
        }
        return best;
    }

    /**
     * A header is there when a column whose body is typed (numbers, booleans, times) has a first cell that does not
     * read as that type; or, when all columns hold text, the first cells are distinct, present and never repeat
     * further down.
     */
    private boolean detectHeader(List<String[]> records, int columns) {
        String[] first = records.getFirst();
        if (records.size() == 1) {
            for (String cell : first) {
                if (missing.matches(cell) || TypeInference.infer("", List.of(cell)).type() != ColumnType.CATEGORICAL) {
                    return false;
                }
            }
            return true;
        }
        List<String[]> body = records.subList(1, records.size());
        boolean anyTyped = false;
        for (int c = 0; c < Math.min(columns, first.length); c++) {
            ColumnPlan plan = TypeInference.infer("", values(body, c));
            if (plan.type().isDictionaryEncoded()) {
                continue;
            }
            anyTyped = true;
            if (!missing.matches(first[c]) && !reads(plan, first[c])) {
                return true;
            }
        }
        if (anyTyped) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < first.length; c++) {
            if (missing.matches(first[c]) || !seen.add(first[c]) || values(body, c).contains(first[c])) {
                return false;
            }
        }
        return true;
    }

    private static boolean reads(ColumnPlan plan, String cell) {
        byte[] b = cell.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ColumnBuilder.create(plan).stage(b, 0, b.length);
    }

    private List<String> values(List<String[]> records, int column) {
        List<String> values = new ArrayList<>();
        for (String[] record : records) {
            if (column < record.length) {
                String value = record[column].trim();
                if (!missing.matches(value)) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private List<String> names(String[] header, int columns) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int c = 0; c < columns; c++) {
            String name = header != null && c < header.length ? header[c].trim() : "";
            if (name.isEmpty()) {
                name = "column_" + (c + 1);
            }
            String unique = name;
            for (int n = 2; !used.add(unique); n++) {
                unique = name + "_" + n;
            }
            names.add(unique);
        }
        return names;
    }

    private void checkOverrides(List<String> names) {
        for (String column : options.columnTypes().keySet()) {
            if (!names.contains(column)) {
                throw new DataImportException("a type is set for column '" + column + "', but " + source
                        + " has no such column; its columns are " + String.join(", ", names));
            }
        }
    }

    private static int modeFieldCount(List<String[]> records) {
        Map<Integer, Integer> counts = new HashMap<>();
        int mode = 1;
        int best = 0;
        for (String[] record : records) {
            int count = counts.merge(record.length, 1, Integer::sum);
            if (count > best || (count == best && record.length > mode)) {
                best = count;
                mode = record.length;
            }
        }
        return mode;
    }

    private List<String[]> records(Text text, Delimiter delimiter) {
        RecordTokenizer tokenizer = new RecordTokenizer(new ByteArrayInputStream(text.bytes, text.offset, text.length),
                delimiter.symbol(), 1 << 16);
        List<String[]> records = new ArrayList<>();
        try {
            while (records.size() <= options.sampleRecords() && tokenizer.next()) {
                if (tokenizer.blankLine()) {
                    continue;
                }
                String[] fields = new String[tokenizer.fieldCount()];
                for (int f = 0; f < fields.length; f++) {
                    fields[f] = tokenizer.text(f);
                }
                records.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean cutOff = !text.complete || records.size() > options.sampleRecords();
        if (cutOff && records.size() > 1) {
            records.removeLast();
        }
        return records;
    }
}
