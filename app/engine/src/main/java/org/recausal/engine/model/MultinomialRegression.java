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

    private MultinomialRegression(Features features, int levels, LinearPredictor[] predictors) {
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
        int blocks = levels - 1;
        int size = blocks * p;
        double[] y = data.target();
        double[] counts = new double[levels];
        double total = 0;
        for (int i = 0; i < data.rows(); i++) {
            counts[(int) y[i]] += data.weight(i);
            total += data.weight(i);
        }
        if (total == 0) {
            throw new IllegalArgumentException("no rows to fit a multinomial regression on");
        }
        double ridge = RIDGE * total;
        double[][] beta = new double[blocks][p];
        double base = Math.max(counts[0], 1e-9 * total);
        for (int c = 0; c < blocks; c++) {
            beta[c][0] = Math.log(Math.max(counts[c + 1], 1e-9 * total) / base);
        }
        double[] z = new double[p];
        double[] prob = new double[levels];
        double[][] previous = null;
        double previousObjective = Double.NEGATIVE_INFINITY;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[][] hessian = new double[size][size];
            double[] gradient = new double[size];
            double objective = 0;
            for (int i = 0; i < data.rows(); i++) {
                double w = data.weight(i);
                if (w == 0) {
                    continue;
                }
                design.row(data.inputs(), i, z);
                softmax(beta, z, prob);
                int observed = (int) y[i];
                objective += w * Math.log(Math.max(prob[observed], 1e-300));
                for (int a = 0; a < blocks; a++) {
                    double residual = w * ((observed == a + 1 ? 1 : 0) - prob[a + 1]);
                    for (int k = 0; k < p; k++) {
                        gradient[a * p + k] += residual * z[k];
                    }
                    for (int b = 0; b <= a; b++) {
                        double curvature = w * prob[a + 1] * ((a == b ? 1 : 0) - prob[b + 1]);
                        addBlock(hessian, a * p, b * p, z, curvature, a == b);
                    }
                }
            }
            for (int a = 0; a < blocks; a++) {
                for (int k = 1; k < p; k++) {
                    objective -= 0.5 * ridge * beta[a][k] * beta[a][k];
                    gradient[a * p + k] -= ridge * beta[a][k];
                    hessian[a * p + k][a * p + k] += ridge;
                }
            }
            if (previous != null && objective < previousObjective - 1e-9 * Math.abs(previousObjective)) {
                for (int a = 0; a < blocks; a++) {
                    for (int k = 0; k < p; k++) {
                        beta[a][k] = 0.5 * (beta[a][k] + previous[a][k]);
                    }
                }
                continue;
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

    /** Adds curvature z z' into the lower triangle of block (rowStart, columnStart). */
    private static void addBlock(double[][] hessian, int rowStart, int columnStart, double[] z, double curvature,
            boolean diagonal) {
        if (curvature == 0) {
            return;
        }
        for (int i = 0; i < z.length; i++) {
            double ci = curvature * z[i];
            double[] row = hessian[rowStart + i];
            int last = diagonal ? i : z.length - 1;
            for (int j = 0; j <= last; j++) {
                row[columnStart + j] += ci * z[j];
            }
        }
    }

    /** Fills the level probabilities. */
    private static void softmax(double[][] beta, double[] z, double[] prob) {
        double max = 0;
        prob[0] = 0;
        for (int a = 0; a < beta.length; a++) {
            prob[a + 1] = LogisticRegression.dot(beta[a], z);
            max = Math.max(max, prob[a + 1]);
        }
        normalize(prob, max);
    }

    private static void normalize(double[] logits, double max) {
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            logits[k] = Math.exp(logits[k] - max);
            sum += logits[k];
        }
        for (int k = 0; k < logits.length; k++) {
            logits[k] /= sum;
        }
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
