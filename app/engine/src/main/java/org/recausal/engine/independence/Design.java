package org.recausal.engine.independence;

import java.util.List;

/**
 * The columns of a regression design: an intercept, then for each term either its standardized value (continuous
 * variables; centring and scaling keep the cross products well conditioned even for epoch-millisecond timestamps)
 * or one indicator per category that occurs, except the first (discrete variables).
 */
final class Design {

    private final TestVariable[] terms;
    private final int[] starts;
    private final double[] means;
    private final double[] scales;
    /** For discrete terms: code to column offset within the term, -1 for the reference or an absent category. */
    private final int[][] dummies;
    private final int width;

    private Design(TestVariable[] terms, int[] starts, double[] means, double[] scales, int[][] dummies) {
        this.terms = terms;
        this.starts = starts;
        this.means = means;
        this.scales = scales;
        this.dummies = dummies;
        this.width = starts[terms.length];
    }

    /** One pass over the complete rows to find means, scales and the categories that occur. */
    static Design of(List<TestVariable> terms, CompleteRows rows) {
        int t = terms.size();
        double[] sums = new double[t];
        double[] shifts = new double[t];
        double[] squares = new double[t];
        long[][] counts = new long[t][];
        for (int i = 0; i < t; i++) {
            if (terms.get(i) instanceof DiscreteVariable d) {
                counts[i] = new long[d.levels()];
            }
        }
        boolean first = true;
        rows.checkCancelled();
        for (int row = 0; row < rows.size(); row++) {
            if (!rows.complete(row)) {
                continue;
            }
            for (int i = 0; i < t; i++) {
                switch (terms.get(i)) {
                    case ContinuousVariable c -> {
                        double v = c.value(row);
                        if (first) {
                            shifts[i] = v; // shifted sums keep the variance exact for large offsets
                        }
                        double d = v - shifts[i];
                        sums[i] += d;
                        squares[i] += d * d;
                    }
                    case DiscreteVariable d -> counts[i][d.code(row)]++;
                }
            }
            first = false;
        }
        double n = rows.count();
        int[] starts = new int[t + 1];
        double[] means = new double[t];
        double[] scales = new double[t];
        int[][] dummies = new int[t][];
        int column = 1;
        for (int i = 0; i < t; i++) {
            starts[i] = column;
            if (counts[i] == null) {
                double mean = sums[i] / n;
                double variance = Math.max(0, squares[i] / n - mean * mean);
                means[i] = shifts[i] + mean;
                scales[i] = variance > 0 ? Math.sqrt(variance) : 1;
                column++;
            } else {
                dummies[i] = new int[counts[i].length];
                int used = 0;
                for (int code = 0; code < counts[i].length; code++) {
                    dummies[i][code] = counts[i][code] == 0 || used++ == 0 ? -1 : used - 2;
                }
                column += Math.max(0, used - 1);
            }
        }
        starts[t] = column;
        return new Design(terms.toArray(TestVariable[]::new), starts, means, scales, dummies);
    }

    /** Columns in all, intercept included. */
    int width() {
        return width;
    }

    /** First column of term i; its columns run to {@code start(i + 1)}. The intercept is column 0. */
    int start(int term) {
        return starts[term];
    }

    /** Writes the design row of a (complete) row into {@code out[0..width)}. */
    void fill(int row, double[] out) {
        java.util.Arrays.fill(out, 0, width, 0);
        out[0] = 1;
        for (int i = 0; i < terms.length; i++) {
            switch (terms[i]) {
                case ContinuousVariable c -> out[starts[i]] = (c.value(row) - means[i]) / scales[i];
                case DiscreteVariable d -> {
                    int offset = dummies[i][d.code(row)];
                    if (offset >= 0) {
                        out[starts[i] + offset] = 1;
                    }
                }
            }
        }
    }

    /** {@code sum over complete rows of w w'} for the design rows w. */
    double[][] crossProducts(CompleteRows rows) {
        double[][] m = new double[width][width];
        double[] w = new double[width];
        rows.checkCancelled();
        for (int row = 0; row < rows.size(); row++) {
            if (!rows.complete(row)) {
                continue;
            }
            fill(row, w);
            for (int i = 0; i < width; i++) {
                double wi = w[i];
                if (wi == 0) {
                    continue;
                }
                double[] mi = m[i];
                for (int j = i; j < width; j++) {
                    mi[j] += wi * w[j];
                }
            }
        }
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < i; j++) {
                m[i][j] = m[j][i];
            }
        }
        return m;
    }
}
