package org.recausal.engine.model;

/**
 * Multinomial (softmax) logistic regression, level 0 the reference, fitted by Newton-Raphson on standardized
 * features with a tiny ridge. The Hessian has ((k - 1)(p + 1))² entries, fine for the handful of parents a node has.
 */
public final class MultinomialRegression implements Classifier {

    private static final int MAX_ITERATIONS = 50;
    private static final double RIDGE = 1e-6;

    private final Features features;
    private final int levels;
    /** One predictor of the log-odds against level 0 for each level 1 .. k-1. */
    private final LinearPredictor[] predictors;

    MultinomialRegression(Features features, int levels, LinearPredictor[] predictors) {
        this.features = features;
        this.levels = levels;
        this.predictors = predictors;
    }

    /** @param data target coded 0 .. levels-1 */
    public static MultinomialRegression fit(TrainingSet data, int levels) {
        if (levels < 2) {
            throw new IllegalArgumentException("a multinomial regression needs at least 2 levels, not " + levels);
        }
        StandardizedDesign design = StandardizedDesign.of(data);
        int p = design.columns();
        int n = design.rows;
        int blocks = levels - 1;
        double[] w = design.weights;
        double[] y = data.target();
        double[] counts = new double[levels];
        double total = 0;
        for (int i = 0; i < n; i++) {
            counts[(int) y[i]] += w[i];
            total += w[i];
        }
        if (total == 0) {
            throw new IllegalArgumentException("no rows to fit a multinomial regression on");
        }
        double ridge = RIDGE * total;
        double[][] beta = new double[blocks][p];
        if (n >= 4 * LogisticRegression.WARM_START_ROWS && p > 1) {
            // As in LogisticRegression: start Newton from the fit to every n-th row.
            MultinomialRegression start = fit(data.everyNth(n / LogisticRegression.WARM_START_ROWS), levels);
            for (int c = 0; c < blocks; c++) {
                beta[c] = design.fromOriginal(start.predictors[c].coefficients());
            }
        } else {
            double base = Math.max(counts[0], 1e-9 * total);
            for (int c = 0; c < blocks; c++) {
                beta[c][0] = PortableMath.log(Math.max(counts[c + 1], 1e-9 * total) / base);
            }
        }
        double[][] prob = new double[blocks][n];
        double[] residual = new double[n];
        double[] curvature = new double[n];
        double[][] previous = null;
        double previousObjective = Double.NEGATIVE_INFINITY;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double objective = probabilities(design, beta, y, w, prob);
            for (int a = 0; a < blocks; a++) {
                for (int k = 1; k < p; k++) {
                    objective -= 0.5 * ridge * beta[a][k] * beta[a][k];
                }
            }
            if (previous != null && objective < previousObjective - 1e-9 * Math.abs(previousObjective)) {
                // The full step overshot: go halfway back and look again.
                for (int a = 0; a < blocks; a++) {
                    for (int k = 0; k < p; k++) {
                        beta[a][k] = 0.5 * (beta[a][k] + previous[a][k]);
                    }
                }
                continue;
            }
            int size = blocks * p;
            double[][] hessian = new double[size][size];
            double[] gradient = new double[size];
            for (int a = 0; a < blocks; a++) {
                for (int i = 0; i < n; i++) {
                    residual[i] = w[i] * ((y[i] == a + 1 ? 1 : 0) - prob[a][i]);
                }
                double[] g = design.project(residual);
                for (int k = 0; k < p; k++) {
                    gradient[a * p + k] = g[k] - (k > 0 ? ridge * beta[a][k] : 0);
                }
                for (int b = 0; b <= a; b++) {
                    for (int i = 0; i < n; i++) {
                        curvature[i] = w[i] * prob[a][i] * ((a == b ? 1 : 0) - prob[b][i]);
                    }
                    place(hessian, design.gram(curvature), a * p, b * p, a == b);
                }
                for (int k = 1; k < p; k++) {
                    hessian[a * p + k][a * p + k] += ridge;
                }
            }
            double[] step = SymmetricSolver.solve(hessian, gradient);
            if (step == null) {
                break;
            }
            previous = new double[blocks][];
            for (int a = 0; a < blocks; a++) {
                previous[a] = beta[a].clone();
            }
            previousObjective = objective;
            double largest = 0;
            for (int a = 0; a < blocks; a++) {
                for (int k = 0; k < p; k++) {
                    beta[a][k] += step[a * p + k];
                    largest = Math.max(largest, Math.abs(step[a * p + k]));
                }
            }
            if (largest < 1e-8) {
                break;
            }
        }
        LinearPredictor[] predictors = new LinearPredictor[blocks];
        for (int a = 0; a < blocks; a++) {
            predictors[a] = new LinearPredictor(data.features(), design.toOriginal(beta[a]));
        }
        return new MultinomialRegression(data.features(), levels, predictors);
    }

    /** Fills prob[a][i] = P(level a + 1 | row i) and returns the weighted log-likelihood. */
    private static double probabilities(StandardizedDesign design, double[][] beta, double[] y, double[] w,
            double[][] prob) {
        for (int a = 0; a < beta.length; a++) {
            design.combine(beta[a], prob[a]);
        }
        double objective = 0;
        for (int i = 0; i < design.rows; i++) {
            double max = 0;
            for (double[] eta : prob) {
                max = Math.max(max, eta[i]);
            }
            double reference = PortableMath.exp(-max);
            double sum = reference;
            for (double[] eta : prob) {
                eta[i] = PortableMath.exp(eta[i] - max);
                sum += eta[i];
            }
            for (double[] eta : prob) {
                eta[i] /= sum;
            }
            int observed = (int) y[i];
            double p = observed == 0 ? reference / sum : prob[observed - 1][i];
            objective += w[i] * PortableMath.log(Math.max(p, 1e-300));
        }
        return objective;
    }

    /** Writes one block's Gram matrix (lower triangle given) into the Hessian's lower triangle. */
    private static void place(double[][] hessian, double[][] gram, int rowStart, int columnStart, boolean diagonal) {
        int p = gram.length;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < (diagonal ? i + 1 : p); j++) {
                hessian[rowStart + i][columnStart + j] = j <= i ? gram[i][j] : gram[j][i];
            }
        }
    }

    private static void normalize(double[] logits, double max) {
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            logits[k] = PortableMath.exp(logits[k] - max);
            sum += logits[k];
        }
        for (int k = 0; k < logits.length; k++) {
            logits[k] /= sum;
        }
    }

    /** The predictors of the log-odds of levels 1 .. k-1 against level 0. */
    LinearPredictor[] predictors() {
        return predictors.clone();
    }

    @Override
    public Features features() {
        return features;
    }

    @Override
    public int levels() {
        return levels;
    }

    @Override
    public void probabilities(double[][] columns, int row, double[] out) {
        double max = 0;
        out[0] = 0;
        for (int a = 0; a < predictors.length; a++) {
            out[a + 1] = predictors[a].value(columns, row);
            max = Math.max(max, out[a + 1]);
        }
        normalize(out, max);
    }

    @Override
    public String description() {
        return "multinomial logistic regression";
    }
}
