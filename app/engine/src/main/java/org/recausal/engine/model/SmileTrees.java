package org.recausal.engine.model;

import smile.classification.ClassLabels;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.model.cart.InternalNode;
import smile.model.cart.Loss;
import smile.model.cart.Node;
import smile.model.cart.OrdinalNode;
import smile.model.cart.RegressionNode;
import smile.regression.RegressionTree;

/**
 * Copies the trees Smile's gradient boosting fitted into a {@link TreeEnsemble}, through Smile's public API only.
 * Smile publishes neither the ensemble's intercept nor a split's threshold: the intercept is recomputed with the very
 * loss function Smile's fit starts from, and each threshold is read off the split's public rule (see
 * {@link #threshold}). The tests compare the copy's predictions with Smile's bit for bit.
 */
final class SmileTrees {

    private SmileTrees() {
    }

    /** @param target the training targets, in the order Smile was given them */
    static TreeEnsemble of(smile.regression.GradientTreeBoost model, double[] target, double shrinkage, int width) {
        return of(new RegressionTree[][] {model.trees()}, Loss.ls().intercept(target), shrinkage, width);
    }

    /**
     * One group for two classes (Smile's binomial deviance with an intercept), one per class for more (no intercept).
     *
     * @param labels the training labels, in the order Smile was given them
     */
    static TreeEnsemble of(smile.classification.GradientTreeBoost model, int[] labels, double shrinkage, int width) {
        // Smile's fit encodes the labels as class indices and takes the intercept from the logistic loss, whose
        // intercept ignores its argument (the fit passes null as well).
        double intercept = model.classes().length == 2 ? Loss.logistic(ClassLabels.fit(labels).y).intercept(null) : 0;
        return of(model.trees(), intercept, shrinkage, width);
    }

    private static TreeEnsemble of(RegressionTree[][] groups, double intercept, double shrinkage, int width) {
        int trees = 0;
        int nodes = 0;
        for (RegressionTree[] group : groups) {
            for (RegressionTree tree : group) {
                trees++;
                nodes += count(tree.root());
            }
        }
        Flat arrays = new Flat(trees, nodes);
        for (RegressionTree[] group : groups) {
            for (RegressionTree tree : group) {
                arrays.treeStart[arrays.tree++] = arrays.node;
                arrays.add(tree.root(), tree.schema());
            }
        }
        arrays.treeStart[trees] = nodes;
        return new TreeEnsemble(intercept, shrinkage, groups.length, arrays.treeStart, arrays.feature,
                arrays.falseChild, arrays.value, width);
    }

    private static int count(Node node) {
        return node instanceof InternalNode internal ? 1 + count(internal.trueChild()) + count(internal.falseChild())
                : 1;
    }

    /** The flat arrays, filled in preorder. */
    private static final class Flat {
        final int[] treeStart;
        final int[] feature;
        final int[] falseChild;
        final double[] value;
        int tree;
        int node;

        Flat(int trees, int nodes) {
            treeStart = new int[trees + 1];
            feature = new int[nodes];
            falseChild = new int[nodes];
            value = new double[nodes];
        }

        void add(Node n, StructType schema) {
            int i = node++;
            switch (n) {
                case OrdinalNode split -> {
                    feature[i] = split.feature();
                    value[i] = threshold(split, schema);
                    add(split.trueChild(), schema);
                    falseChild[i] = node;
                    add(split.falseChild(), schema);
                }
                case RegressionNode leaf -> {
                    feature[i] = -1;
                    falseChild[i] = -1;
                    value[i] = leaf.output();
                }
                default -> throw new IllegalStateException("boosted trees gave an unexpected node "
                        + n.getClass().getSimpleName() + " (only numeric splits are used)");
            }
        }
    }

    /**
     * The split's threshold t: the rule {@code branch} sends x the true way exactly when x ≤ t, so t is the largest
     * double the rule sends that way, found by bisecting the doubles in their order (64 probes). The result is t
     * itself, or 0.0 for a t of -0.0, which compares alike.
     */
    static double threshold(OrdinalNode split, StructType schema) {
        double[] x = new double[schema.length()];
        Tuple row = Tuple.of(schema, x);
        long low = ordered(Double.NEGATIVE_INFINITY);
        long high = ordered(Double.POSITIVE_INFINITY);
        x[split.feature()] = Double.NEGATIVE_INFINITY;
        if (!split.branch(row)) {
            throw new IllegalStateException("a split of Smile's boosted trees sends no number the true way");
        }
        // Invariant: the double at low goes the true way; every double above high goes the false way.
        while (low < high) {
            // The span of all doubles overflows a long: halve it as an unsigned number.
            long middle = low + ((high - low + 1) >>> 1);
            x[split.feature()] = fromOrdered(middle);
            if (split.branch(row)) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return fromOrdered(low);
    }

    /** A long that orders doubles (NaN aside) as their values do: -0.0 just below 0.0. */
    private static long ordered(double d) {
        long bits = Double.doubleToRawLongBits(d);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    private static double fromOrdered(long key) {
        return Double.longBitsToDouble(key >= 0 ? key : key ^ Long.MAX_VALUE);
    }
}
