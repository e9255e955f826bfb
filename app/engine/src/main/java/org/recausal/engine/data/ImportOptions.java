package org.recausal.engine.data;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to read a delimited text file. Everything the reader can detect is {@code AUTO} by default; each choice can be
 * fixed here instead.
 *
 * @param delimiter     the field separator, or {@link Delimiter#AUTO}
 * @param header        whether the first record names the columns, or {@link HeaderMode#AUTO}
 * @param columnTypes   types to use instead of the inferred ones, by column name (a column without a header is
 *                      named {@code column_1}, {@code column_2}...)
 * @param policies      what to do with each kind of problem
 * @param missingTokens cell texts that mean "no value" (compared exactly, after trimming spaces)
 * @param sampleRecords how many records the sniffing of dialect and types looks at
 */
public record ImportOptions(Delimiter delimiter, HeaderMode header, Map<String, ColumnType> columnTypes,
        Map<ProblemKind, ProblemPolicy> policies, Set<String> missingTokens, int sampleRecords) {

    public static final Set<String> DEFAULT_MISSING_TOKENS = Set.of("", "NA", "NaN", "null");

    public ImportOptions {
        Objects.requireNonNull(delimiter, "delimiter");
        Objects.requireNonNull(header, "header");
        columnTypes = Map.copyOf(columnTypes);
        EnumMap<ProblemKind, ProblemPolicy> complete = new EnumMap<>(defaultPolicies());
        complete.putAll(policies);
        policies = Map.copyOf(complete);
        missingTokens = Set.copyOf(missingTokens);
        if (sampleRecords < 2) {
            throw new IllegalArgumentException("the sample must hold at least 2 records, not " + sampleRecords);
        }
    }

    /** Detect everything; drop records with a wrong field count; keep other troubled cells as missing. */
    public static ImportOptions defaults() {
        return new ImportOptions(Delimiter.AUTO, HeaderMode.AUTO, Map.of(), defaultPolicies(),
                DEFAULT_MISSING_TOKENS, 10_000);
    }

    private static Map<ProblemKind, ProblemPolicy> defaultPolicies() {
        return Map.of(ProblemKind.WRONG_FIELD_COUNT, ProblemPolicy.DROP_ROW,
                ProblemKind.UNCLOSED_QUOTE, ProblemPolicy.DROP_ROW,
                ProblemKind.UNPARSABLE_VALUE, ProblemPolicy.TREAT_AS_MISSING,
                ProblemKind.MISSING_VALUE, ProblemPolicy.TREAT_AS_MISSING);
    }

    public ProblemPolicy policy(ProblemKind kind) {
        return policies.get(kind);
    }

    public ImportOptions withDelimiter(Delimiter newDelimiter) {
        return new ImportOptions(newDelimiter, header, columnTypes, policies, missingTokens, sampleRecords);
    }

    public ImportOptions withHeader(HeaderMode newHeader) {
        return new ImportOptions(delimiter, newHeader, columnTypes, policies, missingTokens, sampleRecords);
    }

    public ImportOptions withColumnType(String column, ColumnType type) {
        Map<String, ColumnType> types = new LinkedHashMap<>(columnTypes);
        types.put(column, type);
        return new ImportOptions(delimiter, header, types, policies, missingTokens, sampleRecords);
    }

    /** The same policy for every kind of problem. */
    public ImportOptions withPolicy(ProblemPolicy policy) {
        Map<ProblemKind, ProblemPolicy> all = new EnumMap<>(ProblemKind.class);
        for (ProblemKind kind : ProblemKind.values()) {
            all.put(kind, policy);
        }
        return new ImportOptions(delimiter, header, columnTypes, all, missingTokens, sampleRecords);
    }

    public ImportOptions withPolicy(ProblemKind kind, ProblemPolicy policy) {
        Map<ProblemKind, ProblemPolicy> changed = new EnumMap<>(policies);
        changed.put(kind, policy);
        return new ImportOptions(delimiter, header, columnTypes, changed, missingTokens, sampleRecords);
    }

    public ImportOptions withMissingTokens(String... tokens) {
        return new ImportOptions(delimiter, header, columnTypes, policies, new LinkedHashSet<>(List.of(tokens)),
                sampleRecords);
    }

    public ImportOptions withSampleRecords(int records) {
        return new ImportOptions(delimiter, header, columnTypes, policies, missingTokens, records);
    }
}
