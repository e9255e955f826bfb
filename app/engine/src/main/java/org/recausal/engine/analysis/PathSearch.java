package org.recausal.engine.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Depth-first enumeration of proper paths (only the first node in the sources, only the last in the
 * targets) with verdicts given a conditioning set, stopping at a path count or a deadline. With
 * {@code openOnly} a prefix is abandoned as soon as an inner node blocks it, which keeps witness
 * searches fast.
 */
final class PathSearch {
    private final IndexedGraph g;
    private final VertexSet sources;
    private final VertexSet targets;
    private final VertexSet given;
    private final VertexSet givenAncestors;
    private final boolean openOnly;
    private final boolean nonCausalOnly;
    private final int maxPaths;
    private final long deadline;

    private final List<PathVerdict> found = new ArrayList<>();
    private final List<Integer> nodes = new ArrayList<>();
    private final List<Path.Arrow> arrows = new ArrayList<>();
    private final boolean[] onPath;
    private boolean truncated;

    private PathSearch(IndexedGraph g, VertexSet sources, VertexSet targets, VertexSet given,
            boolean openOnly, boolean nonCausalOnly, PathLimits limits) {
        this.g = g;
        this.sources = sources;
        this.targets = targets;
        this.given = given;
        this.givenAncestors = g.ancestors(given);
        this.openOnly = openOnly;
        this.nonCausalOnly = nonCausalOnly;
        this.maxPaths = limits.maxPaths();
        this.deadline = System.nanoTime() + limits.timeLimit().toNanos();
        this.onPath = new boolean[g.size()];
    }

    static PathListing all(IndexedGraph g, VertexSet sources, VertexSet targets, VertexSet given, PathLimits limits) {
        return new PathSearch(g, sources, targets, given, false, false, limits).run();
    }

    /** Open proper paths only (non-causal ones only when asked): witnesses of bias. */
    static PathListing open(IndexedGraph g, VertexSet sources, VertexSet targets, VertexSet given,
            boolean nonCausalOnly, PathLimits limits) {
        return new PathSearch(g, sources, targets, given, true, nonCausalOnly, limits).run();
    }

    private PathListing run() {
        sources.forEach(s -> {
            if (!stopped()) {
                nodes.add(s);
                onPath[s] = true;
                extend(s);
                onPath[s] = false;
                nodes.removeLast();
            }
        });
        return new PathListing(found, truncated);
    }

    private boolean stopped() {
        if (found.size() >= maxPaths || System.nanoTime() > deadline) {
            truncated = true;
        }
        return truncated;
    }

    private void extend(int v) {
        for (int c : g.children(v)) {
            step(v, c, Path.Arrow.FORWARD);
        }
        for (int p : g.parents(v)) {
            step(v, p, Path.Arrow.BACKWARD);
        }
    }

    private void step(int v, int w, Path.Arrow arrow) {
        if (stopped() || onPath[w] || sources.contains(w)) {
            return;
        }
        if (openOnly && !arrows.isEmpty() && blocks(v, arrows.getLast(), arrow)) {
            return;
        }
        nodes.add(w);
        arrows.add(arrow);
        onPath[w] = true;
        if (targets.contains(w)) {
            record();
        } else {
            extend(w);
        }
        onPath[w] = false;
        arrows.removeLast();
        nodes.removeLast();
    }

    private boolean blocks(int v, Path.Arrow in, Path.Arrow out) {
        boolean collider = in == Path.Arrow.FORWARD && out == Path.Arrow.BACKWARD;
        return collider ? !givenAncestors.contains(v) : given.contains(v);
    }

    private void record() {
        Path path = new Path(g.names(nodes), arrows);
        boolean causal = path.isCausal();
        if (nonCausalOnly && causal) {
            return;
        }
        List<Blocker> blockers = new ArrayList<>();
        for (int i = 1; i < nodes.size() - 1; i++) {
            int v = nodes.get(i);
            if (blocks(v, arrows.get(i - 1), arrows.get(i))) {
                blockers.add(new Blocker(g.name(v), path.isCollider(i)
                        ? Blocker.Kind.UNCONDITIONED_COLLIDER : Blocker.Kind.CONDITIONED_NON_COLLIDER));
            }
        }
        found.add(new PathVerdict(path, causal, blockers.isEmpty(), blockers));
    }
}
