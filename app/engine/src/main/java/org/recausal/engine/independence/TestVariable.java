package org.recausal.engine.independence;

/**
 * One variable's values as the independence tests read them: numbers ({@link ContinuousVariable}) or codes of a
 * few categories ({@link DiscreteVariable}). Both read straight from a table's columns, without copying.
 */
public abstract sealed class TestVariable permits ContinuousVariable, DiscreteVariable {

    private final String name;
    private final int size;

    TestVariable(String name, int size) {
        this.name = name;
        this.size = size;
    }

    public final String name() {
        return name;
    }

    /** Rows, including those with a missing value. */
    public final int size() {
        return size;
    }

    public abstract boolean isMissing(int row);
}
