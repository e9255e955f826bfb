package org.recausal.engine.analysis;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;

/**
 * Covariate adjustment for the effect of one or several exposures X on one or several outcomes Y.
 * <p>
 * Total effect: the generalised adjustment criterion (Shpitser et al. 2010; van der Zander,
 * Liśkiewicz &amp; Textor 2014/2019). Z is valid iff it contains no descendant of a node on a proper
 * causal path (Dpcp) and d-separates X and Y in the proper back-door graph, i.e. the DAG without the
 * first edge of every proper causal path.
 * <p>
 * Direct effect (DAGitty's "direct effect"): Z must d-separate X and Y in the DAG without the edges
 * X → Y and contain no descendant of an outcome that the exposures cause.
 * <p>
 * Variables with role {@link Role#ADJUSTED} or {@link Role#SELECTION} are conditioned on in any
 * case, so they are put in every set; latent variables are never used. Instances are immutable.
 */
public final class AdjustmentAnalysis {

    public enum Effect { TOTAL, DIRECT }

    private static final PathLimits WITNESS_LIMITS = new PathLimits(1, Duration.ofSeconds(2));

    private final IndexedGraph graph;
    private final Effect effect;
    private final VertexSet exposures;
    private final VertexSet outcomes;
    /** Nodes on proper causal paths, X excluded, Y included when reached. */
    private final VertexSet causalPathNodes;
    private final VertexSet forbidden;
    /** The graph in which a valid set must separate X and Y. */
    private final IndexedGraph working;
    private final VertexSet mustInclude;
    private final VertexSet mustExclude;

    private AdjustmentAnalysis(IndexedGraph graph, Effect effect, VertexSet exposures, VertexSet outcomes,
            VertexSet mustInclude, VertexSet mustExclude) {
        this.graph = graph;
        this.effect = effect;
        this.exposures = exposures;
        this.outcomes = outcomes;
        this.mustInclude = mustInclude;
        this.mustExclude = mustExclude;
        this.causalPathNodes = properCausalPathNodes(graph, exposures, outcomes);
        if (effect == Effect.TOTAL) {
            forbidden = graph.descendants(causalPathNodes);
            VertexSet firstSteps = causalPathNodes;
            working = graph.withoutEdges((from, to) -> exposures.contains(from) && firstSteps.contains(to));
        } else {
            forbidden = graph.descendants(outcomes.intersection(graph.descendants(exposures)));
            working = graph.withoutEdges((from, to) -> exposures.contains(from) && outcomes.contains(to));
        }
    }

    /** The analysis for the exposures, outcomes and adjusted variables marked in {@code dag}. */
    public static AdjustmentAnalysis of(Dag dag, Effect effect) {
        IndexedGraph graph = IndexedGraph.of(dag);
        return create(graph, effect, graph.withRole(Role.EXPOSURE), graph.withRole(Role.OUTCOME));
    }

    public static AdjustmentAnalysis totalEffect(Dag dag, Collection<String> exposures, Collection<String> outcomes) {
        IndexedGraph graph = IndexedGraph.of(dag);
        return create(graph, Effect.TOTAL, graph.set(exposures), graph.set(outcomes));
    }

    public static AdjustmentAnalysis directEffect(Dag dag, Collection<String> exposures, Collection<String> outcomes) {
        IndexedGraph graph = IndexedGraph.of(dag);
        return create(graph, Effect.DIRECT, graph.set(exposures), graph.set(outcomes));
    }

    private static AdjustmentAnalysis create(IndexedGraph graph, Effect effect, VertexSet x, VertexSet y) {
        if (x.isEmpty() || y.isEmpty()) {
            throw new IllegalArgumentException("Adjustment needs at least one exposure and one outcome (found "
                    + x.size() + " exposures and " + y.size() + " outcomes).");
        }
        if (x.intersects(y)) {
            throw new IllegalArgumentException("A variable cannot be both exposure and outcome: "
                    + String.join(", ", graph.names(x.intersection(y))) + ".");
        }
        VertexSet conditioned = graph.withRole(Role.ADJUSTED).union(graph.withRole(Role.SELECTION)).minus(x).minus(y);
        return new AdjustmentAnalysis(graph, effect, x, y, conditioned, new VertexSet(graph.size()));
    }

    /** A copy whose sets all contain {@code variables} as well (DAGitty's "must" / I). */
    public AdjustmentAnalysis mustInclude(Collection<String> variables) {
        VertexSet more = graph.set(variables);
        VertexSet latent = more.intersection(graph.withRole(Role.LATENT));
        if (!latent.isEmpty()) {
            throw new IllegalArgumentException("Latent variables cannot be adjusted for: "
                    + String.join(", ", graph.names(latent)) + ".");
        }
        return new AdjustmentAnalysis(graph, effect, exposures, outcomes, mustInclude.union(more), mustExclude);
    }

    /** A copy whose sets never contain {@code variables} (DAGitty's "must not" / complement of R). */
    public AdjustmentAnalysis mustExclude(Collection<String> variables) {
        return new AdjustmentAnalysis(graph, effect, exposures, outcomes, mustInclude,
                mustExclude.union(graph.set(variables)));
    }

    public Effect effect() {
        return effect;
    }

    public Set<String> exposures() {
        return graph.names(exposures);
    }

    public Set<String> outcomes() {
        return graph.names(outcomes);
    }

    /** Variables on proper causal paths from the exposures to the outcomes (exposures excluded). */
    public Set<String> causalPathVariables() {
        return graph.names(causalPathNodes);
    }

    /** Variables no valid set may contain. */
    public Set<String> forbiddenVariables() {
        return graph.names(forbidden);
    }

    /** Is {@code set} a valid adjustment set? When not, the first problem found. */
    public AdjustmentCheck check(Collection<String> set) {
        VertexSet z = graph.set(set);
        VertexSet endpoints = z.intersection(exposures.union(outcomes));
        if (!endpoints.isEmpty()) {
            int v = endpoints.first();
            return new AdjustmentCheck.ForbiddenVariable(graph.name(v), (exposures.contains(v) ? "it is an exposure"
                    : "it is an outcome"));
        }
        for (int v : z.toList()) {
            if (graph.role(v) == Role.LATENT) {
                return new AdjustmentCheck.LatentVariable(graph.name(v));
            }
            if (forbidden.contains(v)) {
                return new AdjustmentCheck.ForbiddenVariable(graph.name(v), whyForbidden(v));
            }
        }
        if (!BayesBall.separated(working, exposures, outcomes, z)) {
            return new AdjustmentCheck.OpenBiasingPath(witness(z).orElse(null));
        }
        return new AdjustmentCheck.Valid(graph.names(z));
    }

    /**
     * The canonical adjustment set An(X ∪ Y ∪ I) minus X, Y, forbidden, latent and excluded
     * variables, or empty when it is not valid, in which case no permitted set is.
     */
    public Optional<Set<String>> canonicalSet() {
        if (mustInclude.intersects(forbidden)) {
            return Optional.empty();
        }
        return search().canonicalIfSeparating().map(graph::names);
    }

    /** Lazily lists the minimal sufficient adjustment sets (minimal among sets containing the required ones). */
    public Iterator<Set<String>> minimalSetIterator() {
        if (mustInclude.intersects(forbidden)) {
            return java.util.Collections.emptyIterator();
        }
        Iterator<VertexSet> sets = search().minimal();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return sets.hasNext();
            }

            @Override
            public Set<String> next() {
                return graph.names(sets.next());
            }
        };
    }

    /** Up to {@code limit} minimal sufficient adjustment sets, as one of the three kinds of answer. */
    public AdjustmentResult minimalSets(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        VertexSet forbiddenButRequired = mustInclude.intersection(forbidden);
        if (!forbiddenButRequired.isEmpty()) {
            int v = forbiddenButRequired.first();
            return new AdjustmentResult.NoAdjustmentSet(graph.name(v) + " is adjusted for but must not be: "
                    + whyForbidden(v) + ".", null);
        }
        Iterator<Set<String>> iterator = minimalSetIterator();
        if (!iterator.hasNext()) {
            VertexSet canonical = search().canonical();
            Optional<Path> open = witness(canonical);
            return new AdjustmentResult.NoAdjustmentSet(open
                    .map(p -> "The path " + p + " stays open whatever permitted variables are adjusted for.")
                    .orElse("Every permitted set leaves a biasing path open."), open.orElse(null));
        }
        List<Set<String>> sets = new ArrayList<>();
        while (iterator.hasNext() && sets.size() < limit) {
            sets.add(iterator.next());
        }
        Set<String> required = graph.names(mustInclude);
        if (sets.size() == 1 && sets.getFirst().equals(required)) {
            return new AdjustmentResult.EmptySetSuffices(required);
        }
        return new AdjustmentResult.AdjustmentSets(sets, iterator.hasNext());
    }

    // ---------------------------------------------------------------- internals

    private SeparatorSearch search() {
        VertexSet allowed = new VertexSet(graph.size());
        for (int v = 0; v < graph.size(); v++) {
            allowed.add(v);
        }
        allowed.removeAll(forbidden);
        allowed.removeAll(mustExclude);
        allowed.removeAll(graph.withRole(Role.LATENT));
        return new SeparatorSearch(working, exposures, outcomes, mustInclude, allowed);
    }

    /** An open path that a valid set must block: non-causal paths for the total effect, all but X → Y for the direct. */
    private Optional<Path> witness(VertexSet z) {
        PathListing open = PathSearch.open(working, exposures, outcomes, z, effect == Effect.TOTAL, WITNESS_LIMITS);
        return open.paths().stream().findFirst().map(PathVerdict::path);
    }

    private String whyForbidden(int v) {
        if (effect == Effect.DIRECT) {
            return "it is " + (outcomes.contains(v) ? "an outcome" : "a descendant of an outcome");
        }
        if (causalPathNodes.contains(v)) {
            return outcomes.contains(v) ? "it is an outcome"
                    : "it lies on a causal path from the exposure to the outcome (a mediator)";
        }
        VertexSet causes = graph.ancestors(VertexSet.of(graph.size(), v)).intersection(causalPathNodes);
        int cause = causes.first();
        return "it is a descendant of " + graph.name(cause)
                + (outcomes.contains(cause) ? ", an outcome" : ", which lies on a causal path from the exposure to the outcome");
    }

    /** W ∉ X with a directed path X → … → W → … → Y that meets X only at its start. */
    static VertexSet properCausalPathNodes(IndexedGraph g, VertexSet x, VertexSet y) {
        VertexSet reachedFromX = walk(g, x, x, y, false);
        VertexSet reachesY = walk(g, y, x, new VertexSet(g.size()), true);
        reachesY.addAll(y);
        return reachedFromX.intersection(reachesY).minus(x);
    }

    /**
     * Vertices reached from {@code start} along edges (reversed when {@code up}) without entering
     * {@code avoid} or leaving {@code stop}.
     */
    private static VertexSet walk(IndexedGraph g, VertexSet start, VertexSet avoid, VertexSet stop, boolean up) {
        VertexSet seen = new VertexSet(g.size());
        Deque<Integer> queue = new ArrayDeque<>(start.toList());
        while (!queue.isEmpty()) {
            int v = queue.poll();
            if (stop.contains(v) && !start.contains(v)) {
                continue;
            }
            for (int w : up ? g.parents(v) : g.children(v)) {
                if (!avoid.contains(w) && seen.add(w)) {
                    queue.add(w);
                }
            }
        }
        return seen;
    }
}
