package org.recausal.engine.independence;

import java.util.List;
import java.util.function.IntUnaryOperator;

/** A variable read as the codes 0, 1, ... of a few categories (binary and categorical variables). */
public final class DiscreteVariable extends TestVariable {

    private final IntUnaryOperator codes;
    private final List<String> labels;

    DiscreteVariable(String name, int size, IntUnaryOperator codes, List<String> labels) {
        super(name, size);
        this.codes = codes;
        this.labels = List.copyOf(labels);
    }

    /** Codes in an array, each in {@code 0..levels-1}; -1 marks a missing value. */
    public static DiscreteVariable of(String name, int[] codes, int levels) {
        for (int row = 0; row < codes.length; row++) {
            if (codes[row] < -1 || codes[row] >= levels) {
                throw new IllegalArgumentException("code " + codes[row] + " at row " + row + " of " + name
                        + " is outside 0.." + (levels - 1));
            }
        }
        List<String> labels = java.util.stream.IntStream.range(0, levels).mapToObj(Integer::toString).toList();
        return new DiscreteVariable(name, codes.length, row -> codes[row], labels);
    }

    @Override
    public boolean isMissing(int row) {
        return codes.applyAsInt(row) < 0;
    }

    /** The category at a row in {@code 0..levels()-1}, or -1 when missing. */
    public int code(int row) {
        return codes.applyAsInt(row);
    }

    /** How many categories the codes can name (some may not occur). */
    public int levels() {
        return labels.size();
    }

    public String label(int code) {
        return labels.get(code);
    }
}
