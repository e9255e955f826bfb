package org.recausal.engine.independence;

import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

import org.recausal.engine.data.Column;
import org.recausal.engine.data.NumericColumn;

/** A variable read as real numbers: continuous and count variables, timestamps (epoch ms), booleans as 0/1. */
public final class ContinuousVariable extends TestVariable {

    private final IntToDoubleFunction values;
    private final IntPredicate missing;

    private ContinuousVariable(String name, int size, IntToDoubleFunction values, IntPredicate missing) {
        super(name, size);
        this.values = values;
        this.missing = missing;
    }

    /** Values in an array; NaN marks a missing value. */
    public static ContinuousVariable of(String name, double[] values) {
        return new ContinuousVariable(name, values.length, row -> values[row], row -> Double.isNaN(values[row]));
    }

    /** A numeric column under the name of the variable it stands for. */
    static ContinuousVariable of(String name, Column column, NumericColumn numbers) {
        return new ContinuousVariable(name, column.size(), numbers::asDouble, column::isMissing);
    }

    @Override
    public boolean isMissing(int row) {
        return missing.test(row);
    }

    /** The value at a row; meaningless where {@link #isMissing(int)}. */
    public double value(int row) {
        return values.applyAsDouble(row);
    }
}
