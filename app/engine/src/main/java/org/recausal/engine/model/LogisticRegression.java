package org.recausal.engine.model;

/**
 * Binary logistic regression fitted by Newton-Raphson (iteratively reweighted least squares) on standardized
 * features, with a tiny ridge so that separable data give large but finite coefficients.
 */
public final class LogisticRegression implements Classifier {

    private static final int MAX_ITERATIONS = 50;
    private static final double RIDGE = 1e-6;
    /**
     * Above four times this many rows, Newton starts from the fit to every n-th row (about this many), so the
     * passes over all rows, each an exp and a log per row, drop from six or eight to two or three.
     */
    static final int WARM_START_ROWS = 50_000;

    private final Features features;
    private final LinearPredictor predictor;

    LogisticRegression(Features features, LinearPredictor predictor) {
        this.features = features;
        this.predictor = predictor;
    }

    /** @param data target coded 0/1 */
    public static LogisticRegression fit(TrainingSet data) {
        StandardizedDesign design = StandardizedDesign.of(data);
        int p = design.columns();
        int n = design.rows;
        double[] w = design.weights;
        double[] y = data.target();
        double total = 0;
        double positives = 0;
        for (int i = 0; i < n; i++) {
            total += w[i];
            positives += w[i] * y[i];
        }
        if (total == 0) {
            throw new IllegalArgumentException("no rows to fit a logistic regression on");
        }
        double ridge = RIDGE * total;
        double[] beta = new double[p];
        if (n >= 4 * WARM_START_ROWS && p > 1) {
            beta = design.fromOriginal(fit(data.everyNth(n / WARM_START_ROWS)).predictor.coefficients());
        } else {
            double share = Math.min(Math.max(positives / total, 1e-9), 1 - 1e-9);
            beta[0] = PortableMath.log(share / (1 - share));
        }
        double[] eta = new double[n];
        double[] residual = new double[n];
        double[] curvature = new double[n];
        double[] previous = null;
        double previousObjective = Double.NEGATIVE_INFINITY;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            design.combine(beta, eta);
            double objective = 0;
            for (int i = 0; i < n; i++) {
                // One exponential serves both the probability and log(1 + e^eta).
                double e = PortableMath.exp(-Math.abs(eta[i]));
                double prob = eta[i] >= 0 ? 1 / (1 + e) : e / (1 + e);
                objective += w[i] * (y[i] * eta[i] - Math.max(eta[i], 0) - PortableMath.log(1 + e));
                residual[i] = w[i] * (y[i] - prob);
                curvature[i] = w[i] * Math.max(prob * (1 - prob), 1e-12);
            }
            for (int k = 1; k < p; k++) {
                objective -= 0.5 * ridge * beta[k] * beta[k];
            }
            if (previous != null && objective < previousObjective - 1e-9 * Math.abs(previousObjective)) {
                // The full step overshot: go halfway back and look again.
                for (int k = 0; k < p; k++) {
                    beta[k] = 0.5 * (beta[k] + previous[k]);
                }
                continue;
            }
            double[] gradient = design.project(residual);
            double[][] hessian = design.gram(curvature);
            for (int k = 1; k < p; k++) {
                gradient[k] -= ridge * beta[k];
                hessian[k][k] += ridge;
            }
            double[] step = SymmetricSolver.solve(hessian, gradient);
            if (step == null) {
                break;
            }
            previous = beta.clone();
            previousObjective = objective;
            double largest = 0;
            for (int k = 0; k < p; k++) {
                beta[k] += step[k];
                largest = Math.max(largest, Math.abs(step[k]));
            }
            if (largest < 1e-8) {
                break;
            }
        }
        return new LogisticRegression(data.features(), new LinearPredictor(data.features(), design.toOriginal(beta)));
    }

    /** [intercept, feature 1, ...] of the log-odds. */
    double[] coefficients() {
        return predictor.coefficients();
    }

    public static double sigmoid(double eta) {
        return PortableMath.sigmoid(eta);
    }

    @Override
    public Features features() {
        return features;
    }

    @Override
    public int levels() {
        return 2;
    }

    /** P(target = 1) for a row. */
    public double probability(double[][] columns, int row) {
        return sigmoid(predictor.value(columns, row));
    }

    /** P(target = 1) for rows [from, to) into {@code out[from, to)}. */
    public void probabilityAll(double[][] columns, int from, int to, double[] out) {
        predictor.valueAll(columns, from, to, out);
        for (int row = from; row < to; row++) {
            out[row] = sigmoid(out[row]);
        }
    }

    @Override
    public void probabilities(double[][] columns, int row, double[] out) {
        double p = probability(columns, row);
        out[0] = 1 - p;
        out[1] = p;
    }

    /** The log-odds coefficient of a feature, named as in {@link Features#featureNames()}. */
    public double coefficient(String featureName) {
        int k = features.featureNames().indexOf(featureName);
        if (k < 0) {
            throw new IllegalArgumentException("no feature '" + featureName + "' among " + features.featureNames());
        }
        return predictor.coefficient(k);
    }

    public double intercept() {
        return predictor.intercept();
    }

    @Override
    public String description() {
        return "logistic regression";
    }
}
