package org.recausal.engine.model;

/**
 * What a model learns from: input columns (in the order of {@link Features#inputs()}), the target and optional
 * row weights. Weights are frequencies: 0 leaves a row out (cross-validation), a count repeats it (bootstrap).
 */
public record TrainingSet(Features features, double[][] inputs, double[] target, double[] weights) {

    public TrainingSet {
        if (inputs.length != features.inputCount()) {
            throw new IllegalArgumentException(inputs.length + " input columns for " + features.inputCount()
                    + " inputs");
        }
        for (double[] column : inputs) {
            if (column.length != target.length) {
                throw new IllegalArgumentException("an input column has " + column.length + " rows, the target "
                        + target.length);
            }
        }
        if (weights != null && weights.length != target.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + target.length + " rows");
        }
    }

    public int rows() {
        return target.length;
    }

    public double weight(int row) {
        return weights == null ? 1 : weights[row];
    }

    /** The same data with other weights. */
    public TrainingSet withWeights(double[] newWeights) {
        return new TrainingSet(features, inputs, target, newWeights);
    }

    /** Every {@code step}-th row (0, step, 2 step, ...), weights kept: a quick, deterministic subsample. */
    public TrainingSet everyNth(int step) {
        int n = (target.length + step - 1) / step;
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i * step;
        }
        TrainingSet picked = gather(rows);
        return weights == null ? picked : picked.withWeights(gather(weights, rows));
    }

    /** Rows gathered into new arrays, {@code rows[i]} becoming row i (weights dropped). */
    public TrainingSet gather(int[] rows) {
        double[][] gathered = new double[inputs.length][];
        for (int j = 0; j < inputs.length; j++) {
            gathered[j] = gather(inputs[j], rows);
        }
        return new TrainingSet(features, gathered, gather(target, rows), null);
    }

    private static double[] gather(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }
}
