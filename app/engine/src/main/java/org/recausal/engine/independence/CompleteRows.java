package org.recausal.engine.independence;

import java.util.List;

import org.recausal.engine.task.CancellationToken;

/** The rows where every variable of a test has a value; the others are left out of it (complete-case analysis). */
final class CompleteRows {

    private final TestVariable[] variables;
    private final int size;
    private final long count;
    private final CancellationToken cancel;

    CompleteRows(List<TestVariable> variables, CancellationToken cancel) {
        this.variables = variables.toArray(TestVariable[]::new);
        this.size = variables.getFirst().size();
        this.cancel = cancel;
        for (TestVariable variable : variables) {
            if (variable.size() != size) {
                throw new IllegalArgumentException("variable '" + variable.name() + "' has " + variable.size()
                        + " rows, but '" + variables.getFirst().name() + "' has " + size);
            }
        }
        long complete = 0;
        for (int row = 0; row < size; row++) {
            complete += complete(row) ? 1 : 0;
        }
        this.count = complete;
    }

    boolean complete(int row) {
        for (TestVariable variable : variables) {
            if (variable.isMissing(row)) {
                return false;
            }
        }
        return true;
    }

    /** Rows of the table, complete or not. */
    int size() {
        return size;
    }

    /** Complete rows. */
    long count() {
        return count;
    }

    long dropped() {
        return size - count;
    }

    /** Called once per pass over the rows, so a long test can be cancelled between passes. */
    void checkCancelled() {
        cancel.throwIfCancelled();
    }

    /** "412 rows with a missing value dropped" or "no rows dropped". */
    String droppedText() {
        long dropped = dropped();
        return dropped == 0 ? "no rows with missing values"
                : dropped + (dropped == 1 ? " row" : " rows") + " with a missing value dropped";
    }
}
