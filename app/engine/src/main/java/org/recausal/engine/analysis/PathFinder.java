package org.recausal.engine.analysis;

import java.util.Collection;
import java.util.List;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;

/**
 * Lists the paths between exposures and outcomes of a {@link Dag}, each marked causal or
 * non-causal and open or blocked (with the blocking nodes) given a conditioning set. Only proper
 * paths are listed: no exposure after the first node and no outcome before the last, as in the
 * adjustment criterion.
 */
public final class PathFinder {
    private final IndexedGraph graph;

    public PathFinder(Dag dag) {
        this.graph = IndexedGraph.of(dag);
    }

    public PathListing paths(Collection<String> exposures, Collection<String> outcomes, Collection<String> given,
            PathLimits limits) {
        VertexSet x = graph.set(exposures);
        VertexSet y = graph.set(outcomes);
        if (x.intersects(y)) {
            throw new IllegalArgumentException("A variable cannot be both exposure and outcome: "
                    + String.join(", ", graph.names(x.intersection(y))) + ".");
        }
        return PathSearch.all(graph, x, y, graph.set(given), limits);
    }

    /** Paths between the graph's exposures and outcomes given its adjusted variables. */
    public PathListing paths(PathLimits limits) {
        return paths(graph.names(graph.withRole(Role.EXPOSURE)), graph.names(graph.withRole(Role.OUTCOME)),
                graph.names(graph.withRole(Role.ADJUSTED)), limits);
    }

    /** Convenience for single variables. */
    public PathListing paths(String exposure, String outcome, Collection<String> given) {
        return paths(List.of(exposure), List.of(outcome), given, PathLimits.DEFAULT);
    }
}
