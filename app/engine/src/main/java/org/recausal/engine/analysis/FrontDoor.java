package org.recausal.engine.analysis;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.task.CancellationToken;

/**
 * Front-door sets for the effect of one exposure X on one outcome Y (Pearl 1995): Z of observed
 * variables such that (i) Z intercepts every directed path from X to Y, (ii) no back-door path from X
 * to Z is open, and (iii) X blocks every proper back-door path from Z to Y (one that meets Z only at
 * its start). Then P(y | do(x)) = Σ_z P(z | x) Σ_x' P(y | x', z) P(x').
 * <p>
 * Sets meeting (ii) and (iii) are closed under union (Jeong, Tian &amp; Bareinboim 2022; Wienöbst, van
 * der Zander &amp; Liśkiewicz 2024), so there is a largest one, and a front-door set exists exactly when it
 * meets (i). It is found by one walk from Y given X that treats candidates as walls until a
 * candidate is reached through an edge into it; that candidate is then struck off and becomes
 * passable. A subset Z' of a front-door set Z that is itself one lies inside the largest such set of
 * Z \ {v} for any v ∈ Z \ Z', which gives a polynomial minimality test and a minimal set.
 */
public final class FrontDoor {

    /** Minimal front-door sets, smallest first; {@code truncated} when the limit or time ran out first. */
    public record Listing(List<Set<String>> sets, boolean truncated) {
        public Listing {
            sets = List.copyOf(sets);
        }
    }

    private final IndexedGraph g;
    private final int x;
    private final int y;
    /** Observed variables other than X and Y with no open back-door path from X: condition (ii). */
    private final VertexSet candidates;
    private final VertexSet ancestorsOfX;

    private FrontDoor(IndexedGraph g, int x, int y) {
        this.g = g;
        this.x = x;
        this.y = y;
        VertexSet xs = VertexSet.of(g.size(), x);
        IndexedGraph withoutOutgoing = g.withoutEdges((from, to) -> from == x);
        VertexSet backDoorReached = BayesBall.reachable(withoutOutgoing, xs, new VertexSet(g.size()));
        this.candidates = g.all().minus(g.withRole(Role.LATENT)).minus(backDoorReached)
                .minus(xs).minus(VertexSet.of(g.size(), y));
        this.ancestorsOfX = g.ancestors(xs);
    }

    public static FrontDoor of(Dag dag, String exposure, String outcome) {
        IndexedGraph g = IndexedGraph.of(dag);
        int x = g.index(exposure);
        int y = g.index(outcome);
        if (x == y) {
            throw new IllegalArgumentException("The exposure and the outcome must differ, but both are " + exposure + ".");
        }
        return new FrontDoor(g, x, y);
    }

    /** Whether {@code set} meets Pearl's front-door criterion; the first condition it fails, if any. */
    public Optional<String> problem(Collection<String> set) {
        VertexSet z = g.set(set);
        for (int v : z.toList()) {
            if (v == x || v == y) {
                return Optional.of(g.name(v) + " is the " + (v == x ? "exposure" : "outcome") + ".");
            }
            if (g.role(v) == Role.LATENT) {
                return Optional.of(g.name(v) + " is latent (unmeasured).");
            }
            if (!candidates.contains(v)) {
                return Optional.of("A back-door path from " + g.name(x) + " to " + g.name(v) + " is open.");
            }
        }
        if (!intercepts(z)) {
            return Optional.of("A directed path from " + g.name(x) + " to " + g.name(y) + " avoids the set.");
        }
        VertexSet confounded = strikeOff(z, false);
        if (!confounded.isEmpty()) {
            return Optional.of("A back-door path from " + g.name(confounded.first()) + " to " + g.name(y)
                    + " stays open given " + g.name(x) + ".");
        }
        return Optional.empty();
    }

    public boolean isFrontDoorSet(Collection<String> set) {
        return problem(set).isEmpty();
    }

    /** The largest front-door set, which contains all others; empty when there is none. */
    public Optional<Set<String>> largestSet() {
        return largest().map(g::names);
    }

    /** One inclusion-minimal front-door set, found in polynomial time; empty when there is none. */
    public Optional<Set<String>> minimalSet() {
        return largest().map(this::minimise).map(g::names);
    }

    /**
     * The inclusion-minimal front-door sets, by size then graph order, up to {@code limit}. Their
     * number can grow exponentially with the graph, so the search also stops at {@code timeLimit}.
     */
    public Listing minimalSets(int limit, Duration timeLimit, CancellationToken token) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        Optional<VertexSet> largest = largest();
        if (largest.isEmpty()) {
            return new Listing(List.of(), false);
        }
        // Every member of a minimal set lies on a causal path or blocks a path from another member: an ancestor of Y.
        List<Integer> pool = largest.get().intersection(g.ancestors(VertexSet.of(g.size(), y))).toList();
        long deadline = System.nanoTime() + timeLimit.toNanos();
        List<VertexSet> found = new ArrayList<>();
        for (int size = 0; size <= pool.size(); size++) {
            int[] pick = new int[size];
            for (int i = 0; i < size; i++) {
                pick[i] = i;
            }
            do {
                token.throwIfCancelled();
                if (System.nanoTime() > deadline) {
                    return listing(found, true);
                }
                VertexSet z = new VertexSet(g.size());
                for (int i : pick) {
                    z.add(pool.get(i));
                }
                if (found.stream().noneMatch(z::containsAll) && intercepts(z) && strikeOff(z, false).isEmpty()) {
                    if (found.size() == limit) {
                        return listing(found, true);
                    }
                    found.add(z);
                }
            } while (nextCombination(pick, pool.size()));
        }
        return listing(found, false);
    }

    // ---------------------------------------------------------------- internals

    private Listing listing(List<VertexSet> sets, boolean truncated) {
        return new Listing(sets.stream().map(g::names).toList(), truncated);
    }

    private Optional<VertexSet> largest() {
        VertexSet largest = candidates.minus(strikeOff(candidates, true));
        return intercepts(largest) ? Optional.of(largest) : Optional.empty();
    }

    /** Shrinks a front-door set while the largest front-door part of it without one member still intercepts. */
    private VertexSet minimise(VertexSet set) {
        VertexSet z = set;
        boolean shrunk = true;
        while (shrunk) {
            shrunk = false;
            for (int v : z.toList()) {
                VertexSet without = z.copy();
                without.remove(v);
                VertexSet smaller = without.minus(strikeOff(without, true));
                if (intercepts(smaller)) {
                    z = smaller;
                    shrunk = true;
                    break;
                }
            }
        }
        return z;
    }

    /** Whether every directed path from X to Y passes through {@code z}. */
    private boolean intercepts(VertexSet z) {
        boolean[] seen = new boolean[g.size()];
        Deque<Integer> queue = new ArrayDeque<>(List.of(x));
        seen[x] = true;
        while (!queue.isEmpty()) {
            for (int c : g.children(queue.poll())) {
                if (c == y) {
                    return false;
                }
                if (!seen[c] && !z.contains(c)) {
                    seen[c] = true;
                    queue.add(c);
                }
            }
        }
        return true;
    }

    /**
     * Members of {@code pool} with a back-door path to Y that is open given X and meets the pool only
     * at its start: a walk from Y given X with pool members as walls, which strikes off a member
     * reached through an edge into it. With {@code cascade}, a struck-off member becomes passable
     * (it is no longer in the set), so the result is the complement of the largest subset meeting (iii).
     */
    private VertexSet strikeOff(VertexSet pool, boolean cascade) {
        int n = g.size();
        boolean[] visitedUp = new boolean[n];
        boolean[] visitedDown = new boolean[n];
        VertexSet struck = new VertexSet(n);
        List<List<Integer>> waiting = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            waiting.add(null);
        }
        // A state is 2v + 1 when v was entered from a child (travelling up), 2v when entered from a parent.
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(2 * y + 1);
        while (!queue.isEmpty()) {
            int state = queue.poll();
            int v = state >> 1;
            boolean up = (state & 1) == 1;
            if (up ? visitedUp[v] : visitedDown[v]) {
                continue;
            }
            if (pool.contains(v) && !(cascade && struck.contains(v))) {
                if (up) {
                    if (waiting.get(v) == null) {
                        waiting.set(v, new ArrayList<>());
                    }
                    waiting.get(v).add(state);
                    continue;
                }
                if (!struck.add(v) || !cascade) {
                    continue;
                }
                if (waiting.get(v) != null) {
                    queue.addAll(waiting.get(v));
                }
            }
            if (up) {
                visitedUp[v] = true;
            } else {
                visitedDown[v] = true;
            }
            boolean conditioned = v == x;
            if (up && !conditioned) {
                for (int p : g.parents(v)) {
                    queue.add(2 * p + 1);
                }
                for (int c : g.children(v)) {
                    queue.add(2 * c);
                }
            } else if (!up) {
                if (!conditioned) {
                    for (int c : g.children(v)) {
                        queue.add(2 * c);
                    }
                }
                if (ancestorsOfX.contains(v)) {
                    for (int p : g.parents(v)) {
                        queue.add(2 * p + 1);
                    }
                }
            }
        }
        return struck;
    }

    /** Advances {@code pick} to the next combination of its size from 0..n-1; false after the last. */
    private static boolean nextCombination(int[] pick, int n) {
        int k = pick.length;
        int i = k - 1;
        while (i >= 0 && pick[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        pick[i]++;
        for (int j = i + 1; j < k; j++) {
            pick[j] = pick[j - 1] + 1;
        }
        return true;
    }
}
