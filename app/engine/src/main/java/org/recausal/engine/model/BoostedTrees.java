package org.recausal.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.ValueVector;
import smile.model.cart.Loss;

/**
 * Gradient boosted regression trees from Smile, for mechanisms that are not linear in their parents. Subsampling
 * is off (subsample 1), so a fit depends only on its rows and is the same on every machine and thread; the rows
 * themselves are capped at {@link Settings#maxRows()}, drawn with a seed, because boosting cost grows with them
 * while a few hundred thousand rows already pin a handful of parents' effects down.
 */
public final class BoostedTrees {

    /** Boosting settings; {@link #DEFAULT}: 100 trees of depth 4 and shrinkage 0.1, at most 100,000 rows. */
    public record Settings(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage, int maxRows) {
        public static final Settings DEFAULT = new Settings(100, 4, 16, 5, 0.1, 100_000);

        public Settings {
            if (trees < 1 || maxDepth < 1 || maxNodes < 2 || nodeSize < 1 || !(shrinkage > 0 && shrinkage <= 1)
                    || maxRows < 10) {
                throw new IllegalArgumentException("invalid boosting settings: " + this);
            }
        }
    }

    private BoostedTrees() {
    }

    public static Regressor fitRegression(TrainingSet data, Settings settings, long seed) {
        Rows rows = Rows.of(data, settings.maxRows(), seed);
        List<ValueVector> columns = rows.featureVectors();
        columns.add(ValueVector.of(TARGET, rows.target));
        var options = new smile.regression.GradientTreeBoost.Options(Loss.ls(), settings.trees(),
                settings.maxDepth(), settings.maxNodes(), settings.nodeSize(), settings.shrinkage(), 1.0, null, null);
        var model = smile.regression.GradientTreeBoost.fit(Formula.lhs(TARGET),
                new DataFrame(columns.toArray(ValueVector[]::new)), options);
        return new BoostedRegressor(data.features(),
                SmileTrees.of(model, settings.shrinkage(), data.features().width()));
    }

    public static Classifier fitClassifier(TrainingSet data, int levels, Settings settings, long seed) {
        Rows rows = Rows.of(data, settings.maxRows(), seed);
        int[] labels = new int[rows.target.length];
        boolean[] seen = new boolean[levels];
        int distinct = 0;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (int) rows.target[i];
            if (!seen[labels[i]]) {
                seen[labels[i]] = true;
                distinct++;
            }
        }
        if (distinct < 2) {
            // Nothing to learn: every training row has the same level.
            return ConditionalTable.fit(new TrainingSet(Features.none(), new double[0][], data.target(),
                    data.weights()), levels);
        }
        List<ValueVector> columns = rows.featureVectors();
        columns.add(ValueVector.of(TARGET, labels));
        var options = new smile.classification.GradientTreeBoost.Options(settings.trees(), settings.maxDepth(),
                settings.maxNodes(), settings.nodeSize(), settings.shrinkage(), 1.0, null, null);
        var model = smile.classification.GradientTreeBoost.fit(Formula.lhs(TARGET),
                new DataFrame(columns.toArray(ValueVector[]::new)), options);
        return new BoostedClassifier(data.features(),
                SmileTrees.of(model, settings.shrinkage(), data.features().width()), model.classes(), levels);
    }

    private static final String TARGET = "__target";

    /** The training rows as feature columns, repeated by their weights and capped by a seeded draw. */
    private static final class Rows {
        final double[][] features;
        final double[] target;

        private Rows(double[][] features, double[] target) {
            this.features = features;
            this.target = target;
        }

        static Rows of(TrainingSet data, int maxRows, long seed) {
            IntList picked = new IntList();
            for (int i = 0; i < data.rows(); i++) {
                double w = data.weight(i);
                if (w != Math.rint(w) || w < 0) {
                    throw new IllegalArgumentException("boosted trees take whole-number row weights, not " + w);
                }
                for (int copy = 0; copy < (int) w; copy++) {
                    picked.add(i);
                }
            }
            int[] rows = picked.toArray();
            if (rows.length > maxRows) {
                SplittableRandom random = new SplittableRandom(seed);
                for (int i = 0; i < maxRows; i++) {
                    int j = i + random.nextInt(rows.length - i);
                    int swap = rows[i];
                    rows[i] = rows[j];
                    rows[j] = swap;
                }
                rows = java.util.Arrays.copyOf(rows, maxRows);
                java.util.Arrays.sort(rows);
            }
            Features features = data.features();
            int width = features.width();
            double[][] columns = new double[width][rows.length];
            double[] x = new double[width];
            double[] target = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                features.fill(data.inputs(), rows[i], x);
                for (int k = 0; k < width; k++) {
                    columns[k][i] = x[k];
                }
                target[i] = data.target()[rows[i]];
            }
            return new Rows(columns, target);
        }

        List<ValueVector> featureVectors() {
            List<ValueVector> vectors = new ArrayList<>();
            for (int k = 0; k < features.length; k++) {
                vectors.add(ValueVector.of(featureName(k), features[k]));
            }
            return vectors;
        }

        private static String featureName(int k) {
            return "f" + k;
        }
    }

    /** Boosted regression trees as a regressor of the inputs' values. */
    record BoostedRegressor(Features features, TreeEnsemble trees) implements Regressor {
        BoostedRegressor {
            if (trees.groups != 1) {
                throw new IllegalArgumentException("a regression ensemble has one group of trees, not " + trees.groups);
            }
        }

        @Override
        public double predict(double[][] columns, int row) {
            double[] x = new double[features.width()];
            features.fill(columns, row, x);
            return trees.score(0, x);
        }

        @Override
        public void predictAll(double[][] columns, int from, int to, double[] out) {
            double[] x = new double[features.width()];
            for (int row = from; row < to; row++) {
                features.fill(columns, row, x);
                out[row] = trees.score(0, x);
            }
        }

        @Override
        public String description() {
            return "gradient boosted trees";
        }
    }

    /**
     * Boosted trees as a classifier: with two classes one score f and P = 1 / (1 + e^(2f)) for the first (Smile's
     * binomial deviance), with more one score per class and their softmax. {@code classes[c]} is the level of class
     * c; levels no training row had get probability 0. Uses {@link PortableMath#exp}, so the same on every machine.
     */
    record BoostedClassifier(Features features, TreeEnsemble trees, int[] classes, int levels) implements Classifier {
        BoostedClassifier {
            if (classes.length < 2 || (classes.length == 2 ? trees.groups != 1 : trees.groups != classes.length)) {
                throw new IllegalArgumentException(classes.length + " classes do not fit " + trees.groups
                        + " groups of trees");
            }
            boolean[] seen = new boolean[levels];
            for (int level : classes) {
                if (level < 0 || level >= levels || seen[level]) {
                    throw new IllegalArgumentException("class level " + level + " is repeated or not one of the "
                            + levels + " levels");
                }
                seen[level] = true;
            }
        }

        @Override
        public void probabilities(double[][] columns, int row, double[] out) {
            double[] x = new double[features.width()];
            features.fill(columns, row, x);
            java.util.Arrays.fill(out, 0, levels, 0);
            if (classes.length == 2) {
                double first = 1 / (1 + PortableMath.exp(2 * trees.score(0, x)));
                out[classes[0]] = first;
                out[classes[1]] = 1 - first;
                return;
            }
            double[] score = new double[classes.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < score.length; c++) {
                score[c] = trees.score(c, x);
                max = Math.max(max, score[c]);
            }
            double sum = 0;
            for (int c = 0; c < score.length; c++) {
                score[c] = PortableMath.exp(score[c] - max);
                sum += score[c];
            }
            for (int c = 0; c < score.length; c++) {
                out[classes[c]] = score[c] / sum;
            }
        }

        @Override
        public String description() {
            return "gradient boosted trees";
        }
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
