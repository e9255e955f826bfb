package org.recausal.engine.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DagTest {

    private static Dag chain(String... names) {
        Dag dag = new Dag();
        for (String name : names) {
            dag.addVariable(Variable.of(name));
        }
        for (int i = 0; i + 1 < names.length; i++) {
            dag.addEdge(names[i], names[i + 1], "step " + i);
        }
        return dag;
    }

    @Test
    void edgeClosingACycleIsRefusedWithTheCycleNamed() {
        Dag dag = new Dag();
        List.of("A", "B", "C").forEach(n -> dag.addVariable(Variable.of(n)));
        dag.addEdge("B", "C");
        dag.addEdge("C", "A");
        DagCanon before = DagCanon.of(dag);

        CycleException refusal = catchThrowableOfType(CycleException.class, () -> dag.addEdge("A", "B"));

        assertThat(refusal.cycle()).containsExactly("A", "B", "C", "A");
        assertThat(refusal.getMessage()).contains("A -> B -> C -> A");
        assertThat(DagCanon.of(dag)).isEqualTo(before);
        assertThat(dag.hasEdge("A", "B")).isFalse();
    }

    @Test
    void selfLoopIsRefusedAsACycle() {
        Dag dag = chain("A", "B");
        DagCanon before = DagCanon.of(dag);

        CycleException refusal = catchThrowableOfType(CycleException.class, () -> dag.addEdge("B", "B"));

        assertThat(refusal.cycle()).containsExactly("B", "B");
        assertThat(refusal.getMessage()).contains("B -> B");
        assertThat(DagCanon.of(dag)).isEqualTo(before);
    }

    @Test
    void duplicateEdgeAndUnknownVariablesAreRefusedByName() {
        Dag dag = chain("A", "B");
        assertThatThrownBy(() -> dag.addEdge("A", "B")).isInstanceOf(DagException.class)
                .hasMessageContaining("A -> B already exists");
        assertThatThrownBy(() -> dag.addEdge("A", "Z")).isInstanceOf(DagException.class)
                .hasMessageContaining("'Z'");
        assertThatThrownBy(() -> dag.removeEdge("B", "A")).isInstanceOf(DagException.class)
                .hasMessageContaining("no edge B -> A");
        assertThat(dag.edgeCount()).isEqualTo(1);
    }

    @Test
    void namesMustBeNonEmptyShortIdentifiers() {
        Dag dag = new Dag();
        assertThatThrownBy(() -> dag.addVariable(Variable.of(""))).isInstanceOf(DagException.class)
                .hasMessage("A variable name cannot be empty.");
        String tooLong = "x".repeat(VariableName.MAX_LENGTH + 1);
        assertThatThrownBy(() -> dag.addVariable(Variable.of(tooLong))).isInstanceOf(DagException.class)
                .hasMessageContaining("longer than " + VariableName.MAX_LENGTH);
        for (String bad : List.of("1abc", "a b", "a-b", "a->b", ".x", "x;y", "é\"")) {
            assertThatThrownBy(() -> dag.addVariable(Variable.of(bad))).as(bad)
                    .isInstanceOf(DagException.class).hasMessageContaining("must start with a letter");
        }
        assertThat(dag.size()).isZero();

        for (String good : List.of("x", "_hidden", "user.age", "Größe", "x".repeat(VariableName.MAX_LENGTH))) {
            dag.addVariable(Variable.of(good));
        }
        assertThat(dag.names()).hasSize(5);
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        Dag dag = chain("Age", "Income");
        assertThatThrownBy(() -> dag.addVariable(Variable.of("Age"))).isInstanceOf(DagException.class)
                .hasMessage("A variable called 'Age' already exists.");
        assertThatThrownBy(() -> dag.addVariable(Variable.of("AGE"))).isInstanceOf(DagException.class)
                .hasMessageContaining("'Age' already exists (names are compared ignoring case)");
        assertThatThrownBy(() -> dag.renameVariable("Income", "age")).isInstanceOf(DagException.class)
                .hasMessageContaining("'Age' already exists");
        assertThat(dag.names()).containsExactly("Age", "Income");
        assertThat(dag.findName("INCOME")).contains("Income");
        assertThat(dag.findName("salary")).isEmpty();
    }

    @Test
    void renameChangingOnlyCaseIsAllowed() {
        Dag dag = chain("age", "income");
        dag.renameVariable("age", "Age");
        assertThat(dag.names()).containsExactly("Age", "income");
        assertThat(dag.hasEdge("Age", "income")).isTrue();
        assertThat(dag.findName("AGE")).contains("Age");
    }

    @Test
    void renameKeepsEdgesNotesFieldsAndInsertionOrder() {
        Dag dag = chain("A", "B", "C", "D");
        dag.addEdge("A", "C", "shortcut");
        dag.updateVariable(dag.require("B").withRole(Role.EXPOSURE).withDescription("treatment").at(10, 20));

        dag.renameVariable("B", "Treatment");

        assertThat(dag.names()).containsExactly("A", "Treatment", "C", "D");
        assertThat(dag.contains("B")).isFalse();
        assertThat(dag.findName("b")).isEmpty();
        Variable renamed = dag.require("Treatment");
        assertThat(renamed.role()).isEqualTo(Role.EXPOSURE);
        assertThat(renamed.description()).isEqualTo("treatment");
        assertThat(renamed.position()).isEqualTo(new CanvasPosition(10, 20));
        assertThat(DagCanon.of(dag).edges()).containsExactly(
                "A -> Treatment [step 0]", "A -> C [shortcut]", "Treatment -> C [step 1]", "C -> D [step 2]");
        // The renamed vertex still takes part in cycle checks.
        assertThatThrownBy(() -> dag.addEdge("D", "Treatment")).isInstanceOf(CycleException.class)
                .hasMessageContaining("D -> Treatment -> C -> D");
    }

    @Test
    void renameToAnInvalidNameLeavesTheGraphUnchanged() {
        Dag dag = chain("A", "B");
        DagCanon before = DagCanon.of(dag);
        assertThatThrownBy(() -> dag.renameVariable("A", "not valid")).isInstanceOf(DagException.class);
        assertThatThrownBy(() -> dag.renameVariable("Z", "Y")).isInstanceOf(DagException.class)
                .hasMessage("There is no variable called 'Z'.");
        assertThat(DagCanon.of(dag)).isEqualTo(before);
    }

    @Test
    void updateChangesRoleTypeAndDescriptionInPlace() {
        Dag dag = chain("A", "B", "C");
        List<DagChange> changes = new ArrayList<>();
        dag.addListener(changes::add);

        Variable before = dag.require("B");
        Variable after = before.withRole(Role.OUTCOME).withType(DataType.BINARY).withDescription("clicked");
        dag.updateVariable(after);
        dag.updateVariable(after); // no change, no event

        assertThat(dag.require("B")).isEqualTo(after);
        assertThat(dag.names()).containsExactly("A", "B", "C");
        assertThat(dag.withRole(Role.OUTCOME)).containsExactly("B");
        assertThat(changes).containsExactly(new DagChange.VariableUpdated(before, after));
    }

    @Test
    void removeVariableReturnsItsEdgesInStableOrder() {
        Dag dag = chain("A", "B", "C");
        dag.addEdge("A", "C");
        List<CausalEdge> removed = dag.removeVariable("B");
        assertThat(removed).extracting(CausalEdge::toString).containsExactly("A -> B", "B -> C");
        assertThat(dag.names()).containsExactly("A", "C");
        assertThat(dag.findName("b")).isEmpty();
        dag.addVariable(Variable.of("b"));
        assertThat(dag.names()).containsExactly("A", "C", "b");
    }

    @Test
    void addAtIndexPutsTheVariableInPlace() {
        Dag dag = chain("A", "C");
        dag.addVariable(Variable.of("B"), 1);
        assertThat(dag.names()).containsExactly("A", "B", "C");
        assertThat(dag.indexOf("C")).isEqualTo(2);
        assertThatThrownBy(() -> dag.addVariable(Variable.of("D"), 5))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(dag.names()).containsExactly("A", "B", "C");
    }

    @Test
    void queriesFollowTheEdges() {
        Dag dag = chain("A", "B", "C");
        dag.addVariable(Variable.of("Z"), 0);
        dag.addEdge("Z", "C");
        assertThat(dag.parents("C")).containsExactlyInAnyOrder("B", "Z");
        assertThat(dag.children("A")).containsExactly("B");
        assertThat(dag.topologicalOrder()).containsExactly("Z", "A", "B", "C");
        assertThat(dag.directedPath("A", "C")).contains(List.of("A", "B", "C"));
        assertThat(dag.directedPath("C", "A")).isEmpty();
    }

    @Test
    void setEdgeNoteReplacesOnlyTheNote() {
        Dag dag = chain("A", "B");
        dag.setEdgeNote("A", "B", "randomised trial");
        assertThat(dag.edge("A", "B")).get().extracting(CausalEdge::note).isEqualTo("randomised trial");
        assertThat(dag.edgeCount()).isEqualTo(1);
    }

    @Test
    void copyIsIndependentAndEqual() {
        Dag dag = chain("A", "B", "C");
        Dag copy = dag.copy();
        assertThat(DagCanon.of(copy)).isEqualTo(DagCanon.of(dag));
        copy.removeEdge("A", "B");
        assertThat(dag.hasEdge("A", "B")).isTrue();
    }
}
