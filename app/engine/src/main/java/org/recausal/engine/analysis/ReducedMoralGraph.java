package org.recausal.engine.analysis;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The undirected graph {@link SeparatorSearch} lists minimal s-t separators in: the moral graph of
 * A = An(X ∪ Y ∪ must) with {@code must} deleted, every connected block of vertices that may not be used
 * eliminated (its outside neighbours joined pairwise, so paths through it survive), and X and Y contracted
 * to single vertices s and t. Only the candidates (A ∩ allowed) remain besides s and t, numbered
 * 0, 1, … in the graph's order, so that picking the lowest number picks the lowest vertex, then s and t.
 * Kept as sorted adjacency lists: the work stays proportional to A's edges, not to the square of the
 * graph's size.
 */
final class ReducedMoralGraph {
    /** What a vertex of A that does not stay becomes: deleted (a member of must) or eliminated. */
    private static final int NONE = -1;
    private static final int GONE = -2;

    /** Graph vertex of each candidate node; the nodes after them are s and t. */
    final int[] candidates;
    final int s;
    final int t;
    final int[][] adjacent;

    private ReducedMoralGraph(int[] candidates, int[][] adjacent) {
        this.candidates = candidates;
        this.s = candidates.length;
        this.t = candidates.length + 1;
        this.adjacent = adjacent;
    }

    /**
     * @param allowed the vertices that may join a separator, X, Y and {@code must} not among them
     */
    static ReducedMoralGraph of(IndexedGraph g, VertexSet x, VertexSet y, VertexSet must, VertexSet allowed) {
        VertexSet ancestral = g.ancestors(x.union(y).union(must));
        int[] members = ancestral.toArray();
        int[][] moral = moralGraph(g, members);
        int[] candidates = ancestral.intersection(allowed).toArray();
        // node[i]: what member i becomes: a candidate's number, s, t, NONE (must: deleted) or GONE (eliminated).
        int[] node = new int[members.length];
        for (int i = 0, c = 0; i < members.length; i++) {
            int v = members[i];
            node[i] = allowed.contains(v) ? c++ : x.contains(v) ? candidates.length
                    : y.contains(v) ? candidates.length + 1 : must.contains(v) ? NONE : GONE;
        }
        Edges edges = new Edges(candidates.length + 2);
        for (int i = 0; i < members.length; i++) {
            for (int j : moral[i]) {
                if (j > i) {
                    edges.add(node[i], node[j]);
                }
            }
        }
        joinAroundEliminated(moral, node, edges);
        return new ReducedMoralGraph(candidates, edges.adjacency());
    }

    /** The moral graph of the ancestral set {@code members} (ascending), on their positions in it. */
    private static int[][] moralGraph(IndexedGraph g, int[] members) {
        Edges edges = new Edges(members.length);
        for (int i = 0; i < members.length; i++) {
            int[] parents = g.parents(members[i]);
            for (int a = 0; a < parents.length; a++) {
                int p = Arrays.binarySearch(members, parents[a]);
                edges.add(i, p);
                for (int b = a + 1; b < parents.length; b++) {
                    edges.add(p, Arrays.binarySearch(members, parents[b]));
                }
            }
        }
        return edges.adjacency();
    }

    /** Joins pairwise the outside neighbours of each connected block of GONE members. */
    private static void joinAroundEliminated(int[][] moral, int[] node, Edges edges) {
        BitSet visited = new BitSet(node.length);
        int[] queue = new int[node.length];
        for (int start = 0; start < node.length; start++) {
            if (node[start] != GONE || visited.get(start)) {
                continue;
            }
            BitSet border = new BitSet();
            visited.set(start);
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            while (head < tail) {
                for (int w : moral[queue[head++]]) {
                    if (node[w] >= 0) {
                        border.set(node[w]);
                    } else if (node[w] == GONE && !visited.get(w)) {
                        visited.set(w);
                        queue[tail++] = w;
                    }
                }
            }
            for (int a = border.nextSetBit(0); a >= 0; a = border.nextSetBit(a + 1)) {
                for (int b = border.nextSetBit(a + 1); b >= 0; b = border.nextSetBit(b + 1)) {
                    edges.add(a, b);
                }
            }
        }
    }

    /** Undirected edges between nodes, gathered with repeats and loops dropped at the end. */
    private static final class Edges {
        private final int nodes;
        private long[] pairs = new long[64];
        private int size;

        Edges(int nodes) {
            this.nodes = nodes;
        }

        /** Records a–b when both are nodes (not NONE or GONE) and differ; a repeat is harmless. */
        void add(int a, int b) {
            if (a < 0 || b < 0 || a == b) {
                return;
            }
            if (size + 2 > pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[size++] = (long) a * nodes + b;
            pairs[size++] = (long) b * nodes + a;
        }

        /** Each node's neighbours in increasing order, without repeats. */
        int[][] adjacency() {
            Arrays.sort(pairs, 0, size);
            int[] degree = new int[nodes];
            for (int i = 0; i < size; i++) {
                if (i == 0 || pairs[i] != pairs[i - 1]) {
                    degree[(int) (pairs[i] / nodes)]++;
                }
            }
            int[][] adjacency = new int[nodes][];
            for (int v = 0; v < nodes; v++) {
                adjacency[v] = new int[degree[v]];
                degree[v] = 0;
            }
            for (int i = 0; i < size; i++) {
                if (i == 0 || pairs[i] != pairs[i - 1]) {
                    int v = (int) (pairs[i] / nodes);
                    adjacency[v][degree[v]++] = (int) (pairs[i] % nodes);
                }
            }
            return adjacency;
        }
    }
}
