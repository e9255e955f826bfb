package org.recausal.engine.dag.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.recausal.engine.dag.Dag;

/**
 * Unlimited undo and redo of the edits made to one {@link Dag}, and whether the graph differs from
 * its last saved state. Edits go through {@link #execute}; a refused edit changes neither the graph
 * nor the history.
 */
public final class EditHistory {
    private final Dag dag;
    private final Deque<DagEdit> undo = new ArrayDeque<>();
    private final Deque<DagEdit> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Depth of the undo stack at the last save; -1 when the saved state cannot be reached any more. */
    private int savedDepth;

    public EditHistory(Dag dag) {
        this.dag = dag;
    }

    public Dag dag() {
        return dag;
    }

    /** Applies {@code edit}; throws the refusal (e.g. a {@code CycleException}) and records nothing if refused. */
    public void execute(DagEdit edit) {
        edit.apply(dag);
        if (savedDepth > undo.size()) {
            savedDepth = -1;
        }
        undo.push(edit);
        redo.clear();
        changed();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(DagEdit::description);
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(DagEdit::description);
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        // Pop only after the revert succeeded, so a failing revert does not lose the edit.
        DagEdit edit = undo.peek();
        edit.revert(dag);
        undo.pop();
        redo.push(edit);
        changed();
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        DagEdit edit = redo.peek();
        edit.apply(dag);
        redo.pop();
        undo.push(edit);
        changed();
    }

    /** Marks the current state as saved. */
    public void markSaved() {
        savedDepth = undo.size();
        changed();
    }

    /** True when the graph differs from the last saved (or opened) state. */
    public boolean isDirty() {
        return savedDepth != undo.size();
    }

    /** Called after every execute, undo, redo and save mark. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
