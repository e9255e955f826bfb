package org.recausal.engine.model;

/**
 * intercept + sum of coefficient x feature on the original scale, evaluated straight from the input columns
 * (a categorical input adds the coefficient of its level) so prediction needs no feature vector.
 */
final class LinearPredictor {

    private final Features features;
    private final double intercept;
    /** Per input: one coefficient for a numeric or binary input, one per level (level 0: 0) for a categorical. */
    private final double[][] byInput;
    private final boolean[] categorical;

    LinearPredictor(Features features, double[] coefficients) {
        this.features = features;
        this.intercept = coefficients[0];
        byInput = new double[features.inputCount()][];
        categorical = new boolean[features.inputCount()];
        for (int j = 0; j < features.inputCount(); j++) {
            Scale scale = features.scales().get(j);
            int offset = features.offset(j) + 1;
            categorical[j] = scale.kind() == Scale.Kind.CATEGORICAL;
            if (categorical[j]) {
                double[] levels = new double[scale.levelCount()];
                System.arraycopy(coefficients, offset, levels, 1, scale.levelCount() - 1);
                byInput[j] = levels;
            } else {
                byInput[j] = new double[] {coefficients[offset]};
            }
        }
    }

    double value(double[][] columns, int row) {
        double sum = intercept;
        for (int j = 0; j < byInput.length; j++) {
            double[] c = byInput[j];
            sum += categorical[j] ? c[(int) columns[j][row]] : c[0] * columns[j][row];
        }
        return sum;
    }

    void valueAll(double[][] columns, int from, int to, double[] out) {
        java.util.Arrays.fill(out, from, to, intercept);
        for (int j = 0; j < byInput.length; j++) {
            double[] c = byInput[j];
            double[] column = columns[j];
            if (categorical[j]) {
                for (int row = from; row < to; row++) {
                    out[row] += c[(int) column[row]];
                }
            } else {
                double b = c[0];
                for (int row = from; row < to; row++) {
                    out[row] += b * column[row];
                }
            }
        }
    }

    double intercept() {
        return intercept;
    }

    /** The coefficient of feature {@code k} (0-based, as in {@link Features#featureNames()}). */
    double coefficient(int k) {
        for (int j = byInput.length - 1; j >= 0; j--) {
            if (features.offset(j) <= k) {
                double[] c = byInput[j];
                return categorical[j] ? c[k - features.offset(j) + 1] : c[0];
            }
        }
        throw new IndexOutOfBoundsException("no feature " + k);
    }
}
