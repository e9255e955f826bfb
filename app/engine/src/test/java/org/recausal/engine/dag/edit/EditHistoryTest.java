package org.recausal.engine.dag.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.CycleException;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Variable;

class EditHistoryTest {
    private final Dag dag = new Dag();
    private final EditHistory history = new EditHistory(dag);

    @Test
    void undoAndRedoWalkTheHistory() {
        history.execute(new AddVariable(Variable.of("A")));
        history.execute(new AddVariable(Variable.of("B")));
        history.execute(new AddEdge("A", "B"));

        assertThat(history.undoDescription()).contains("Add edge A -> B");
        history.undo();
        assertThat(dag.edgeCount()).isZero();
        assertThat(history.redoDescription()).contains("Add edge A -> B");
        history.undo();
        assertThat(dag.names()).containsExactly("A");
        history.redo();
        history.redo();
        assertThat(dag.hasEdge("A", "B")).isTrue();
        assertThat(history.canRedo()).isFalse();
        history.redo(); // nothing to redo: no effect
        assertThat(dag.edgeCount()).isEqualTo(1);
    }

    @Test
    void undoOnEmptyHistoryDoesNothing() {
        assertThat(history.canUndo()).isFalse();
        history.undo();
        assertThat(history.undoDescription()).isEmpty();
        assertThat(history.isDirty()).isFalse();
    }

    @Test
    void aNewEditClearsRedo() {
        history.execute(new AddVariable(Variable.of("A")));
        history.execute(new AddVariable(Variable.of("B")));
        history.undo();
        assertThat(history.canRedo()).isTrue();
        history.execute(new AddVariable(Variable.of("C")));
        assertThat(history.canRedo()).isFalse();
        assertThat(dag.names()).containsExactly("A", "C");
    }

    @Test
    void aRefusedEditIsNotRecorded() {
        history.execute(new AddVariable(Variable.of("A")));
        history.execute(new AddVariable(Variable.of("B")));
        history.execute(new AddEdge("A", "B"));
        history.undo();
        history.redo();
        history.markSaved();
        AtomicInteger notified = new AtomicInteger();
        history.addListener(notified::incrementAndGet);

        assertThatThrownBy(() -> history.execute(new AddEdge("B", "A"))).isInstanceOf(CycleException.class);

        assertThat(notified).hasValue(0);
        assertThat(history.undoDescription()).contains("Add edge A -> B");
        assertThat(history.isDirty()).isFalse();
    }

    @Test
    void dirtyFollowsTheSavePoint() {
        assertThat(history.isDirty()).isFalse();
        history.execute(new AddVariable(Variable.of("A")));
        assertThat(history.isDirty()).isTrue();
        history.undo();
        assertThat(history.isDirty()).isFalse(); // back to the opened state
        history.redo();
        history.execute(new AddVariable(Variable.of("B")));
        history.markSaved();
        assertThat(history.isDirty()).isFalse();
        history.undo();
        assertThat(history.isDirty()).isTrue();
        history.redo();
        assertThat(history.isDirty()).isFalse();
        history.execute(new AddVariable(Variable.of("C")));
        assertThat(history.isDirty()).isTrue();
        history.undo();
        assertThat(history.isDirty()).isFalse();
    }

    @Test
    void undoingPastTheSavePointThenEditingIsDirtyForever() {
        history.execute(new AddVariable(Variable.of("A")));
        history.execute(new AddVariable(Variable.of("B")));
        history.markSaved();
        history.undo();
        history.execute(new AddVariable(Variable.of("C")));
        assertThat(history.isDirty()).isTrue();
        // The saved state (A, B) cannot be reached any more, whatever depth the stack gets back to.
        history.execute(new AddVariable(Variable.of("D")));
        assertThat(history.isDirty()).isTrue();
        history.undo();
        assertThat(history.isDirty()).isTrue();
        history.undo();
        assertThat(history.isDirty()).isTrue();
        history.undo();
        assertThat(history.isDirty()).isTrue();
        history.markSaved();
        assertThat(history.isDirty()).isFalse();
    }

    @Test
    void listenersHearEveryChange() {
        AtomicInteger notified = new AtomicInteger();
        Runnable listener = notified::incrementAndGet;
        history.addListener(listener);
        history.execute(new AddVariable(Variable.of("A")));
        history.undo();
        history.redo();
        history.markSaved();
        assertThat(notified).hasValue(4);
        history.removeListener(listener);
        history.undo();
        assertThat(notified).hasValue(4);
    }
}
