package org.recausal.engine.analysis;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Koller &amp; Friedman's "reachable" procedure (Bayes-ball, Shachter 1998): every vertex joined to a
 * source by a d-connecting path given a conditioning set, in time linear in the size of the graph.
 */
final class BayesBall {
    private BayesBall() {
    }

    /** Vertices d-connected to some member of {@code sources} given {@code given} (the sources included unless conditioned). */
    static VertexSet reachable(IndexedGraph g, VertexSet sources, VertexSet given) {
        int n = g.size();
        VertexSet conditionedAncestors = g.ancestors(given);
        // A trail state is a vertex plus how we entered it: from a child (travelling up) or from a parent.
        boolean[] visitedUp = new boolean[n];
        boolean[] visitedDown = new boolean[n];
        VertexSet reached = new VertexSet(n);
        Deque<int[]> queue = new ArrayDeque<>();
        sources.forEach(v -> queue.add(new int[] {v, 1}));
        while (!queue.isEmpty()) {
            int[] state = queue.poll();
            int v = state[0];
            boolean up = state[1] == 1;
            if (up ? visitedUp[v] : visitedDown[v]) {
                continue;
            }
            if (up) {
                visitedUp[v] = true;
            } else {
                visitedDown[v] = true;
            }
            boolean conditioned = given.contains(v);
            if (!conditioned) {
                reached.add(v);
            }
            if (up && !conditioned) {
                for (int p : g.parents(v)) {
                    queue.add(new int[] {p, 1});
                }
                for (int c : g.children(v)) {
                    queue.add(new int[] {c, 0});
                }
            } else if (!up) {
                if (!conditioned) {
                    for (int c : g.children(v)) {
                        queue.add(new int[] {c, 0});
                    }
                }
                // A collider opens when it or one of its descendants is conditioned on.
                if (conditionedAncestors.contains(v)) {
                    for (int p : g.parents(v)) {
                        queue.add(new int[] {p, 1});
                    }
                }
            }
        }
        return reached;
    }

    static boolean separated(IndexedGraph g, VertexSet x, VertexSet y, VertexSet given) {
        return !reachable(g, x, given).intersects(y);
    }
}
