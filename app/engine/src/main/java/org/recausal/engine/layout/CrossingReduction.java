package org.recausal.engine.layout;

import java.util.Arrays;

/**
 * Reorders the layers of a {@link LayeredGraph} to reduce edge crossings: alternating downward and
 * upward sweeps that sort each layer by the weighted median of its neighbours in the layer just fixed
 * (Gansner et al., "A technique for drawing directed graphs", 1993), each followed by swapping adjacent
 * vertices while that removes crossings. The best order seen is kept. Finally the key variables
 * (exposure, outcome) are moved towards the middle of their layers if that costs few crossings.
 */
final class CrossingReduction {
    /** Sweeps without improvement after which the search stops. */
    private static final int PATIENCE = 4;
    /** Cap on the rounds of adjacent swaps, which bounds the time on very large graphs. */
    private static final int TRANSPOSE_ROUNDS = 12;

    private final LayeredGraph g;

    private CrossingReduction(LayeredGraph g) {
        this.g = g;
    }

    /**
     * @param keyNodes  variables to bring towards the middle of their layers
     * @param allowance crossings each key variable may add to get there
     */
    static void reduce(LayeredGraph g, int sweeps, boolean[] keyNodes, int allowance) {
        CrossingReduction reduction = new CrossingReduction(g);
        reduction.sweep(sweeps);
        reduction.centre(keyNodes, allowance);
    }

    /** Crossings of the layered drawing: edges between neighbouring layers drawn straight. */
    static long crossings(LayeredGraph g) {
        long total = 0;
        for (int l = 0; l + 1 < g.layers.length; l++) {
            total += crossingsBetween(g, l);
        }
        return total;
    }

    private void sweep(int sweeps) {
        transpose();
        int[][] best = copy(g.layers);
        long bestCrossings = crossings(g);
        int stale = 0;
        for (int i = 0; i < sweeps && bestCrossings > 0 && stale < PATIENCE; i++) {
            boolean downwards = i % 2 == 0;
            if (downwards) {
                for (int l = 1; l < g.layers.length; l++) {
                    sortByMedian(l, g.up);
                }
            } else {
                for (int l = g.layers.length - 2; l >= 0; l--) {
                    sortByMedian(l, g.down);
                }
            }
            transpose();
            long crossings = crossings(g);
            if (crossings < bestCrossings) {
                bestCrossings = crossings;
                best = copy(g.layers);
                stale = 0;
            } else {
                stale++;
            }
        }
        for (int l = 0; l < best.length; l++) {
            g.layers[l] = best[l];
        }
        g.updatePositions();
    }

    /**
     * Sorts layer {@code l} by the weighted median of each vertex's neighbours in the fixed layer.
     * Vertices without such neighbours keep their places; ties keep the current order.
     */
    private void sortByMedian(int l, int[][] fixedNeighbours) {
        int[] row = g.layers[l];
        int n = row.length;
        double[] key = new double[n];
        Integer[] movable = new Integer[n];
        int movableCount = 0;
        for (int i = 0; i < n; i++) {
            key[i] = median(fixedNeighbours[row[i]]);
            if (key[i] >= 0) {
                movable[movableCount++] = i;
            }
        }
        Integer[] sorted = Arrays.copyOf(movable, movableCount);
        // Stable sort: equal medians keep their current relative order.
        Arrays.sort(sorted, (a, b) -> Double.compare(key[a], key[b]));
        int[] result = new int[n];
        int next = 0;
        for (int i = 0; i < n; i++) {
            result[i] = key[i] < 0 ? row[i] : row[sorted[next++]];
        }
        g.layers[l] = result;
        for (int i = 0; i < n; i++) {
            g.pos[result[i]] = i;
        }
    }

    /** The weighted median of the neighbours' positions; -1 when there are none. */
    private double median(int[] neighbours) {
        int d = neighbours.length;
        if (d == 0) {
            return -1;
        }
        int[] p = new int[d];
        for (int k = 0; k < d; k++) {
            p[k] = g.pos[neighbours[k]];
        }
        Arrays.sort(p);
        int m = d / 2;
        if (d % 2 == 1) {
            return p[m];
        }
        if (d == 2) {
            return (p[0] + p[1]) / 2.0;
        }
        double left = p[m - 1] - p[0];
        double right = p[d - 1] - p[m];
        return left + right == 0 ? (p[m - 1] + p[m]) / 2.0 : (p[m - 1] * right + p[m] * left) / (left + right);
    }

    /** Swaps adjacent vertices while a swap removes crossings. */
    private void transpose() {
        boolean improved = true;
        for (int round = 0; improved && round < TRANSPOSE_ROUNDS; round++) {
            improved = false;
            for (int[] row : g.layers) {
                for (int i = 0; i + 1 < row.length; i++) {
                    int v = row[i];
                    int w = row[i + 1];
                    if (pairCrossings(w, v) < pairCrossings(v, w)) {
                        swap(row, i);
                        improved = true;
                    }
                }
            }
        }
    }

    /**
     * Moves each key vertex towards the middle of its layer, one swap at a time, while the swaps
     * together add at most {@code allowance} crossings; a swap past another key vertex is not made.
     */
    private void centre(boolean[] keyNodes, int allowance) {
        for (int v = 0; v < g.realCount; v++) {
            if (!keyNodes[v]) {
                continue;
            }
            int[] row = g.layers[g.layer[v]];
            int middle = (row.length - 1) / 2;
            int spent = 0;
            while (g.pos[v] != middle) {
                int i = g.pos[v] < middle ? g.pos[v] : g.pos[v] - 1;
                int left = row[i];
                int right = row[i + 1];
                int other = left == v ? right : left;
                long cost = pairCrossings(right, left) - pairCrossings(left, right);
                if ((other < g.realCount && keyNodes[other]) || spent + cost > allowance) {
                    break;
                }
                spent += (int) cost;
                swap(row, i);
            }
        }
    }

    private void swap(int[] row, int i) {
        int v = row[i];
        row[i] = row[i + 1];
        row[i + 1] = v;
        g.pos[row[i]] = i;
        g.pos[row[i + 1]] = i + 1;
    }

    /** Crossings between the edges of {@code v} and of {@code w} when {@code v} is left of {@code w}. */
    private long pairCrossings(int v, int w) {
        return pairCrossings(g.up[v], g.up[w]) + pairCrossings(g.down[v], g.down[w]);
    }

    private long pairCrossings(int[] left, int[] right) {
        long count = 0;
        for (int a : left) {
            for (int b : right) {
                if (g.pos[a] > g.pos[b]) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Crossings between layers {@code l} and {@code l+1}: inversions of the lower ends when the edges
     * are sorted by upper end, counted with a Fenwick tree (Barth, Jünger and Mutzel, 2002).
     */
    private static long crossingsBetween(LayeredGraph g, int l) {
        int[] upper = g.layers[l];
        int lowerSize = g.layers[l + 1].length;
        int[] tree = new int[lowerSize + 1];
        long crossings = 0;
        int seen = 0;
        for (int v : upper) {
            int[] ends = new int[g.down[v].length];
            for (int k = 0; k < ends.length; k++) {
                ends[k] = g.pos[g.down[v][k]];
            }
            Arrays.sort(ends);
            for (int end : ends) {
                // Earlier edges ending strictly right of this end cross it.
                int atMost = 0;
                for (int i = end + 1; i > 0; i -= i & -i) {
                    atMost += tree[i];
                }
                crossings += seen - atMost;
                for (int i = end + 1; i <= lowerSize; i += i & -i) {
                    tree[i]++;
                }
                seen++;
            }
        }
        return crossings;
    }

    private static int[][] copy(int[][] rows) {
        int[][] copy = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }
}
