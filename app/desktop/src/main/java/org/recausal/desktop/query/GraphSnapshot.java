package org.recausal.desktop.query;

import java.util.List;

import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Variable;

/**
 * The graph as immutable lists, taken on the UI thread. Taking it costs a list copy; rebuilding a
 * {@link Dag} from it (which checks every edge for cycles) costs far more, so that happens on the
 * worker thread that analyses or writes the graph.
 */
public record GraphSnapshot(List<Variable> variables, List<CausalEdge> edges) {

    public GraphSnapshot {
        variables = List.copyOf(variables);
        edges = List.copyOf(edges);
    }

    public static GraphSnapshot of(Dag dag) {
        return new GraphSnapshot(dag.variables(), dag.edges());
    }

    /** A new graph equal to the one the snapshot was taken of. */
    public Dag toDag() {
        Dag dag = new Dag();
        variables.forEach(dag::addVariable);
        edges.forEach(edge -> dag.addEdge(edge.from(), edge.to(), edge.note()));
        return dag;
    }
}
