package org.recausal.desktop.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recausal.desktop.properties.PropertiesViewModel.Subject;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.edit.AddEdge;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.dag.edit.MoveVariables;
import org.recausal.engine.dag.edit.RemoveVariable;
import org.recausal.engine.dag.edit.RenameVariable;

class PropertiesViewModelTest {
    private Dag dag;
    private EditHistory history;
    private PropertiesViewModel panel;

    @BeforeEach
    void createGraph() {
        dag = new Dag();
        dag.addVariable(new Variable("price", Role.EXPOSURE, DataType.CONTINUOUS, "list price", null));
        dag.addVariable(Variable.of("sales", Role.OUTCOME, DataType.COUNT));
        dag.addVariable(Variable.of("season"));
        dag.addEdge("price", "sales", "demand");
        history = new EditHistory(dag);
        panel = new PropertiesViewModel();
        panel.setHistory(history);
    }

    private void selectVariable(String name) {
        panel.select(Set.of(name), null);
    }

    @Test
    void showsNothingUntilSomethingIsSelected() {
        assertThat(panel.subjectProperty().get()).isEqualTo(Subject.NONE);
        assertThat(panel.headingProperty().get()).isEqualTo("Nothing selected");
    }

    @Test
    void showsTheSelectedVariable() {
        selectVariable("price");
        assertThat(panel.subjectProperty().get()).isEqualTo(Subject.VARIABLE);
        assertThat(panel.nameProperty().get()).isEqualTo("price");
        assertThat(panel.roleProperty().get()).isEqualTo(Role.EXPOSURE);
        assertThat(panel.typeProperty().get()).isEqualTo(DataType.CONTINUOUS);
        assertThat(panel.descriptionProperty().get()).isEqualTo("list price");
        assertThat(panel.causesProperty().get()).isEqualTo("none");
        assertThat(panel.effectsProperty().get()).isEqualTo("sales");
    }

    @Test
    void directCausesFollowEdgeEdits() {
        selectVariable("sales");
        assertThat(panel.causesProperty().get()).isEqualTo("price");
        history.execute(new AddEdge("season", "sales"));
        assertThat(panel.causesProperty().get()).isEqualTo("price, season");
        assertThat(panel.effectsProperty().get()).isEqualTo("none");
    }

    @Test
    void roleAndTypeChangesAreUndoableEditsAndUndoShowsInThePanel() {
        selectVariable("sales");
        panel.setRole(Role.ADJUSTED);
        panel.setType(DataType.BINARY);

        assertThat(dag.require("sales").role()).isEqualTo(Role.ADJUSTED);
        assertThat(dag.require("sales").type()).isEqualTo(DataType.BINARY);
        assertThat(history.undoDescription()).contains("Set type of sales to Binary");

        history.undo();
        assertThat(panel.typeProperty().get()).isEqualTo(DataType.COUNT);
        assertThat(history.undoDescription()).contains("Set role of sales to Adjusted");
        history.undo();
        assertThat(panel.roleProperty().get()).isEqualTo(Role.OUTCOME);
        assertThat(history.canUndo()).isFalse();
    }

    @Test
    void settingTheSameValueAddsNoEdit() {
        selectVariable("sales");
        panel.setRole(Role.OUTCOME);
        panel.nameProperty().set(" sales ");
        assertThat(panel.commitName()).isTrue();
        panel.commitDescription();
        assertThat(history.canUndo()).isFalse();
    }

    @Test
    void renameGoesThroughHistoryAndKeepsEdges() {
        selectVariable("price");
        panel.nameProperty().set("  list_price ");

        assertThat(panel.commitName()).isTrue();

        assertThat(dag.names()).containsExactly("list_price", "sales", "season");
        assertThat(dag.hasEdge("list_price", "sales")).isTrue();
        assertThat(history.undoDescription()).contains("Rename price to list_price");
        assertThat(panel.nameProperty().get()).isEqualTo("list_price");

        // Undoing the rename keeps the panel on the same variable, under its old name.
        history.undo();
        assertThat(panel.subjectProperty().get()).isEqualTo(Subject.VARIABLE);
        assertThat(panel.nameProperty().get()).isEqualTo("price");
    }

    @Test
    void duplicateAndInvalidNamesAreRefusedWithAMessageAndChangeNothing() {
        selectVariable("price");

        panel.nameProperty().set("SALES");
        assertThat(panel.commitName()).isFalse();
        assertThat(panel.errorProperty().get()).isEqualTo(
                "A variable called 'sales' already exists (names are compared ignoring case).");

        panel.nameProperty().set("2nd price");
        assertThat(panel.commitName()).isFalse();
        assertThat(panel.errorProperty().get()).contains("must start with a letter");
        assertThat(panel.nameProperty().get()).as("the typing stays for correction").isEqualTo("2nd price");

        assertThat(dag.names()).containsExactly("price", "sales", "season");
        assertThat(history.canUndo()).isFalse();

        panel.revert();
        assertThat(panel.nameProperty().get()).isEqualTo("price");
        assertThat(panel.errorProperty().get()).isEmpty();
    }

    @Test
    void descriptionIsCommittedTrimmedAsOneEdit() {
        selectVariable("season");
        panel.descriptionProperty().set("  month of the year \n");
        panel.commitDescription();
        assertThat(dag.require("season").description()).isEqualTo("month of the year");
        assertThat(history.undoDescription()).contains("Edit description of season");
    }

    @Test
    void switchingSelectionCommitsTheDraftToTheVariableItWasTypedFor() {
        selectVariable("season");
        panel.descriptionProperty().set("calendar month");

        selectVariable("sales");

        assertThat(dag.require("season").description()).isEqualTo("calendar month");
        assertThat(dag.require("sales").description()).isEmpty();
        assertThat(panel.descriptionProperty().get()).isEmpty();
    }

    @Test
    void anUnrelatedEditKeepsWhatIsBeingTyped() {
        selectVariable("season");
        panel.descriptionProperty().set("calendar mo");

        history.execute(new MoveVariables(Map.of("price", new CanvasPosition(50, 50)), "Move price"));

        assertThat(panel.descriptionProperty().get()).isEqualTo("calendar mo");
    }

    @Test
    void edgeNoteIsShownAndEditedUndoably() {
        panel.select(Set.of(), dag.edge("price", "sales").orElseThrow());
        assertThat(panel.subjectProperty().get()).isEqualTo(Subject.EDGE);
        assertThat(panel.headingProperty().get()).isEqualTo("Edge price \u2192 sales");
        assertThat(panel.noteProperty().get()).isEqualTo("demand");

        panel.noteProperty().set("law of demand");
        panel.commitNote();
        assertThat(dag.edge("price", "sales").orElseThrow().note()).isEqualTo("law of demand");
        assertThat(history.undoDescription()).contains("Edit note of price -> sales");

        history.undo();
        assertThat(panel.noteProperty().get()).isEqualTo("demand");
    }

    @Test
    void severalVariablesAreCountedAndARemovedVariableLeavesThePanelEmpty() {
        panel.select(Set.of("price", "sales"), null);
        assertThat(panel.subjectProperty().get()).isEqualTo(Subject.SEVERAL);
        assertThat(panel.headingProperty().get()).isEqualTo("2 variables selected");

        selectVariable("season");
        history.execute(new RemoveVariable("season"));
        assertThat(panel.subjectProperty().get()).isEqualTo(Subject.NONE);
    }

    @Test
    void aNewHistoryClearsThePanel() {
        selectVariable("price");
        panel.setHistory(new EditHistory(new Dag()));
        assertThat(panel.subjectProperty().get()).isEqualTo(Subject.NONE);
        // The old graph no longer drives the panel.
        history.execute(new RenameVariable("price", "cost"));
        assertThat(panel.subjectProperty().get()).isEqualTo(Subject.NONE);
    }
}
