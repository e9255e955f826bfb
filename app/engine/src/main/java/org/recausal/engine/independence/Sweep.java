package org.recausal.engine.independence;

/**
 * The sweep operator (Goodnight 1979) on a symmetric cross-product matrix. Sweeping the predictor rows of
 * {@code [X y]'[X y]} leaves the residual sum of squares of y in its corner, one predictor at a time, so nested
 * regressions come out of one matrix. A predictor that is (nearly) a linear combination of those swept before is
 * skipped, as R's lm does with aliased terms, and the rank counts only those swept.
 */
final class Sweep {

    /** A pivot smaller than this share of its column's original sum of squares is treated as aliased. */
    private static final double TOLERANCE = 1e-10;

    private final double[][] a;
    private final double[] originalDiagonal;
    private int rank;

    /** Works on a copy of the (full, symmetric) matrix. */
    Sweep(double[][] matrix) {
        int m = matrix.length;
        a = new double[m][];
        originalDiagonal = new double[m];
        for (int i = 0; i < m; i++) {
            a[i] = matrix[i].clone();
            originalDiagonal[i] = matrix[i][i];
        }
    }

    /** Sweeps row and column k; false (and nothing changed) when k is aliased with what was swept before. */
    boolean sweep(int k) {
        double pivot = a[k][k];
        if (!(pivot > TOLERANCE * originalDiagonal[k]) || originalDiagonal[k] == 0) {
            return false;
        }
        int m = a.length;
        for (int i = 0; i < m; i++) {
            if (i == k) {
                continue;
            }
            double factor = a[i][k] / pivot;
            if (factor == 0) {
                continue;
            }
            for (int j = 0; j < m; j++) {
                if (j != k) {
                    a[i][j] -= factor * a[k][j];
                }
            }
        }
        for (int j = 0; j < m; j++) {
            if (j != k) {
                a[k][j] /= pivot;
                a[j][k] = -a[j][k] / pivot;
            }
        }
        a[k][k] = -1 / pivot;
        rank++;
        return true;
    }

    /** Sweeps rows from..to-1 in order. */
    void sweepRange(int from, int to) {
        for (int k = from; k < to; k++) {
            sweep(k);
        }
    }

    /** An entry of the swept matrix: for unswept i, j, the residual cross product of i and j. */
    double get(int i, int j) {
        return a[i][j];
    }

    /** The share of unswept column i's sum of squares left unexplained by the swept ones; NaN when it had none. */
    double remaining(int i) {
        return originalDiagonal[i] > 0 ? a[i][i] / originalDiagonal[i] : Double.NaN;
    }

    /** How many rows were swept (not aliased). */
    int rank() {
        return rank;
    }
}
