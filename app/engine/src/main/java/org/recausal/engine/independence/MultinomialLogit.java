package org.recausal.engine.independence;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealVector;

/**
 * Maximum likelihood multinomial logistic regression (binary logistic when y has two categories) of a discrete
 * response on some columns of a {@link Design}, by Newton-Raphson with step halving. The first category that occurs
 * is the reference. Only the maximised log-likelihood is kept: the likelihood-ratio tests need nothing else.
 */
final class MultinomialLogit {

    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;

    /** The maximised log-likelihood, and whether Newton's method converged (it may not under separation). */
    record Fit(double logLikelihood, boolean converged, int iterations) {
    }

    private MultinomialLogit() {
    }

    /**
     * @param classOf  code of y to class 0..classes-1 (only categories that occur)
     * @param columns  the design columns to use, the intercept (0) among them
     */
    static Fit fit(DiscreteVariable y, int[] classOf, int classes, Design design, int[] columns, CompleteRows rows) {
        long[] classCounts = new long[classes];
        for (int row = 0; row < rows.size(); row++) {
            if (rows.complete(row)) {
                classCounts[classOf[y.code(row)]]++;
            }
        }
        int q = columns.length;
        int k = classes - 1;
        double[] beta = new double[k * q];
        // Start at the intercept-only fit, which is also the answer when there is nothing else.
        for (int c = 1; c < classes; c++) {
            beta[(c - 1) * q] = Math.log((double) classCounts[c] / classCounts[0]);
        }
        Pass pass = new Pass(y, classOf, classes, design, columns, rows);
        pass.run(beta, true);
        if (q == 1) {
            return new Fit(pass.logLikelihood, true, 0);
        }
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double[] step = newtonStep(pass.gradient, pass.information);
            double before = pass.logLikelihood;
            double[] trial = new double[beta.length];
            double scale = 1;
            for (int halving = 0; halving < 40; halving++, scale /= 2) {
                for (int i = 0; i < beta.length; i++) {
                    trial[i] = beta[i] + scale * step[i];
                }
                pass.run(trial, false);
                if (pass.logLikelihood >= before - TOLERANCE * Math.abs(before)) {
                    break;
                }
            }
            System.arraycopy(trial, 0, beta, 0, beta.length);
            pass.run(beta, true);
            if (Math.abs(pass.logLikelihood - before) <= TOLERANCE * (Math.abs(before) + 1)) {
                return new Fit(pass.logLikelihood, true, iteration);
            }
        }
        return new Fit(pass.logLikelihood, false, MAX_ITERATIONS);
    }

    /** Solves information * step = gradient; a vanishing ridge rescues a nearly singular (separated) fit. */
    private static double[] newtonStep(double[] gradient, double[][] information) {
        Array2DRowRealMatrix matrix = new Array2DRowRealMatrix(information, true);
        RealVector g = new ArrayRealVector(gradient, false);
        double ridge = 0;
        double trace = 0;
        for (int i = 0; i < information.length; i++) {
            trace += information[i][i];
        }
        while (true) {
            try {
                return new CholeskyDecomposition(matrix, 1e-14, 1e-14).getSolver().solve(g).toArray();
            } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
                ridge = ridge == 0 ? 1e-10 * trace / information.length + 1e-300 : ridge * 100;
                for (int i = 0; i < information.length; i++) {
                    matrix.addToEntry(i, i, ridge);
                }
            }
        }
    }

    /** One pass over the rows: log-likelihood and, when asked, gradient and Fisher information. */
    private static final class Pass {
        private final DiscreteVariable y;
        private final int[] classOf;
        private final int classes;
        private final Design design;
        private final int[] columns;
        private final CompleteRows rows;
        private final double[] w;
        private final double[] x;
        private final double[] eta;
        double logLikelihood;
        final double[] gradient;
        final double[][] information;

        Pass(DiscreteVariable y, int[] classOf, int classes, Design design, int[] columns, CompleteRows rows) {
            this.y = y;
            this.classOf = classOf;
            this.classes = classes;
            this.design = design;
            this.columns = columns;
            this.rows = rows;
            int size = (classes - 1) * columns.length;
            w = new double[design.width()];
            x = new double[columns.length];
            eta = new double[classes];
            gradient = new double[size];
            information = new double[size][size];
        }

        void run(double[] beta, boolean derivatives) {
            int q = columns.length;
            int k = classes - 1;
            double ll = 0;
            if (derivatives) {
                java.util.Arrays.fill(gradient, 0);
                for (double[] r : information) {
                    java.util.Arrays.fill(r, 0);
                }
            }
            double[] prob = new double[classes];
            rows.checkCancelled();
            for (int row = 0; row < rows.size(); row++) {
                if (!rows.complete(row)) {
                    continue;
                }
                design.fill(row, w);
                for (int j = 0; j < q; j++) {
                    x[j] = w[columns[j]];
                }
                double max = 0;
                eta[0] = 0;
                for (int c = 1; c < classes; c++) {
                    double e = 0;
                    int offset = (c - 1) * q;
                    for (int j = 0; j < q; j++) {
                        e += beta[offset + j] * x[j];
                    }
                    eta[c] = e;
                    max = Math.max(max, e);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    prob[c] = Math.exp(eta[c] - max);
                    sum += prob[c];
                }
                int observed = classOf[y.code(row)];
                ll += eta[observed] - max - Math.log(sum);
                if (!derivatives) {
                    continue;
                }
                for (int c = 0; c < classes; c++) {
                    prob[c] /= sum;
                }
                for (int c = 1; c < classes; c++) {
                    double residual = (observed == c ? 1 : 0) - prob[c];
                    int offset = (c - 1) * q;
                    for (int j = 0; j < q; j++) {
                        gradient[offset + j] += residual * x[j];
                    }
                    for (int d = c; d < classes; d++) {
                        double weight = prob[c] * ((c == d ? 1 : 0) - prob[d]);
                        int other = (d - 1) * q;
                        for (int i = 0; i < q; i++) {
                            double wi = weight * x[i];
                            if (wi == 0) {
                                continue;
                            }
                            double[] block = information[offset + i];
                            for (int j = 0; j < q; j++) {
                                block[other + j] += wi * x[j];
                            }
                        }
                    }
                }
            }
            if (derivatives) {
                for (int i = 0; i < k * q; i++) {
                    for (int j = 0; j < i; j++) {
                        information[i][j] = information[j][i];
                    }
                }
            }
            logLikelihood = ll;
        }
    }
}
