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
 * A = An(X ∪ Y ∪ must), where d-separation equals vertex separation in the moral graph of A, reduced
 * once ({@link ReducedMoralGraph}). Takata's (2010) backtracking then lists the minimal s-t separators
 * of the reduced graph with polynomial delay, lazily.
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
        return new Takata(ReducedMoralGraph.of(g, x, y, must, allowed));
    }

    // ------------------------------------------------------------ enumeration

    /**
     * Takata's ListMinSep as an explicit stack. A state (S, T) stands for the minimal separators with
     * S on the s side and T off it; every state that survives the feasibility test yields output.
     */
    private final class Takata implements Iterator<VertexSet> {
        private final ReducedMoralGraph reduced;
        private final int[][] adj;
        private final int s;
        private final int t;
        private final int[] queue;
        private final Deque<BitSet[]> stack = new ArrayDeque<>();
        private VertexSet next;

        Takata(ReducedMoralGraph reduced) {
            this.reduced = reduced;
            this.adj = reduced.adjacent;
            this.s = reduced.s;
            this.t = reduced.t;
            this.queue = new int[adj.length];
            BitSet start = new BitSet();
            start.set(s);
            BitSet farSide = new BitSet();
            for (int w : adj[t]) {
                farSide.set(w);
            }
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
            BitSet close = neighbours(component(t, closedNeighbourhood(sSide)));
            BitSet grown = component(s, close);
            if (grown.intersects(notSSide)) {
                return null;
            }
            BitSet open = (BitSet) close.clone();
            open.andNot(notSSide);
            if (open.isEmpty()) {
                VertexSet separator = must.copy();
                for (int v = close.nextSetBit(0); v >= 0; v = close.nextSetBit(v + 1)) {
                    separator.add(reduced.candidates[v]);
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

        /** The nodes reachable from {@code start} without entering {@code removed}. */
        private BitSet component(int start, BitSet removed) {
            BitSet seen = new BitSet(adj.length);
            seen.set(start);
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            while (head < tail) {
                for (int w : adj[queue[head++]]) {
                    if (!removed.get(w) && !seen.get(w)) {
                        seen.set(w);
                        queue[tail++] = w;
                    }
                }
            }
            return seen;
        }

        private BitSet closedNeighbourhood(BitSet set) {
            BitSet result = neighbours(set);
            result.or(set);
            return result;
        }

        private BitSet neighbours(BitSet set) {
            BitSet result = new BitSet(adj.length);
            for (int v = set.nextSetBit(0); v >= 0; v = set.nextSetBit(v + 1)) {
                for (int w : adj[v]) {
                    result.set(w);
                }
            }
            result.andNot(set);
            return result;
        }
    }
}
