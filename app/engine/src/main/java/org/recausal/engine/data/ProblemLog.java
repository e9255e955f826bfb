package org.recausal.engine.data;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts every problem and keeps the first few of each kind, so a file with millions of them stays cheap. */
final class ProblemLog {

    static final int EXAMPLES_PER_KIND = 20;

    private final long[] counts = new long[ProblemKind.values().length];
    private final List<ImportProblem> examples = new ArrayList<>();
    private final ImportOptions options;
    private final String source;

    ProblemLog(ImportOptions options, String source) {
        this.options = options;
        this.source = source;
    }

    /**
     * Records a problem and returns the policy for it.
     *
     * @throws DataImportException when the policy is {@link ProblemPolicy#STOP}
     */
    ProblemPolicy report(ProblemKind kind, long line, String column, String detail) {
        ImportProblem problem = new ImportProblem(kind, line, column, detail);
        if (counts[kind.ordinal()]++ < EXAMPLES_PER_KIND) {
            examples.add(problem);
        }
        ProblemPolicy policy = options.policy(kind);
        if (policy == ProblemPolicy.STOP) {
            throw new DataImportException("import of " + source + " stopped at " + problem, line, column);
        }
        return policy;
    }

    Map<ProblemKind, Long> counts() {
        Map<ProblemKind, Long> map = new EnumMap<>(ProblemKind.class);
        for (ProblemKind kind : ProblemKind.values()) {
            if (counts[kind.ordinal()] > 0) {
                map.put(kind, counts[kind.ordinal()]);
            }
        }
        return map;
    }

    List<ImportProblem> examples() {
        return examples;
    }
}
