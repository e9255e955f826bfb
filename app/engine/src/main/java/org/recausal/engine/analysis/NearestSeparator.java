package org.recausal.engine.analysis;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One minimal d-separator in linear time, after van der Zander, Liśkiewicz &amp; Textor (2019,
 * FindMinSep), the procedure DAGitty uses for instruments. Start from every permitted vertex of the
 * ancestral set A = An(X ∪ Y ∪ must); keep those "close" to X (reachable in the moral graph of A
 * without passing another candidate), then of those the ones close to Y. Walking the DAG while
 * treating a reached candidate as a wall that can only be crossed between two of its parents
 * simulates the moral graph without building it.
 */
final class NearestSeparator {
    private NearestSeparator() {
    }

    /**
     * A separator Z with must ⊆ Z ⊆ must ∪ allowed, minimal among such sets, or null when none exists.
     */
    static VertexSet find(IndexedGraph g, VertexSet x, VertexSet y, VertexSet must, VertexSet allowed) {
        VertexSet ancestral = g.ancestors(x.union(y).union(must));
        VertexSet candidates = ancestral.intersection(allowed).union(must).minus(x).minus(y);
        VertexSet nearX = close(g, x, y, ancestral, candidates);
        if (nearX == null) {
            return null;
        }
        VertexSet first = candidates.intersection(nearX).union(must);
        VertexSet nearY = close(g, y, x, ancestral, first);
        if (nearY == null) {
            return null;
        }
        return first.intersection(nearY).union(must);
    }

    /**
     * The members of {@code walls} that the moral graph of {@code within} joins to the part reachable
     * from {@code starts} without crossing a wall; null when that part reaches {@code ends}.
     */
    static VertexSet close(IndexedGraph g, VertexSet starts, VertexSet ends, VertexSet within, VertexSet walls) {
        int n = g.size();
        boolean[] fromParent = new boolean[n];
        boolean[] fromChild = new boolean[n];
        VertexSet reachedWalls = new VertexSet(n);
        // A state is 2v + 1 when v was entered along an edge into v (from a parent), 2v otherwise.
        Deque<Integer> queue = new ArrayDeque<>();
        starts.forEach(v -> {
            fromChild[v] = true;
            queue.add(2 * v);
        });
        while (!queue.isEmpty()) {
            int state = queue.poll();
            int v = state >> 1;
            boolean enteredFromParent = (state & 1) == 1;
            if (ends.contains(v)) {
                return null;
            }
            boolean wall = walls.contains(v) && !starts.contains(v);
            if (wall) {
                reachedWalls.add(v);
            }
            if (!wall || enteredFromParent) {
                for (int p : g.parents(v)) {
                    if (within.contains(p) && !fromChild[p]) {
                        fromChild[p] = true;
                        queue.add(2 * p);
                    }
                }
            }
            if (!wall) {
                for (int c : g.children(v)) {
                    if (within.contains(c) && !fromParent[c]) {
                        fromParent[c] = true;
                        queue.add(2 * c + 1);
                    }
                }
            }
        }
        return reachedWalls;
    }
}
