package org.recausal.engine.dag.edit;

import java.util.List;

import org.recausal.engine.dag.Dag;

/** Several edits as one undo step; all or nothing: a refused part rolls back the parts before it. */
public final class CompoundEdit implements DagEdit {
    private final List<DagEdit> parts;
    private final String description;

    public CompoundEdit(List<? extends DagEdit> parts, String description) {
        this.parts = List.copyOf(parts);
        this.description = description;
    }

    @Override
    public void apply(Dag dag) {
        for (int i = 0; i < parts.size(); i++) {
            try {
                parts.get(i).apply(dag);
            } catch (RuntimeException refused) {
                for (int j = i - 1; j >= 0; j--) {
                    parts.get(j).revert(dag);
                }
                throw refused;
            }
        }
    }

    @Override
    public void revert(Dag dag) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).revert(dag);
        }
    }

    @Override
    public String description() {
        return description;
    }
}
