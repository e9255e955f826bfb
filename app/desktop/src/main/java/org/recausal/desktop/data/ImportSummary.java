package org.recausal.desktop.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.data.ImportProblem;
import org.recausal.engine.data.ImportReport;
import org.recausal.engine.data.ProblemKind;

/** How an import report reads to the analyst: rows kept and dropped, and each kind of problem with its count. */
final class ImportSummary {

    private ImportSummary() {
    }

    /**
     * E.g. "Imported 299,998 rows, dropped 2: 2 rows with the wrong number of fields (dropped) · 14 missing values
     * (kept as missing)".
     *
     * @param full whether the report covers the whole file (else it is a preview of its first rows)
     */
    static String text(ImportReport report, ImportOptions options, boolean full) {
        List<String> parts = new ArrayList<>();
        for (ProblemKind kind : ProblemKind.values()) {
            long count = report.problemCount(kind);
            if (count > 0) {
                parts.add(counted(kind, count) + " (" + consequence(kind, options) + ")");
            }
        }
        String scope = full ? "Imported " + Formats.count(report.rowsImported()) + " rows"
                + (report.rowsDropped() > 0 ? ", dropped " + Formats.count(report.rowsDropped()) : "")
                : "In the first " + Formats.count(report.recordsRead()) + " rows";
        return scope + ": " + (parts.isEmpty() ? "no problems." : String.join(" \u00b7 ", parts));
    }

    /** The first problems of each kind the report kept, in line order. */
    static List<ImportProblem> problems(ImportReport report) {
        List<ImportProblem> sorted = new ArrayList<>(report.examples());
        sorted.sort(Comparator.comparingLong(ImportProblem::line));
        return sorted;
    }

    /** "1 unreadable value", "3 rows with the wrong number of fields". */
    private static String counted(ProblemKind kind, long count) {
        String n = Formats.count(count);
        boolean one = count == 1;
        return switch (kind) {
            case WRONG_FIELD_COUNT -> n + (one ? " row" : " rows") + " with the wrong number of fields";
            case UNPARSABLE_VALUE -> n + (one ? " unreadable value" : " unreadable values");
            case MISSING_VALUE -> n + (one ? " missing value" : " missing values");
            case UNCLOSED_QUOTE -> n + (one ? " unclosed quote" : " unclosed quotes");
        };
    }

    private static String consequence(ProblemKind kind, ImportOptions options) {
        return switch (options.policy(kind)) {
            case DROP_ROW -> "dropped";
            case TREAT_AS_MISSING -> kind == ProblemKind.WRONG_FIELD_COUNT ? "absent fields missing"
                    : "kept as missing";
            case STOP -> "the import stops at the first";
        };
    }
}
