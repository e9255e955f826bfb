package org.recausal.engine.layout;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Horizontal coordinates for an ordered {@link LayeredGraph} after Brandes and Köpf, "Fast and Simple
 * Horizontal Coordinate Assignment" (2001): each vertex is aligned with a median neighbour into vertical
 * blocks (long edges, whose inner segments win every conflict, become straight vertical lines), blocks
 * are packed as tightly as the separation allows, and this is done in the four combinations of
 * up/down and left/right; the result is the mean of the two middle candidates for each vertex, which
 * keeps parents near their children without a bias to either side. Blocks are packed by longest path
 * over the graph of neighbouring blocks, then pulled towards their right neighbours, as in dagre, which
 * avoids the class-shift bug of the original compaction.
 */
final class CoordinateAssignment {
    private final LayeredGraph g;
    private final LayoutOptions options;
    /** Segments that cross an inner segment (dummy to dummy), as {@code upper * size + lower}. */
    private final Set<Long> conflicts = new HashSet<>();

    private CoordinateAssignment(LayeredGraph g, LayoutOptions options) {
        this.g = g;
        this.options = options;
    }

    /** The centre x of every vertex, dummies included, with the left edge of the drawing at 0. */
    static double[] assign(LayeredGraph g, LayoutOptions options) {
        return new CoordinateAssignment(g, options).assign();
    }

    private double[] assign() {
        markConflicts();
        double[][] candidates = new double[4][];
        double[] left = new double[4];
        double[] right = new double[4];
        int narrowest = 0;
        for (int k = 0; k < 4; k++) {
            candidates[k] = place(k < 2, k % 2 == 0);
            left[k] = Double.POSITIVE_INFINITY;
            right[k] = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < g.size; v++) {
                left[k] = Math.min(left[k], candidates[k][v] - width(v) / 2);
                right[k] = Math.max(right[k], candidates[k][v] + width(v) / 2);
            }
            if (right[k] - left[k] < right[narrowest] - left[narrowest]) {
                narrowest = k;
            }
        }
        // Left-packed candidates share the narrowest one's left edge, right-packed ones its right edge.
        for (int k = 0; k < 4; k++) {
            double shift = k % 2 == 0 ? left[narrowest] - left[k] : right[narrowest] - right[k];
            for (int v = 0; v < g.size; v++) {
                candidates[k][v] += shift;
            }
        }
        double[] x = new double[g.size];
        double[] four = new double[4];
        double min = Double.POSITIVE_INFINITY;
        for (int v = 0; v < g.size; v++) {
            for (int k = 0; k < 4; k++) {
                four[k] = candidates[k][v];
            }
            Arrays.sort(four);
            x[v] = (four[1] + four[2]) / 2;
            min = Math.min(min, x[v] - width(v) / 2);
        }
        for (int v = 0; v < g.size; v++) {
            x[v] -= min;
        }
        return x;
    }

    /**
     * Marks non-inner segments that cross an inner segment, so alignment never bends a long edge
     * (the "type 1 conflicts" of Brandes and Köpf).
     */
    private void markConflicts() {
        for (int l = 0; l + 1 < g.layers.length; l++) {
            int[] upper = g.layers[l];
            int[] lower = g.layers[l + 1];
            int k0 = 0;
            int scanned = 0;
            for (int l1 = 0; l1 < lower.length; l1++) {
                int v = lower[l1];
                int innerUpper = g.isDummy(v) && g.isDummy(g.up[v][0]) ? g.up[v][0] : -1;
                if (l1 == lower.length - 1 || innerUpper >= 0) {
                    int k1 = innerUpper >= 0 ? g.pos[innerUpper] : upper.length - 1;
                    for (; scanned <= l1; scanned++) {
                        int w = lower[scanned];
                        for (int u : g.up[w]) {
                            if (g.pos[u] < k0 || g.pos[u] > k1) {
                                conflicts.add((long) u * g.size + w);
                            }
                        }
                    }
                    k0 = k1;
                }
            }
        }
    }

    /**
     * One candidate: aligns towards the layer above ({@code downward}) or below, taking medians from
     * the left or the right, then packs the blocks to the left (or right, by mirroring).
     */
    private double[] place(boolean downward, boolean leftToRight) {
        int layerCount = g.layers.length;
        int[][] rows = new int[layerCount][];
        int[] p = new int[g.size];
        for (int i = 0; i < layerCount; i++) {
            int[] source = g.layers[downward ? i : layerCount - 1 - i];
            rows[i] = new int[source.length];
            for (int j = 0; j < source.length; j++) {
                rows[i][j] = source[leftToRight ? j : source.length - 1 - j];
                p[rows[i][j]] = j;
            }
        }
        int[][] previous = downward ? g.up : g.down;
        int[] root = new int[g.size];
        int[] align = new int[g.size];
        for (int v = 0; v < g.size; v++) {
            root[v] = v;
            align[v] = v;
        }
        for (int i = 1; i < layerCount; i++) {
            int r = -1;
            for (int v : rows[i]) {
                int[] neighbours = sortedBy(previous[v], p);
                int d = neighbours.length;
                for (int m = (d - 1) / 2; d > 0 && m <= d / 2; m++) {
                    int u = neighbours[m];
                    boolean conflict = downward ? isConflict(u, v) : isConflict(v, u);
                    if (align[v] == v && !conflict && r < p[u]) {
                        align[u] = v;
                        root[v] = root[u];
                        align[v] = root[v];
                        r = p[u];
                    }
                }
            }
        }
        double[] x = compact(rows, root);
        if (!leftToRight) {
            for (int v = 0; v < g.size; v++) {
                x[v] = -x[v];
            }
        }
        return x;
    }

    /**
     * Packs blocks left: each block as far left as its left neighbours allow (longest path in the graph
     * of neighbouring blocks), then as far right as its right neighbours allow, so that blocks with no
     * left neighbours do not all stick to the left edge.
     */
    private double[] compact(int[][] rows, int[] root) {
        int edgeCount = 0;
        for (int[] row : rows) {
            edgeCount += Math.max(0, row.length - 1);
        }
        int[] from = new int[edgeCount];
        int[] to = new int[edgeCount];
        double[] gap = new double[edgeCount];
        int e = 0;
        for (int[] row : rows) {
            for (int j = 1; j < row.length; j++) {
                from[e] = root[row[j - 1]];
                to[e] = root[row[j]];
                gap[e++] = separation(row[j - 1], row[j]);
            }
        }
        int[][] out = adjacency(from, g.size);
        int[][] in = adjacency(to, g.size);
        int[] order = topologicalOrder(root, out, in, to);
        double[] blockX = new double[g.size];
        for (int b : order) {
            for (int edge : in[b]) {
                blockX[b] = Math.max(blockX[b], blockX[from[edge]] + gap[edge]);
            }
        }
        for (int i = order.length - 1; i >= 0; i--) {
            int b = order[i];
            double limit = Double.POSITIVE_INFINITY;
            for (int edge : out[b]) {
                limit = Math.min(limit, blockX[to[edge]] - gap[edge]);
            }
            if (limit < Double.POSITIVE_INFINITY) {
                blockX[b] = Math.max(blockX[b], limit);
            }
        }
        double[] x = new double[g.size];
        for (int v = 0; v < g.size; v++) {
            x[v] = blockX[root[v]];
        }
        return x;
    }

    /** Kahn's algorithm over the block roots; blocks never cross, so their graph is acyclic. */
    private int[] topologicalOrder(int[] root, int[][] out, int[][] in, int[] to) {
        int[] remaining = new int[g.size];
        Deque<Integer> ready = new ArrayDeque<>();
        int roots = 0;
        for (int v = 0; v < g.size; v++) {
            if (root[v] == v) {
                roots++;
                remaining[v] = in[v].length;
                if (remaining[v] == 0) {
                    ready.add(v);
                }
            }
        }
        int[] order = new int[roots];
        int count = 0;
        while (!ready.isEmpty()) {
            int b = ready.poll();
            order[count++] = b;
            for (int edge : out[b]) {
                if (--remaining[to[edge]] == 0) {
                    ready.add(to[edge]);
                }
            }
        }
        if (count != roots) {
            throw new IllegalStateException("blocks of the layout cross each other; " + (roots - count)
                    + " of " + roots + " blocks could not be placed");
        }
        return order;
    }

    /** For each vertex the indices of the edges whose {@code ends} entry is that vertex. */
    private static int[][] adjacency(int[] ends, int size) {
        int[] counts = new int[size];
        for (int end : ends) {
            counts[end]++;
        }
        int[][] lists = new int[size][];
        for (int v = 0; v < size; v++) {
            lists[v] = new int[counts[v]];
            counts[v] = 0;
        }
        for (int edge = 0; edge < ends.length; edge++) {
            lists[ends[edge]][counts[ends[edge]]++] = edge;
        }
        return lists;
    }

    private boolean isConflict(int upper, int lower) {
        return conflicts.contains((long) upper * g.size + lower);
    }

    private static int[] sortedBy(int[] vertices, int[] p) {
        int[] sorted = vertices.clone();
        for (int i = 1; i < sorted.length; i++) {
            int v = sorted[i];
            int j = i - 1;
            for (; j >= 0 && p[sorted[j]] > p[v]; j--) {
                sorted[j + 1] = sorted[j];
            }
            sorted[j + 1] = v;
        }
        return sorted;
    }

    private double width(int v) {
        return g.isDummy(v) ? 0 : options.nodeWidth();
    }

    /** Least distance between the centres of neighbours {@code u} and {@code v} in a layer. */
    private double separation(int u, int v) {
        double gap = g.isDummy(u) || g.isDummy(v) ? options.edgeGap() : options.horizontalGap();
        return (width(u) + width(v)) / 2 + gap;
    }
}
