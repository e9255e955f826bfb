package org.recausal.engine.model;

/** Solves A x = b for a symmetric positive (semi-)definite A by Cholesky, adding a ridge when A is singular. */
final class SymmetricSolver {

    private SymmetricSolver() {
    }

    /**
     * @param a the lower triangle is read ({@code a[i][j]} for j &lt;= i); left unchanged
     * @return x, or null when A stays singular even with a ridge
     */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += Math.abs(a[i][i]);
        }
        double ridge = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            double[][] l = cholesky(a, ridge);
            if (l != null) {
                return substitute(l, b);
            }
            ridge = ridge == 0 ? 1e-12 * Math.max(trace / n, 1e-300) : ridge * 100;
        }
        return null;
    }

    private static double[][] cholesky(double[][] a, double ridge) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j] + (i == j ? ridge : 0);
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    private static double[] substitute(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
