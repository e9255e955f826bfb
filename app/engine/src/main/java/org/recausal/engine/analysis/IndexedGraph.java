package org.recausal.engine.analysis;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

/**
 * An immutable snapshot of a {@link Dag} with vertices numbered in insertion order, so the analyses
 * can work on int arrays and {@link java.util.BitSet}s instead of hashing names on every step.
 */
final class IndexedGraph {
    private final String[] names;
    private final Role[] roles;
    private final Map<String, Integer> index;
    private final int[][] parents;
    private final int[][] children;

    private IndexedGraph(String[] names, Role[] roles, Map<String, Integer> index, int[][] parents, int[][] children) {
        this.names = names;
        this.roles = roles;
        this.index = index;
        this.parents = parents;
        this.children = children;
    }

    static IndexedGraph of(Dag dag) {
        List<Variable> variables = dag.variables();
        int n = variables.size();
        String[] names = new String[n];
        Role[] roles = new Role[n];
        Map<String, Integer> index = HashMap.newHashMap(n);
        for (int i = 0; i < n; i++) {
            names[i] = variables.get(i).name();
            roles[i] = variables.get(i).role();
            index.put(names[i], i);
        }
        // Numbered edges sorted as numbers: the order of Dag.edges() without its name lookups per comparison.
        long[] edges = new long[dag.edgeCount()];
        int k = 0;
        for (CausalEdge e : dag.graph().edgeSet()) {
            edges[k++] = (long) index.get(e.from()) * n + index.get(e.to());
        }
        Arrays.sort(edges);
        return build(names, roles, index, edges);
    }

    /** @param edges each edge from → to as from × size + to, in increasing order */
    private static IndexedGraph build(String[] names, Role[] roles, Map<String, Integer> index, long[] edges) {
        int n = names.length;
        int[] inDegree = new int[n];
        int[] outDegree = new int[n];
        for (long e : edges) {
            outDegree[(int) (e / n)]++;
            inDegree[(int) (e % n)]++;
        }
        int[][] parents = new int[n][];
        int[][] children = new int[n][];
        for (int i = 0; i < n; i++) {
            parents[i] = new int[inDegree[i]];
            children[i] = new int[outDegree[i]];
        }
        int[] inFill = new int[n];
        int[] outFill = new int[n];
        for (long e : edges) {
            int from = (int) (e / n);
            int to = (int) (e % n);
            children[from][outFill[from]++] = to;
            parents[to][inFill[to]++] = from;
        }
        return new IndexedGraph(names, roles, index, parents, children);
    }

    /** The same vertices without the edges {@code from -> to} for which {@code drop} holds. */
    IndexedGraph withoutEdges(BiPredicate<Integer, Integer> drop) {
        long[] edges = new long[Arrays.stream(children).mapToInt(c -> c.length).sum()];
        int k = 0;
        for (int from = 0; from < size(); from++) {
            for (int to : children[from]) {
                if (!drop.test(from, to)) {
                    edges[k++] = (long) from * size() + to;
                }
            }
        }
        return build(names, roles, index, Arrays.copyOf(edges, k));
    }

    int size() {
        return names.length;
    }

    String name(int v) {
        return names[v];
    }

    Role role(int v) {
        return roles[v];
    }

    int[] parents(int v) {
        return parents[v];
    }

    int[] children(int v) {
        return children[v];
    }

    boolean adjacent(int a, int b) {
        for (int c : children[a]) {
            if (c == b) {
                return true;
            }
        }
        for (int p : parents[a]) {
            if (p == b) {
                return true;
            }
        }
        return false;
    }

    int index(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("There is no variable called '" + name + "' in the graph.");
        }
        return i;
    }

    VertexSet set(Collection<String> names) {
        VertexSet set = new VertexSet(size());
        for (String name : names) {
            set.add(index(name));
        }
        return set;
    }

    /** Every vertex. */
    VertexSet all() {
        VertexSet set = new VertexSet(size());
        for (int v = 0; v < size(); v++) {
            set.add(v);
        }
        return set;
    }

    VertexSet withRole(Role role) {
        VertexSet set = new VertexSet(size());
        for (int v = 0; v < size(); v++) {
            if (roles[v] == role) {
                set.add(v);
            }
        }
        return set;
    }

    /** Names of the members of {@code set}, in the graph's insertion order. */
    Set<String> names(VertexSet set) {
        Set<String> result = new LinkedHashSet<>();
        set.forEach(v -> result.add(names[v]));
        return Collections.unmodifiableSet(result);
    }

    List<String> names(List<Integer> vertices) {
        return vertices.stream().map(v -> names[v]).toList();
    }

    /** {@code set} and every vertex with a directed path into it. */
    VertexSet ancestors(VertexSet set) {
        return closure(set, true);
    }

    /** {@code set} and every vertex reachable from it along directed edges. */
    VertexSet descendants(VertexSet set) {
        return closure(set, false);
    }

    private VertexSet closure(VertexSet start, boolean up) {
        VertexSet seen = start.copy();
        Deque<Integer> queue = new ArrayDeque<>();
        start.forEach(queue::add);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int w : up ? parents[v] : children[v]) {
                if (seen.add(w)) {
                    queue.add(w);
                }
            }
        }
        return seen;
    }
}
