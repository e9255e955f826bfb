package org.recausal.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
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
        return new BoostedRegressor(data.features(), rows.schema, model);
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
        return new BoostedClassifier(data.features(), rows.schema, model, levels);
    }

    private static final String TARGET = "__target";

    /** The training rows as feature columns, repeated by their weights and capped by a seeded draw. */
    private static final class Rows {
        final double[][] features;
        final double[] target;
        final StructType schema;

        private Rows(double[][] features, double[] target, StructType schema) {
            this.features = features;
            this.target = target;
            this.schema = schema;
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
            List<StructField> fields = new ArrayList<>();
            for (int k = 0; k < width; k++) {
                fields.add(new StructField(featureName(k), DataTypes.DoubleType));
            }
            return new Rows(columns, target, new StructType(fields));
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

    private record BoostedRegressor(Features features, StructType schema,
            smile.regression.GradientTreeBoost model) implements Regressor {
        @Override
        public double predict(double[][] columns, int row) {
            double[] x = new double[features.width()];
            features.fill(columns, row, x);
            return model.predict(Tuple.of(schema, x));
        }

        @Override
        public void predictAll(double[][] columns, int from, int to, double[] out) {
            double[] x = new double[features.width()];
            for (int row = from; row < to; row++) {
                features.fill(columns, row, x);
                out[row] = model.predict(Tuple.of(schema, x));
            }
        }

        @Override
        public String description() {
            return "gradient boosted trees";
        }
    }

    private record BoostedClassifier(Features features, StructType schema,
            smile.classification.GradientTreeBoost model, int levels) implements Classifier {
        @Override
        public void probabilities(double[][] columns, int row, double[] out) {
            double[] x = new double[features.width()];
            features.fill(columns, row, x);
            int[] classes = model.classes();
            double[] posterior = new double[classes.length];
            model.predict(Tuple.of(schema, x), posterior);
            java.util.Arrays.fill(out, 0, levels, 0);
            for (int c = 0; c < classes.length; c++) {
                out[classes[c]] = posterior[c];
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
