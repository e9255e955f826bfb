package org.recausal.engine.analysis;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.task.CancellationToken;

/**
 * The conditional independences a causal graph implies and data can test, as DAGitty lists them
 * ({@code GraphAnalyzer.listMinimalImplications}, the R package's default "missing.edge" type): for
 * every pair of observed variables without an edge between them, in the graph's variable order,
 * each minimal set of observed variables that d-separates them. Latent variables never appear;
 * adjusted and selection variables are treated like ordinary ones, as DAGitty does. A pair that no
 * observed set separates (say, through a latent common cause) yields nothing.
 */
public final class TestableImplications {

    /** Implications in canonical order; {@code truncated} when the listing stopped at its limit. */
    public record Listing(List<Independence> implications, boolean truncated) {
        public Listing {
            implications = List.copyOf(implications);
        }
    }

    private final IndexedGraph graph;
    private final VertexSet observed;

    public TestableImplications(Dag dag) {
        this.graph = IndexedGraph.of(dag);
        this.observed = graph.all().minus(graph.withRole(Role.LATENT));
    }

    /** DAGitty's full list: every minimal separating set of every non-adjacent observed pair, up to {@code limit}. */
    public Listing all(int limit, CancellationToken token) {
        return collect(limit, token, false);
    }

    /**
     * One implication per separable non-adjacent pair: the minimal separator nearest to the pair
     * (found in linear time), for checking a model against data with few tests.
     */
    public Listing onePerPair(int limit, CancellationToken token) {
        return collect(limit, token, true);
    }

    private Listing collect(int limit, CancellationToken token, boolean onePerPair) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        List<Independence> found = new ArrayList<>();
        boolean truncated = false;
        VertexSet none = new VertexSet(graph.size());
        pairs:
        for (int a = 0; a < graph.size(); a++) {
            if (!observed.contains(a)) {
                continue;
            }
            for (int b = a + 1; b < graph.size(); b++) {
                if (!observed.contains(b) || graph.adjacent(a, b)) {
                    continue;
                }
                token.throwIfCancelled();
                VertexSet x = VertexSet.of(graph.size(), a);
                VertexSet y = VertexSet.of(graph.size(), b);
                Iterator<VertexSet> separators = onePerPair
                        ? nearest(x, y, none)
                        : new SeparatorSearch(graph, x, y, none, observed).minimal();
                while (separators.hasNext()) {
                    VertexSet z = separators.next();
                    if (found.size() == limit) {
                        truncated = true;
                        break pairs;
                    }
                    found.add(Independence.of(graph.name(a), graph.name(b), graph.names(z)));
                }
            }
        }
        found.sort(null);
        return new Listing(found, truncated);
    }

    private Iterator<VertexSet> nearest(VertexSet x, VertexSet y, VertexSet none) {
        VertexSet z = NearestSeparator.find(graph, x, y, none, observed);
        return z == null ? java.util.Collections.emptyIterator() : List.of(z).iterator();
    }
}
