package org.recausal.engine.model;

/**
 * The design matrix of a training set with an intercept column and every feature centred and scaled by its
 * weighted mean and standard deviation, so that normal equations and Newton steps stay well conditioned whatever
 * the units (timestamps in milliseconds next to 0/1 indicators). Constant features are left out (scaled to 0).
 */
final class StandardizedDesign {

    private final Features features;
    private final double[] mean;
    private final double[] inverseScale;
    private final double[] buffer;

    private StandardizedDesign(Features features, double[] mean, double[] inverseScale) {
        this.features = features;
        this.mean = mean;
        this.inverseScale = inverseScale;
        this.buffer = new double[features.width()];
    }

    static StandardizedDesign of(TrainingSet data) {
        Features features = data.features();
        int width = features.width();
        double[] x = new double[width];
        double[] sum = new double[width];
        double total = 0;
        for (int i = 0; i < data.rows(); i++) {
            double w = data.weight(i);
            if (w == 0) {
                continue;
            }
            features.fill(data.inputs(), i, x);
            for (int k = 0; k < width; k++) {
                sum[k] += w * x[k];
            }
            total += w;
        }
        double[] mean = new double[width];
        for (int k = 0; k < width; k++) {
            mean[k] = total > 0 ? sum[k] / total : 0;
        }
        double[] squares = new double[width];
        for (int i = 0; i < data.rows(); i++) {
            double w = data.weight(i);
            if (w == 0) {
                continue;
            }
            features.fill(data.inputs(), i, x);
            for (int k = 0; k < width; k++) {
                double d = x[k] - mean[k];
                squares[k] += w * d * d;
            }
        }
        double[] inverseScale = new double[width];
        for (int k = 0; k < width; k++) {
            double sd = total > 0 ? Math.sqrt(squares[k] / total) : 0;
            // A feature with no spread carries no information here; 1e-12 of its size guards against rounding.
            inverseScale[k] = sd > 1e-12 * Math.max(1, Math.abs(mean[k])) ? 1 / sd : 0;
        }
        return new StandardizedDesign(features, mean, inverseScale);
    }

    /** Columns of the design: the intercept and one per feature. */
    int columns() {
        return features.width() + 1;
    }

    /** A copy for use on another thread (the row buffer is not shared). */
    StandardizedDesign copy() {
        return new StandardizedDesign(features, mean, inverseScale);
    }

    /** Writes row {@code i}'s standardized design row into {@code z[0, columns())}, z[0] = 1. */
    void row(double[][] inputs, int i, double[] z) {
        features.fill(inputs, i, buffer);
        z[0] = 1;
        for (int k = 0; k < buffer.length; k++) {
            z[k + 1] = (buffer[k] - mean[k]) * inverseScale[k];
        }
    }

    /** Coefficients on the original scale: [intercept, feature 1, ...] from standardized ones. */
    double[] toOriginal(double[] beta) {
        double[] original = new double[beta.length];
        double intercept = beta[0];
        for (int k = 0; k < mean.length; k++) {
            original[k + 1] = beta[k + 1] * inverseScale[k];
            intercept -= original[k + 1] * mean[k];
        }
        original[0] = intercept;
        return original;
    }
}
