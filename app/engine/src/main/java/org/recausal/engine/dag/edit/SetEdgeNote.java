package org.recausal.engine.dag.edit;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagException;

/** Replaces the free-text note on {@code from -> to} (the mechanism or evidence behind the arrow). */
public final class SetEdgeNote implements DagEdit {
    private final String from;
    private final String to;
    private final String note;
    private String before;

    public SetEdgeNote(String from, String to, String note) {
        this.from = from;
        this.to = to;
        this.note = note == null ? "" : note;
    }

    @Override
    public void apply(Dag dag) {
        before = dag.edge(from, to)
                .orElseThrow(() -> new DagException("There is no edge " + from + " -> " + to + "."))
                .note();
        dag.setEdgeNote(from, to, note);
    }

    @Override
    public void revert(Dag dag) {
        dag.setEdgeNote(from, to, before);
    }

    @Override
    public String description() {
        return "Edit note of " + from + " -> " + to;
    }
}
