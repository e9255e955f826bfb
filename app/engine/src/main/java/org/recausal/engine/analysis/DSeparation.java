package org.recausal.engine.analysis;

import java.util.Collection;
import java.util.Set;

import org.recausal.engine.dag.Dag;

/**
 * d-separation and the kinship queries it rests on, for a snapshot of a {@link Dag}. Separation is
 * decided by Bayes-ball reachability in linear time, never by listing paths.
 */
public final class DSeparation {
    private final IndexedGraph graph;

    public DSeparation(Dag dag) {
        this.graph = IndexedGraph.of(dag);
    }

    /**
     * Whether every path between {@code x} and {@code y} is blocked by {@code given}. The three sets
     * must be pairwise disjoint and {@code x}, {@code y} non-empty.
     */
    public boolean isSeparated(Collection<String> x, Collection<String> y, Collection<String> given) {
        VertexSet xs = graph.set(x);
        VertexSet ys = graph.set(y);
        VertexSet zs = graph.set(given);
        requireDisjoint(xs, ys, zs);
        return BayesBall.separated(graph, xs, ys, zs);
    }

    public boolean isConnected(Collection<String> x, Collection<String> y, Collection<String> given) {
        return !isSeparated(x, y, given);
    }

    /** Every variable outside {@code given} that is d-connected to {@code x} given {@code given}, {@code x} included. */
    public Set<String> reachable(Collection<String> x, Collection<String> given) {
        return graph.names(BayesBall.reachable(graph, graph.set(x), graph.set(given)));
    }

    /** {@code of} and all variables with a directed path into it. */
    public Set<String> ancestors(Collection<String> of) {
        return graph.names(graph.ancestors(graph.set(of)));
    }

    /** {@code of} and all variables reachable from it along directed edges. */
    public Set<String> descendants(Collection<String> of) {
        return graph.names(graph.descendants(graph.set(of)));
    }

    /** Parents, children and the children's other parents: the set that d-separates {@code of} from all else. */
    public Set<String> markovBlanket(String of) {
        return markovBlanket(java.util.List.of(of));
    }

    /** The Markov blanket of a set, as DAGitty defines it: the members' blankets joined, the members left out. */
    public Set<String> markovBlanket(Collection<String> of) {
        VertexSet members = graph.set(of);
        VertexSet blanket = new VertexSet(graph.size());
        members.forEach(v -> {
            for (int p : graph.parents(v)) {
                blanket.add(p);
            }
            for (int c : graph.children(v)) {
                blanket.add(c);
                for (int p : graph.parents(c)) {
                    blanket.add(p);
                }
            }
        });
        return graph.names(blanket.minus(members));
    }

    private void requireDisjoint(VertexSet x, VertexSet y, VertexSet z) {
        if (x.isEmpty() || y.isEmpty()) {
            throw new IllegalArgumentException("d-separation needs two non-empty sets of variables.");
        }
        overlap(x, y, "the first and the second set");
        overlap(x, z, "the first set and the conditioning set");
        overlap(y, z, "the second set and the conditioning set");
    }

    private void overlap(VertexSet a, VertexSet b, String which) {
        VertexSet common = a.intersection(b);
        if (!common.isEmpty()) {
            throw new IllegalArgumentException("The sets must not overlap, but " + which + " share "
                    + String.join(", ", graph.names(common)) + ".");
        }
    }
}
