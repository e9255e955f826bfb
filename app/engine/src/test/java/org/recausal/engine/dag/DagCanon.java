package org.recausal.engine.dag;

import java.util.List;

/**
 * A canonical, comparable form of a {@link Dag}: variables in insertion order with every field, then
 * edges in {@link Dag#edges()} order with their notes. Two graphs are the same to the user exactly when
 * their canonical forms are equal.
 */
public record DagCanon(List<Variable> variables, List<String> edges) {

    public static DagCanon of(Dag dag) {
        return new DagCanon(dag.variables(),
                dag.edges().stream().map(e -> e.from() + " -> " + e.to() + " [" + e.note() + "]").toList());
    }
}
