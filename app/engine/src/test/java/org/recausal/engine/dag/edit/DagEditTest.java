package org.recausal.engine.dag.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.CycleException;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagCanon;
import org.recausal.engine.dag.DagChange;
import org.recausal.engine.dag.DagException;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

class DagEditTest {
    private Dag dag;

    /** A -> B -> C, A -> C (note "direct"), D isolated, all at distinct positions. */
    @BeforeEach
    void buildGraph() {
        dag = new Dag();
        dag.addVariable(Variable.of("A", Role.EXPOSURE, DataType.BINARY).at(0, 0));
        dag.addVariable(Variable.of("B").withDescription("mediator").at(100, 0));
        dag.addVariable(Variable.of("C", Role.OUTCOME, DataType.COUNT).at(200, 0));
        dag.addVariable(Variable.of("D").at(300, 0));
        dag.addEdge("A", "B", "first");
        dag.addEdge("B", "C");
        dag.addEdge("A", "C", "direct");
    }

    /** Applies the edit, checks the expected result, reverts and checks the graph is back as it was. */
    private void assertApplyAndRevert(DagEdit edit, Runnable checkApplied) {
        DagCanon before = DagCanon.of(dag);
        edit.apply(dag);
        assertThat(DagCanon.of(dag)).isNotEqualTo(before);
        checkApplied.run();
        edit.revert(dag);
        assertThat(DagCanon.of(dag)).isEqualTo(before);
        // Applying again after a revert must work too (that is what redo does).
        edit.apply(dag);
        checkApplied.run();
        edit.revert(dag);
        assertThat(DagCanon.of(dag)).isEqualTo(before);
    }

    private void assertRefusedUnchanged(DagEdit edit, Class<? extends DagException> type, String message) {
        DagCanon before = DagCanon.of(dag);
        assertThatThrownBy(() -> edit.apply(dag)).isInstanceOf(type).hasMessageContaining(message);
        assertThat(DagCanon.of(dag)).isEqualTo(before);
    }

    @Test
    void addVariable() {
        assertApplyAndRevert(new AddVariable(Variable.of("E")),
                () -> assertThat(dag.names()).containsExactly("A", "B", "C", "D", "E"));
        assertRefusedUnchanged(new AddVariable(Variable.of("b")), DagException.class, "'B' already exists");
    }

    @Test
    void removeVariableRestoresPlaceFieldsAndEdgesWithNotes() {
        assertApplyAndRevert(new RemoveVariable("B"), () -> {
            assertThat(dag.names()).containsExactly("A", "C", "D");
            assertThat(dag.edgeCount()).isEqualTo(1);
        });
        assertRefusedUnchanged(new RemoveVariable("Q"), DagException.class, "'Q'");
    }

    @Test
    void addEdge() {
        assertApplyAndRevert(new AddEdge("D", "A", "confounds"),
                () -> assertThat(dag.edge("D", "A")).get().extracting(e -> e.note()).isEqualTo("confounds"));
        assertRefusedUnchanged(new AddEdge("C", "A"), CycleException.class, "C -> A -> C");
    }

    @Test
    void removeEdgeRestoresItsNote() {
        assertApplyAndRevert(new RemoveEdge("A", "C"), () -> assertThat(dag.hasEdge("A", "C")).isFalse());
        assertRefusedUnchanged(new RemoveEdge("C", "A"), DagException.class, "no edge C -> A");
    }

    @Test
    void setEdgeNoteRestoresTheOldNote() {
        assertApplyAndRevert(new SetEdgeNote("A", "C", "via price"),
                () -> assertThat(dag.edge("A", "C")).get().extracting(e -> e.note()).isEqualTo("via price"));
        assertRefusedUnchanged(new SetEdgeNote("C", "A", "x"), DagException.class, "no edge C -> A");
    }

    @Test
    void reverseEdgeKeepsTheNote() {
        assertApplyAndRevert(new ReverseEdge("A", "B"), () -> {
            assertThat(dag.hasEdge("A", "B")).isFalse();
            assertThat(dag.edge("B", "A")).get().extracting(e -> e.note()).isEqualTo("first");
        });
    }

    @Test
    void reverseEdgeIsRefusedWhenAnotherPathExistsWithoutTouchingTheGraph() {
        List<DagChange> events = new ArrayList<>();
        dag.addListener(events::add);
        DagCanon before = DagCanon.of(dag);

        // A -> C is also reached through A -> B -> C, so C -> A would close C -> A -> B -> C.
        assertThatThrownBy(() -> new ReverseEdge("A", "C").apply(dag)).isInstanceOf(CycleException.class)
                .hasMessageContaining("C -> A -> B -> C");

        assertThat(DagCanon.of(dag)).isEqualTo(before);
        assertThat(events).isEmpty();
        assertRefusedUnchanged(new ReverseEdge("C", "A"), DagException.class, "no edge C -> A");
    }

    @Test
    void renameVariable() {
        assertApplyAndRevert(new RenameVariable("B", "Mediator"), () -> {
            assertThat(dag.names()).containsExactly("A", "Mediator", "C", "D");
            assertThat(dag.edge("A", "Mediator")).get().extracting(e -> e.note()).isEqualTo("first");
            assertThat(dag.require("Mediator").description()).isEqualTo("mediator");
        });
        assertApplyAndRevert(new RenameVariable("B", "b"), () -> assertThat(dag.names()).contains("b"));
        assertRefusedUnchanged(new RenameVariable("B", "a"), DagException.class, "'A' already exists");
    }

    @Test
    void updateVariableChangesRoleTypeDescription() {
        assertApplyAndRevert(new UpdateVariable("D", v -> v.withRole(Role.LATENT), "Make D latent"),
                () -> assertThat(dag.require("D").isLatent()).isTrue());
        assertApplyAndRevert(new UpdateVariable("D", v -> v.withType(DataType.TIMESTAMP), "type"),
                () -> assertThat(dag.require("D").type()).isEqualTo(DataType.TIMESTAMP));
        assertApplyAndRevert(new UpdateVariable("D", v -> v.withDescription("weather"), "describe"),
                () -> assertThat(dag.require("D").description()).isEqualTo("weather"));
        assertRefusedUnchanged(new UpdateVariable("D", v -> v.withName("E"), "sneaky rename"),
                DagException.class, "Use a rename");
    }

    @Test
    void moveVariablesMovesSeveralAtOnce() {
        assertApplyAndRevert(new MoveVariables(Map.of("A", new CanvasPosition(5, 5), "D", new CanvasPosition(7, 9)),
                "Move 2"), () -> {
                    assertThat(dag.require("A").position()).isEqualTo(new CanvasPosition(5, 5));
                    assertThat(dag.require("D").position()).isEqualTo(new CanvasPosition(7, 9));
                });
        assertRefusedUnchanged(new MoveVariables(Map.of("A", CanvasPosition.ORIGIN, "Nope", CanvasPosition.ORIGIN),
                "Move"), DagException.class, "'Nope'");
    }

    @Test
    void compoundEditAppliesAndRevertsAllParts() {
        CompoundEdit edit = new CompoundEdit(List.of(new AddVariable(Variable.of("E")), new AddEdge("D", "E"),
                new RenameVariable("E", "Effect")), "Add effect");
        assertApplyAndRevert(edit, () -> assertThat(dag.hasEdge("D", "Effect")).isTrue());
        assertThat(edit.description()).isEqualTo("Add effect");
    }

    @Test
    void compoundEditRollsBackEarlierPartsWhenAPartIsRefused() {
        CompoundEdit edit = new CompoundEdit(List.of(new AddVariable(Variable.of("E")), new AddEdge("C", "E"),
                new RemoveEdge("A", "C"), new AddEdge("E", "A")), "Close a loop");
        assertRefusedUnchanged(edit, CycleException.class, "E -> A -> B -> C -> E");
    }
}
