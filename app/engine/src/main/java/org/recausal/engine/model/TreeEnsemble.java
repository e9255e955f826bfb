package org.recausal.engine.model;

import java.util.Arrays;

/**
 * Boosted regression trees as flat arrays, evaluated exactly as Smile's {@code GradientTreeBoost} does: a sum, per
 * output group, of an intercept and shrinkage × the leaf each tree gives. The trees of group g are
 * {@code [g × perGroup, (g + 1) × perGroup)}. Tree t's nodes are {@code [treeStart[t], treeStart[t + 1])} in
 * preorder: an internal node i (feature[i] ≥ 0) sends a row whose feature value is ≤ value[i] to node i + 1, any
 * other (NaN included) to falseChild[i]; a leaf (feature[i] = -1) gives value[i]. Kept as arrays so that a saved
 * model reads back to the very same numbers.
 */
final class TreeEnsemble {

    final double intercept;
    final double shrinkage;
    final int groups;
    final int[] treeStart;
    final int[] feature;
    final int[] falseChild;
    final double[] value;
    private final int perGroup;

    /**
     * @param width the number of features rows have
     * @throws IllegalArgumentException naming what is malformed: a hostile file cannot make evaluation loop or read
     *                                  outside the arrays
     */
    TreeEnsemble(double intercept, double shrinkage, int groups, int[] treeStart, int[] feature, int[] falseChild,
            double[] value, int width) {
        if (!Double.isFinite(intercept) || !(shrinkage > 0 && shrinkage <= 1)) {
            throw new IllegalArgumentException("the intercept must be finite and the shrinkage in (0, 1], not "
                    + intercept + " and " + shrinkage);
        }
        int trees = treeStart.length - 1;
        if (groups < 1 || trees < groups || trees % groups != 0) {
            throw new IllegalArgumentException(trees + " trees cannot be split into " + groups + " groups");
        }
        int nodes = feature.length;
        if (falseChild.length != nodes || value.length != nodes) {
            throw new IllegalArgumentException("the node arrays differ in length: feature " + nodes + ", falseChild "
                    + falseChild.length + ", value " + value.length);
        }
        if (treeStart[0] != 0 || treeStart[trees] != nodes) {
            throw new IllegalArgumentException("treeStart must run from 0 to the node count " + nodes);
        }
        for (int t = 0; t < trees; t++) {
            int from = treeStart[t];
            int to = treeStart[t + 1];
            if (to <= from) {
                throw new IllegalArgumentException("tree " + (t + 1) + " has no nodes");
            }
            for (int i = from; i < to; i++) {
                if (!Double.isFinite(value[i])) {
                    throw new IllegalArgumentException("node " + i + " has a value that is not a finite number");
                }
                if (feature[i] == -1) {
                    continue;
                }
                if (feature[i] < 0 || feature[i] >= width) {
                    throw new IllegalArgumentException("node " + i + " splits on feature " + feature[i] + " of "
                            + width);
                }
                // Children lie after their parent, inside the tree: every walk ends at a leaf.
                if (i + 1 >= to || falseChild[i] <= i + 1 || falseChild[i] >= to) {
                    throw new IllegalArgumentException("node " + i + " of tree " + (t + 1)
                            + " has children outside its tree");
                }
            }
        }
        this.intercept = intercept;
        this.shrinkage = shrinkage;
        this.groups = groups;
        this.treeStart = treeStart;
        this.feature = feature;
        this.falseChild = falseChild;
        this.value = value;
        this.perGroup = trees / groups;
    }

    int trees() {
        return treeStart.length - 1;
    }

    /** The score of group {@code group} for feature vector {@code x}: intercept (one group only) + shrinkage × leaves. */
    double score(int group, double[] x) {
        double y = groups == 1 ? intercept : 0;
        for (int t = group * perGroup, end = t + perGroup; t < end; t++) {
            y += shrinkage * leaf(t, x);
        }
        return y;
    }

    private double leaf(int tree, double[] x) {
        int i = treeStart[tree];
        while (feature[i] >= 0) {
            i = x[feature[i]] <= value[i] ? i + 1 : falseChild[i];
        }
        return value[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeEnsemble e && Double.compare(intercept, e.intercept) == 0
                && Double.compare(shrinkage, e.shrinkage) == 0 && groups == e.groups
                && Arrays.equals(treeStart, e.treeStart) && Arrays.equals(feature, e.feature)
                && Arrays.equals(falseChild, e.falseChild) && Arrays.equals(value, e.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
