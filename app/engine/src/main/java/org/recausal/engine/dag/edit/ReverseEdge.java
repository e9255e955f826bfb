package org.recausal.engine.dag.edit;

import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;

/**
 * Turns {@code from -> to} into {@code to -> from}, keeping the note. Refused when another directed
 * path from {@code from} to {@code to} exists, since the reversed edge would then close a cycle.
 */
public final class ReverseEdge implements DagEdit {
    private final String from;
    private final String to;

    public ReverseEdge(String from, String to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public void apply(Dag dag) {
        CausalEdge edge = dag.removeEdge(from, to);
        try {
            dag.addEdge(to, from, edge.note());
        } catch (RuntimeException refused) {
            dag.addEdge(from, to, edge.note());
            throw refused;
        }
    }

    @Override
    public void revert(Dag dag) {
        CausalEdge edge = dag.removeEdge(to, from);
        dag.addEdge(from, to, edge.note());
    }

    @Override
    public String description() {
        return "Reverse edge " + from + " -> " + to;
    }
}
