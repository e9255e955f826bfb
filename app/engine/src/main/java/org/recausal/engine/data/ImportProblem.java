package org.recausal.engine.data;

/**
 * One problem met during an import.
 *
 * @param line   1-based line of the file where the record starts
 * @param column the column concerned, or null when the problem is the record's
 * @param detail what was found, for the analyst
 */
public record ImportProblem(ProblemKind kind, long line, String column, String detail) {

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", column '" + column + "'") + ": " + detail;
    }
}
