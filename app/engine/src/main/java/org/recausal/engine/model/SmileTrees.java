package org.recausal.engine.model;

import java.lang.reflect.Field;

import smile.model.cart.InternalNode;
import smile.model.cart.Node;
import smile.model.cart.OrdinalNode;
import smile.model.cart.RegressionNode;
import smile.regression.RegressionTree;

/**
 * Copies the trees Smile's gradient boosting fitted into a {@link TreeEnsemble}. Smile keeps two numbers private: the
 * intercept of the ensemble and the threshold of each split, so those are read by reflection (Smile is an open,
 * automatic module); a Smile whose fields differ stops the fit with a clear error, and the tests compare the copy's
 * predictions with Smile's bit for bit.
 */
final class SmileTrees {

    private SmileTrees() {
    }

    static TreeEnsemble of(smile.regression.GradientTreeBoost model, double shrinkage, int width) {
        return of(new RegressionTree[][] {model.trees()}, field(model, "b"), shrinkage, width);
    }

    /** One group for two classes (Smile's binomial deviance with an intercept), one per class for more. */
    static TreeEnsemble of(smile.classification.GradientTreeBoost model, double shrinkage, int width) {
        return of(model.trees(), model.classes().length == 2 ? field(model, "b") : 0, shrinkage, width);
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
                arrays.add(tree.root());
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

        void add(Node n) {
            int i = node++;
            switch (n) {
                case OrdinalNode split -> {
                    feature[i] = split.feature();
                    value[i] = threshold(split);
                    add(split.trueChild());
                    falseChild[i] = node;
                    add(split.falseChild());
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

    private static double threshold(OrdinalNode split) {
        return field(split, OrdinalNode.class, "value");
    }

    private static double field(Object owner, String name) {
        return field(owner, owner.getClass(), name);
    }

    private static double field(Object owner, Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field.getDouble(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the field '" + name + "' of Smile's " + type.getSimpleName()
                    + " (a Smile version Recausal does not know?)", e);
        }
    }
}
