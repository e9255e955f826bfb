package org.recausal.engine.dag.edit;

import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;

public final class RemoveEdge implements DagEdit {
    private final String from;
    private final String to;
    private CausalEdge removed;

    public RemoveEdge(String from, String to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public void apply(Dag dag) {
        removed = dag.removeEdge(from, to);
    }

    @Override
    public void revert(Dag dag) {
        dag.addEdge(removed.from(), removed.to(), removed.note());
    }

    @Override
    public String description() {
        return "Delete edge " + from + " -> " + to;
    }
}
