package org.recausal.engine.analysis;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Separators Z of X and Y in a DAG with {@code must} ⊆ Z ⊆ {@code must} ∪ {@code allowed}, after
 * van der Zander, Liśkiewicz &amp; Textor (2019). Minimal separators containing {@code must} lie in
 * A = An(X ∪ Y ∪ must), where d-separation equals vertex separation in the moral graph of A. That
 * graph is reduced once: {@code must} is deleted, vertices that may not be used are eliminated (their
 * neighbourhoods made cliques, so paths through them survive), X and Y are contracted to single
 * vertices s and t. Takata's (2010) backtracking then lists the minimal s-t separators with
 * polynomial delay, lazily.
 */
final class SeparatorSearch {
    private final IndexedGraph g;
    private final VertexSet x;
    private final VertexSet y;
    private final VertexSet must;
    private final VertexSet allowed;

    /**
     * @param allowed vertices that may be added to {@code must}; X, Y and {@code must} are ignored in it
     */
    SeparatorSearch(IndexedGraph g, VertexSet x, VertexSet y, VertexSet must, VertexSet allowed) {
        this.g = g;
        this.x = x;
        this.y = y;
        this.must = must;
        this.allowed = allowed.minus(x).minus(y).minus(must);
    }

    boolean separates(VertexSet z) {
        return BayesBall.separated(g, x, y, z);
    }

    /** The largest useful candidate, An(X ∪ Y ∪ must) ∩ allowed plus must: it separates iff any permitted set does. */
    VertexSet canonical() {
        return g.ancestors(x.union(y).union(must)).intersection(allowed).union(must);
    }

    Optional<VertexSet> canonicalIfSeparating() {
        VertexSet canonical = canonical();
        return separates(canonical) ? Optional.of(canonical) : Optional.empty();
    }

    /** All separators that are minimal among those containing {@code must}; empty when none exists. */
    Iterator<VertexSet> minimal() {
        if (x.intersects(y) || canonicalIfSeparating().isEmpty()) {
            return java.util.Collections.emptyIterator();
        }
        return new Takata(reducedMoralGraph());
    }

    // ------------------------------------------------------------ reduction

    private BitSet[] reducedMoralGraph() {
        int n = g.size();
        int s = n;
        int t = n + 1;
        VertexSet ancestral = g.ancestors(x.union(y).union(must));
        BitSet[] adj = new BitSet[n + 2];
        for (int v = 0; v < n + 2; v++) {
            adj[v] = new BitSet(n + 2);
        }
        ancestral.forEach(v -> {
            int[] parents = g.parents(v);
            for (int i = 0; i < parents.length; i++) {
                link(adj, v, parents[i]);
                for (int j = i + 1; j < parents.length; j++) {
                    link(adj, parents[i], parents[j]);
                }
            }
        });
        must.forEach(v -> isolate(adj, v));
        VertexSet candidates = allowed.intersection(ancestral);
        VertexSet eliminated = ancestral.minus(x).minus(y).minus(must).minus(candidates);
        eliminate(adj, eliminated);
        contract(adj, x, s);
        contract(adj, y, t);
        return adj;
    }

    private static void link(BitSet[] adj, int a, int b) {
        adj[a].set(b);
        adj[b].set(a);
    }

    private static void isolate(BitSet[] adj, int v) {
        for (int w = adj[v].nextSetBit(0); w >= 0; w = adj[v].nextSetBit(w + 1)) {
            adj[w].clear(v);
        }
        adj[v].clear();
    }

    /** Removes each connected block of {@code gone}, joining all its outside neighbours pairwise. */
    private static void eliminate(BitSet[] adj, VertexSet gone) {
        BitSet remaining = new BitSet();
        gone.forEach(remaining::set);
        BitSet goneBits = (BitSet) remaining.clone();
        while (!remaining.isEmpty()) {
            int start = remaining.nextSetBit(0);
            BitSet block = component(adj, start, goneBits);
            remaining.andNot(block);
            BitSet border = new BitSet();
            for (int v = block.nextSetBit(0); v >= 0; v = block.nextSetBit(v + 1)) {
                border.or(adj[v]);
            }
            border.andNot(goneBits);
            for (int v = block.nextSetBit(0); v >= 0; v = block.nextSetBit(v + 1)) {
                isolate(adj, v);
            }
            for (int a = border.nextSetBit(0); a >= 0; a = border.nextSetBit(a + 1)) {
                adj[a].or(border);
                adj[a].clear(a);
            }
        }
    }

    /** Replaces the vertices of {@code group} by the single vertex {@code into}. */
    private static void contract(BitSet[] adj, VertexSet group, int into) {
        BitSet members = new BitSet();
        group.forEach(members::set);
        BitSet border = new BitSet();
        for (int v = members.nextSetBit(0); v >= 0; v = members.nextSetBit(v + 1)) {
            border.or(adj[v]);
        }
        border.andNot(members);
        for (int v = members.nextSetBit(0); v >= 0; v = members.nextSetBit(v + 1)) {
            isolate(adj, v);
        }
        for (int w = border.nextSetBit(0); w >= 0; w = border.nextSetBit(w + 1)) {
            link(adj, into, w);
        }
    }

    /** The vertices reachable from {@code start} inside {@code within}. */
    private static BitSet component(BitSet[] adj, int start, BitSet within) {
        BitSet seen = new BitSet();
        seen.set(start);
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int w = adj[v].nextSetBit(0); w >= 0; w = adj[v].nextSetBit(w + 1)) {
                if (within.get(w) && !seen.get(w)) {
                    seen.set(w);
                    queue.add(w);
                }
            }
        }
        return seen;
    }

    // ------------------------------------------------------------ enumeration

    /**
     * Takata's ListMinSep as an explicit stack. A state (S, T) stands for the minimal separators with
     * S on the s side and T off it; every state that survives the feasibility test yields output.
     */
    private final class Takata implements Iterator<VertexSet> {
        private final BitSet[] adj;
        private final int s;
        private final int t;
        private final BitSet all;
        private final Deque<BitSet[]> stack = new ArrayDeque<>();
        private VertexSet next;

        Takata(BitSet[] adj) {
            this.adj = adj;
            this.s = g.size();
            this.t = g.size() + 1;
            this.all = new BitSet();
            all.set(0, g.size() + 2);
            BitSet start = new BitSet();
            start.set(s);
            BitSet farSide = (BitSet) adj[t].clone();
            farSide.set(t);
            stack.push(new BitSet[] {start, farSide});
        }

        @Override
        public boolean hasNext() {
            while (next == null && !stack.isEmpty()) {
                BitSet[] state = stack.pop();
                next = expand(state[0], state[1]);
            }
            return next != null;
        }

        @Override
        public VertexSet next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            VertexSet result = next;
            next = null;
            return result;
        }

        /** Returns a separator when the state is a leaf, else pushes its two children and returns null. */
        private VertexSet expand(BitSet sSide, BitSet notSSide) {
            BitSet close = neighbours(component(adj, t, without(closedNeighbourhood(sSide))));
            BitSet grown = component(adj, s, without(close));
            if (grown.intersects(notSSide)) {
                return null;
            }
            BitSet open = (BitSet) close.clone();
            open.andNot(notSSide);
            if (open.isEmpty()) {
                VertexSet separator = must.copy();
                for (int v = close.nextSetBit(0); v >= 0; v = close.nextSetBit(v + 1)) {
                    separator.add(v);
                }
                return separator;
            }
            int v = open.nextSetBit(0);
            BitSet moreNotS = (BitSet) notSSide.clone();
            moreNotS.set(v);
            stack.push(new BitSet[] {grown, moreNotS});
            BitSet moreS = (BitSet) grown.clone();
            moreS.set(v);
            stack.push(new BitSet[] {moreS, notSSide});
            return null;
        }

        private BitSet closedNeighbourhood(BitSet set) {
            BitSet result = neighbours(set);
            result.or(set);
            return result;
        }

        private BitSet neighbours(BitSet set) {
            BitSet result = new BitSet();
            for (int v = set.nextSetBit(0); v >= 0; v = set.nextSetBit(v + 1)) {
                result.or(adj[v]);
            }
            result.andNot(set);
            return result;
        }

        private BitSet without(BitSet removed) {
            BitSet result = (BitSet) all.clone();
            result.andNot(removed);
            return result;
        }
    }
}
