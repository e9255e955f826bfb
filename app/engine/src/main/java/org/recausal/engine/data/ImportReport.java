package org.recausal.engine.data;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an import did: the dialect and types it used, how many records it read, kept and dropped, and the problems
 * it met (all counted; the first few of each kind kept as examples).
 */
public record ImportReport(String source, Dialect dialect, Map<String, ColumnType> columnTypes, long recordsRead,
        long rowsImported, long rowsDropped, Map<ProblemKind, Long> problemCounts, List<ImportProblem> examples,
        long bytesRead, Duration elapsed) {

    public ImportReport {
        columnTypes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columnTypes));
        problemCounts = Map.copyOf(problemCounts);
        examples = List.copyOf(examples);
    }

    public long problemCount(ProblemKind kind) {
        return problemCounts.getOrDefault(kind, 0L);
    }

    public long totalProblems() {
        return problemCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    public List<ImportProblem> examples(ProblemKind kind) {
        return examples.stream().filter(p -> p.kind() == kind).toList();
    }
}
