package org.recausal.engine.dag.edit;

import org.recausal.engine.dag.Dag;

/**
 * One undoable edit. {@link #apply} either succeeds completely or throws and leaves the graph as it
 * was; {@link #revert} undoes a successful apply exactly (names, roles, notes, positions, order).
 * Edits capture what they need for undo when applied, so an edit object is applied at most once at a time.
 */
public interface DagEdit {
    void apply(Dag dag);

    void revert(Dag dag);

    /** What the edit does, for menus ("Undo Add edge A -> B") and the status bar. */
    String description();
}
