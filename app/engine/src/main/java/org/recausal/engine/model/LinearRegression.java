package org.recausal.engine.model;

import java.util.List;

/** Least squares (weighted by row frequencies), solved by the normal equations on standardized features. */
public final class LinearRegression implements Regressor {

    private final Features features;
    private final LinearPredictor predictor;
    private final double residualSquares;
    private final double totalWeight;

    private LinearRegression(Features features, LinearPredictor predictor, double residualSquares,
            double totalWeight) {
        this.features = features;
        this.predictor = predictor;
        this.residualSquares = residualSquares;
        this.totalWeight = totalWeight;
    }

    /** A regression with these coefficients ([intercept, feature 1, ...]), as {@link ModelParameters} restores it. */
    static LinearRegression of(Features features, double[] coefficients, double residualSquares, double totalWeight) {
        return new LinearRegression(features, new LinearPredictor(features, coefficients), residualSquares,
                totalWeight);
    }

    /** The training weight (rows, or their total weight). */
    double totalWeight() {
        return totalWeight;
    }

    /** [intercept, feature 1, ...] on the original scale. */
    double[] coefficients() {
        return predictor.coefficients();
    }

    public static LinearRegression fit(TrainingSet data) {
        StandardizedDesign design = StandardizedDesign.of(data);
        double[] w = design.weights;
        double[] y = data.target();
        double total = 0;
        double[] wy = new double[design.rows];
        for (int i = 0; i < design.rows; i++) {
            total += w[i];
            wy[i] = w[i] * y[i];
        }
        if (total == 0) {
            throw new IllegalArgumentException("no rows to fit a regression on");
        }
        double[] beta = SymmetricSolver.solve(design.gram(w), design.project(wy));
        if (beta == null) {
            throw new IllegalArgumentException("the regression's normal equations cannot be solved");
        }
        LinearPredictor predictor = new LinearPredictor(data.features(), design.toOriginal(beta));
        double[] fitted = new double[design.rows];
        design.combine(beta, fitted);
        double rss = 0;
        for (int i = 0; i < design.rows; i++) {
            double r = y[i] - fitted[i];
            rss += w[i] * r * r;
        }
        return new LinearRegression(data.features(), predictor, rss, total);
    }

    @Override
    public Features features() {
        return features;
    }

    @Override
    public double predict(double[][] columns, int row) {
        return predictor.value(columns, row);
    }

    @Override
    public void predictAll(double[][] columns, int from, int to, double[] out) {
        predictor.valueAll(columns, from, to, out);
    }

    public double intercept() {
        return predictor.intercept();
    }

    /** The coefficient of a feature, named as in {@link Features#featureNames()}. */
    public double coefficient(String featureName) {
        List<String> names = features.featureNames();
        int k = names.indexOf(featureName);
        if (k < 0) {
            throw new IllegalArgumentException("no feature '" + featureName + "' among " + names);
        }
        return predictor.coefficient(k);
    }

    /** The weighted residual sum of squares on the training rows. */
    public double residualSquares() {
        return residualSquares;
    }

    /** Residual degrees of freedom: training weight minus intercept and features. */
    public double residualDegreesOfFreedom() {
        return totalWeight - features.width() - 1;
    }

    @Override
    public String description() {
        return "linear regression";
    }
}
