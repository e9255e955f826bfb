package org.recausal.engine.model;

/**
 * The design matrix of a training set, column by column: an intercept column and every feature centred and scaled
 * by its weighted mean and standard deviation, so that normal equations and Newton steps stay well conditioned
 * whatever the units (timestamps in milliseconds next to 0/1 indicators). Constant features become 0 and drop
 * out. Sums over rows run down whole columns, which the JIT compiles to vector instructions: a million rows cost
 * milliseconds per pass.
 */
final class StandardizedDesign {

    private final double[] mean;
    private final double[] inverseScale;
    /** z[0] is the intercept column, z[k + 1] feature k; each of length rows. */
    final double[][] z;
    /** Row weights (1 where the training set has none). */
    final double[] weights;
    final int rows;

    private StandardizedDesign(double[] mean, double[] inverseScale, double[][] z, double[] weights) {
        this.mean = mean;
        this.inverseScale = inverseScale;
        this.z = z;
        this.weights = weights;
        this.rows = weights.length;
    }

    static StandardizedDesign of(TrainingSet data) {
        Features features = data.features();
        int n = data.rows();
        int width = features.width();
        double[] weights = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = data.weight(i);
            total += weights[i];
        }
        double[][] z = new double[width + 1][];
        z[0] = new double[n];
        java.util.Arrays.fill(z[0], 1);
        for (int j = 0; j < features.inputCount(); j++) {
            Scale scale = features.scales().get(j);
            double[] input = data.inputs()[j];
            int offset = features.offset(j) + 1;
            if (scale.kind() == Scale.Kind.CATEGORICAL) {
                for (int level = 1; level < scale.levelCount(); level++) {
                    double[] indicator = new double[n];
                    for (int i = 0; i < n; i++) {
                        indicator[i] = input[i] == level ? 1 : 0;
                    }
                    z[offset + level - 1] = indicator;
                }
            } else {
                z[offset] = input.clone();
            }
        }
        double[] mean = new double[width];
        double[] inverseScale = new double[width];
        for (int k = 0; k < width; k++) {
            double[] column = z[k + 1];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += weights[i] * column[i];
            }
            double m = total > 0 ? sum / total : 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double d = column[i] - m;
                squares += weights[i] * d * d;
            }
            double sd = total > 0 ? Math.sqrt(squares / total) : 0;
            // A feature with no spread carries no information here; 1e-12 of its size guards against rounding.
            double inverse = sd > 1e-12 * Math.max(1, Math.abs(m)) ? 1 / sd : 0;
            for (int i = 0; i < n; i++) {
                column[i] = (column[i] - m) * inverse;
            }
            mean[k] = m;
            inverseScale[k] = inverse;
        }
        return new StandardizedDesign(mean, inverseScale, z, weights);
    }

    /** Columns of the design: the intercept and one per feature. */
    int columns() {
        return z.length;
    }

    /** Σ_i c_i z_a(i) z_b(i) for b &lt;= a, the lower triangle of the weighted Gram matrix. */
    double[][] gram(double[] c) {
        int p = z.length;
        double[][] gram = new double[p][p];
        double[] scaled = new double[rows];
        for (int a = 0; a < p; a++) {
            double[] za = z[a];
            for (int i = 0; i < rows; i++) {
                scaled[i] = c[i] * za[i];
            }
            for (int b = 0; b <= a; b++) {
                gram[a][b] = dot(scaled, z[b]);
            }
        }
        return gram;
    }

    /** Σ_i v_i z_a(i) for every column a. */
    double[] project(double[] v) {
        double[] sums = new double[z.length];
        for (int a = 0; a < z.length; a++) {
            sums[a] = dot(v, z[a]);
        }
        return sums;
    }

    /** out_i = Σ_a beta_a z_a(i). */
    void combine(double[] beta, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int a = 0; a < z.length; a++) {
            double b = beta[a];
            if (b == 0) {
                continue;
            }
            double[] za = z[a];
            for (int i = 0; i < rows; i++) {
                out[i] += b * za[i];
            }
        }
    }

    /**
     * Σ x_i y_i with four running sums, so consecutive additions do not wait on each other (a single sum is bound
     * by the latency of one addition per row). The order is fixed, so the result is the same on every machine.
     */
    private double dot(double[] x, double[] y) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < rows; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
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
