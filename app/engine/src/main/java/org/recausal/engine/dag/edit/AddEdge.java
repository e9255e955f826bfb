package org.recausal.engine.dag.edit;

import org.recausal.engine.dag.Dag;

/** Adds {@code from -> to}; refused (nothing changes) when it would close a cycle. */
public final class AddEdge implements DagEdit {
    private final String from;
    private final String to;
    private final String note;

    public AddEdge(String from, String to) {
        this(from, to, "");
    }

    public AddEdge(String from, String to, String note) {
        this.from = from;
        this.to = to;
        this.note = note;
    }

    @Override
    public void apply(Dag dag) {
        dag.addEdge(from, to, note);
    }

    @Override
    public void revert(Dag dag) {
        dag.removeEdge(from, to);
    }

    @Override
    public String description() {
        return "Add edge " + from + " -> " + to;
    }
}
