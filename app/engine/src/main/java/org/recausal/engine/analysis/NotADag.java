package org.recausal.engine.analysis;

import java.util.List;
import java.util.Optional;

import org.recausal.engine.io.GraphParseException;

/**
 * The third answer an analysis can give, never confused with "the empty set suffices" or "no
 * adjustment set exists": the input has a directed cycle, so no causal-graph analysis applies. A
 * {@link org.recausal.engine.dag.Dag} can never hold a cycle; this arises from imported text.
 */
public record NotADag(List<String> cycle) {

    public NotADag {
        cycle = List.copyOf(cycle);
        if (cycle.size() < 2 || !cycle.getFirst().equals(cycle.getLast())) {
            throw new IllegalArgumentException("A cycle lists its first variable again at the end: " + cycle);
        }
    }

    /** The answer for an import refused because of a cycle; empty for other parse errors. */
    public static Optional<NotADag> of(GraphParseException e) {
        return e.cycle().isEmpty() ? Optional.empty() : Optional.of(new NotADag(e.cycle()));
    }

    /** E.g. {@code the graph is not a DAG: a -> b -> a}. */
    public String message() {
        return "the graph is not a DAG: " + String.join(" -> ", cycle);
    }
}
