package org.recausal.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted model's parameters in a neutral form, to store and restore it exactly: a kind, numbers, arrays of reals
 * and arrays of whole numbers, each by name. The model's inputs are not part of it; the caller keeps them (as the
 * mechanism's parents) and passes them back as {@link Features}. Restoring checks every length, index and value,
 * so parameters from a damaged or hostile file give an {@link IllegalArgumentException} naming what is wrong, never
 * a model that fails or loops later.
 *
 * <p>Kinds: {@code linear} (coefficients, residualSquares, totalWeight), {@code logistic} (coefficients),
 * {@code multinomial} (coefficients of levels 1 .. k-1, one block each), {@code table} (probabilities, one row of
 * levels per combination of input levels), {@code boosted-regression} and {@code boosted-classifier} (intercept,
 * shrinkage, treeStart, feature, falseChild, value and, for classifiers, classes; see {@link TreeEnsemble}).
 */
public record ModelParameters(String kind, Map<String, Double> numbers, Map<String, double[]> reals,
        Map<String, int[]> integers) {

    public static final String LINEAR = "linear";
    public static final String LOGISTIC = "logistic";
    public static final String MULTINOMIAL = "multinomial";
    public static final String TABLE = "table";
    public static final String BOOSTED_REGRESSION = "boosted-regression";
    public static final String BOOSTED_CLASSIFIER = "boosted-classifier";

    public ModelParameters {
        // Kept in the order given, so that what is written from them is the same every time.
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        reals = Collections.unmodifiableMap(new LinkedHashMap<>(reals));
        integers = Collections.unmodifiableMap(new LinkedHashMap<>(integers));
    }

    public static ModelParameters of(Regressor model) {
        Builder b = new Builder();
        return switch (model) {
            case LinearRegression linear -> b.reals("coefficients", linear.coefficients())
                    .number("residualSquares", linear.residualSquares())
                    .number("totalWeight", linear.totalWeight())
                    .build(LINEAR);
            case BoostedTrees.BoostedRegressor boosted -> b.trees(boosted.trees()).build(BOOSTED_REGRESSION);
            default -> throw new IllegalArgumentException("cannot store a " + model.description());
        };
    }

    public static ModelParameters of(Classifier model) {
        Builder b = new Builder();
        return switch (model) {
            case LogisticRegression logistic -> b.reals("coefficients", logistic.coefficients()).build(LOGISTIC);
            case MultinomialRegression multinomial -> {
                LinearPredictor[] predictors = multinomial.predictors();
                int p = model.features().width() + 1;
                double[] all = new double[predictors.length * p];
                for (int a = 0; a < predictors.length; a++) {
                    System.arraycopy(predictors[a].coefficients(), 0, all, a * p, p);
                }
                yield b.reals("coefficients", all).build(MULTINOMIAL);
            }
            case ConditionalTable table -> {
                double[][] rows = table.rows();
                double[] all = new double[rows.length * model.levels()];
                for (int r = 0; r < rows.length; r++) {
                    System.arraycopy(rows[r], 0, all, r * model.levels(), model.levels());
                }
                yield b.reals("probabilities", all).build(TABLE);
            }
            case BoostedTrees.BoostedClassifier boosted -> b.trees(boosted.trees())
                    .integers("classes", boosted.classes()).build(BOOSTED_CLASSIFIER);
            default -> throw new IllegalArgumentException("cannot store a " + model.description());
        };
    }

    /** The regressor these parameters describe, over {@code features}. */
    public Regressor regressor(Features features) {
        return switch (kind) {
            case LINEAR -> {
                double totalWeight = number("totalWeight");
                if (totalWeight < 0) {
                    throw new IllegalArgumentException("\"totalWeight\" cannot be negative");
                }
                yield LinearRegression.of(features, reals("coefficients", features.width() + 1),
                        number("residualSquares"), totalWeight);
            }
            case BOOSTED_REGRESSION -> new BoostedTrees.BoostedRegressor(features, trees(features));
            default -> throw new IllegalArgumentException("unknown regression kind '" + kind + "' (expected "
                    + LINEAR + " or " + BOOSTED_REGRESSION + ")");
        };
    }

    /** The classifier these parameters describe, of a target with {@code levels} levels, over {@code features}. */
    public Classifier classifier(Features features, int levels) {
        if (levels < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 levels, not " + levels);
        }
        int p = features.width() + 1;
        return switch (kind) {
            case LOGISTIC -> {
                if (levels != 2) {
                    throw new IllegalArgumentException("a logistic regression has 2 levels, the node " + levels);
                }
                yield new LogisticRegression(features, new LinearPredictor(features, reals("coefficients", p)));
            }
            case MULTINOMIAL -> {
                double[] all = reals("coefficients", (long) (levels - 1) * p);
                LinearPredictor[] predictors = new LinearPredictor[levels - 1];
                for (int a = 0; a < predictors.length; a++) {
                    predictors[a] = new LinearPredictor(features, java.util.Arrays.copyOfRange(all, a * p, a * p + p));
                }
                yield new MultinomialRegression(features, levels, predictors);
            }
            case TABLE -> {
                if (!ConditionalTable.fits(features)) {
                    throw new IllegalArgumentException("a probability table needs discrete inputs with at most "
                            + ConditionalTable.MAX_COMBINATIONS + " combinations of levels");
                }
                long combinations = 1;
                for (Scale scale : features.scales()) {
                    combinations *= scale.levelCount();
                }
                double[] all = reals("probabilities", combinations * levels);
                double[][] rows = new double[(int) combinations][];
                for (int r = 0; r < rows.length; r++) {
                    rows[r] = java.util.Arrays.copyOfRange(all, r * levels, r * levels + levels);
                    for (double probability : rows[r]) {
                        if (probability < 0 || probability > 1) {
                            throw new IllegalArgumentException("\"probabilities\" holds " + probability
                                    + ", which is not a probability");
                        }
                    }
                }
                yield ConditionalTable.of(features, levels, rows);
            }
            case BOOSTED_CLASSIFIER -> new BoostedTrees.BoostedClassifier(features, trees(features),
                    integers("classes"), levels);
            default -> throw new IllegalArgumentException("unknown classifier kind '" + kind + "' (expected "
                    + LOGISTIC + ", " + MULTINOMIAL + ", " + TABLE + " or " + BOOSTED_CLASSIFIER + ")");
        };
    }

    private TreeEnsemble trees(Features features) {
        int[] treeStart = integers("treeStart");
        if (treeStart.length < 2) {
            throw new IllegalArgumentException("\"treeStart\" lists no tree");
        }
        int[] classes = integers.get("classes");
        int groups = classes == null || classes.length == 2 ? 1 : classes.length;
        return new TreeEnsemble(number("intercept"), number("shrinkage"), groups, treeStart, integers("feature"),
                integers("falseChild"), reals("value", integers("feature").length), features.width());
    }

    private double number(String name) {
        Double value = numbers.get(name);
        if (value == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException("\"" + name + "\" is " + (value == null ? "missing" : value)
                    + ", not a finite number");
        }
        return value;
    }

    private double[] reals(String name, long length) {
        double[] values = reals.get(name);
        if (values == null) {
            throw new IllegalArgumentException("\"" + name + "\" is missing");
        }
        if (values.length != length) {
            throw new IllegalArgumentException("\"" + name + "\" holds " + values.length + " numbers, the model needs "
                    + length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("\"" + name + "\" value " + (i + 1) + " is " + values[i]
                        + ", not a finite number");
            }
        }
        return values.clone();
    }

    private int[] integers(String name) {
        int[] values = integers.get(name);
        if (values == null) {
            throw new IllegalArgumentException("\"" + name + "\" is missing");
        }
        return values.clone();
    }

    private static final class Builder {
        private final Map<String, Double> numbers = new LinkedHashMap<>();
        private final Map<String, double[]> reals = new LinkedHashMap<>();
        private final Map<String, int[]> integers = new LinkedHashMap<>();

        Builder number(String name, double value) {
            numbers.put(name, value);
            return this;
        }

        Builder reals(String name, double[] values) {
            reals.put(name, values.clone());
            return this;
        }

        Builder integers(String name, int[] values) {
            integers.put(name, values.clone());
            return this;
        }

        Builder trees(TreeEnsemble trees) {
            return number("intercept", trees.intercept).number("shrinkage", trees.shrinkage)
                    .integers("treeStart", trees.treeStart).integers("feature", trees.feature)
                    .integers("falseChild", trees.falseChild).reals("value", trees.value);
        }

        ModelParameters build(String kind) {
            return new ModelParameters(kind, numbers, reals, integers);
        }
    }
}
