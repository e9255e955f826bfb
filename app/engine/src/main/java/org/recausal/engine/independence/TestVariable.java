package org.recausal.engine.independence;

/**
 * One variable's values as the independence tests read them: numbers ({@link ContinuousVariable}) or codes of a
 * few categories ({@link DiscreteVariable}). Both read straight from a table's columns, without copying.
 */
public sealed interface TestVariable permits ContinuousVariable, DiscreteVariable {

    String name();

    /** Rows, including those with a missing value. */
    int size();

    boolean isMissing(int row);
}
