package org.recausal.desktop.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.edit.AddEdge;
import org.recausal.engine.dag.edit.AddVariable;
import org.recausal.engine.dag.edit.DagEdit;
import org.recausal.engine.dag.edit.RemoveEdge;
import org.testfx.matcher.control.LabeledMatchers;

/** Building a graph with the mouse and keys, as an analyst would. */
class DagCanvasEditingTest extends CanvasTestBase {

    @Test
    void doubleClickOnEmptySpaceAddsAVariableThereAndRenamesItInline() {
        robot.doubleClickOn(screen(200, 140));
        assertThat(dag().names()).containsExactly("x1");
        assertThat(dag().require("x1").position()).isEqualTo(new CanvasPosition(200, 140));
        assertThat(canvas.editingVariable()).isEqualTo("x1");

        robot.write("Price").type(KeyCode.ENTER);
        assertThat(dag().names()).containsExactly("Price");
        assertThat(robot.lookup("#node-Price").tryQuery()).isPresent();
        assertThat(robot.lookup("#node-x1").tryQuery()).isEmpty();
        assertThat(canvas.editingVariable()).isNull();

        robot.doubleClickOn(screen(420, 140)).type(KeyCode.ENTER);
        assertThat(dag().names()).containsExactly("Price", "x1");
        assertThat(history.undoDescription()).contains("Add x1");
    }

    @Test
    void theSelectionIsOneSetWhoseListenersKeepFiring() {
        show(List.of("a@100,100", "b@300,100"), List.of());
        assertThat(canvas.getSelectedVariables()).isSameAs(canvas.getSelectedVariables());
        List<String> added = new ArrayList<>();
        // Listen through a view nobody else keeps: one made per call would be collected, its listener with it.
        canvas.getSelectedVariables().addListener((SetChangeListener<String>) change -> {
            if (change.wasAdded()) {
                added.add(change.getElementAdded());
            }
        });
        System.gc();
        robot.clickOn(centreOf("a"));
        robot.press(KeyCode.SHIFT).clickOn(centreOf("b")).release(KeyCode.SHIFT);
        assertThat(added).containsExactly("a", "b");
    }

    @Test
    void draggingFromTheRingOntoAnotherVariableConnectsThem() {
        show(List.of("a@150,120", "b@150,320"), List.of());
        drag(ringOf("a"), centreOf("b"), MouseButton.PRIMARY);
        assertThat(dag().hasEdge("a", "b")).isTrue();
        assertThat(dag().edgeCount()).isEqualTo(1);
        assertThat(robot.lookup("#edge-a-b").tryQuery()).isPresent();
    }

    @Test
    void rightDragAndAltDragConnectFromAnywhereOnTheBox() {
        show(List.of("a@100,100", "b@300,100", "c@300,300"), List.of());
        drag(centreOf("a"), centreOf("b"), MouseButton.SECONDARY);
        assertThat(dag().hasEdge("a", "b")).isTrue();

        robot.press(KeyCode.ALT);
        drag(centreOf("b"), centreOf("c"), MouseButton.PRIMARY);
        robot.release(KeyCode.ALT);
        assertThat(dag().hasEdge("b", "c")).isTrue();
        assertThat(dag().require("b").position()).isEqualTo(new CanvasPosition(300, 100));
    }

    @Test
    void anEdgeClosingACycleIsRefusedWithTheCycleNamedAndChangesNothing() {
        show(List.of("a@100,100", "b@100,250", "x@100,400"), List.of("a->b", "b->x"));
        drag(ringOf("x"), centreOf("a"), MouseButton.PRIMARY);

        assertThat(refusals).hasSize(1);
        assertThat(refusals.getFirst()).contains("x -> a -> b -> x");
        assertThat(dag().edgeCount()).isEqualTo(2);
        assertThat(dag().hasEdge("x", "a")).isFalse();
        assertThat(history.canUndo()).isFalse();
        assertThat(robot.lookup("#edge-x-a").tryQuery()).isEmpty();
        assertThat(canvas.hintProperty().get()).contains("x -> a -> b -> x");
    }

    @Test
    void draggingAVariableMovesItOnTheGridAsOneUndoStep() {
        show(List.of("a@100,100", "b@300,300"), List.of("a->b"));
        robot.interact(canvas::resetZoom);
        Point2D start = centreOf("a");
        drag(start, start.add(47, 33), MouseButton.PRIMARY);

        assertThat(dag().require("a").position()).isEqualTo(new CanvasPosition(140, 140));
        assertThat(centreOf("a").distance(screen(140, 140))).isLessThan(0.5);
        assertThat(history.undoDescription()).contains("Move a");
        robot.interact(history::undo);
        assertThat(dag().require("a").position()).isEqualTo(new CanvasPosition(100, 100));
        assertThat(history.canUndo()).isFalse();
        assertThat(centreOf("a").distance(screen(100, 100))).isLessThan(0.5);
    }

    @Test
    void withoutSnappingAVariableFollowsTheMouseExactly() {
        show(List.of("a@100,100", "b@300,300"), List.of());
        robot.interact(() -> {
            canvas.snapToGridProperty().set(false);
            canvas.resetZoom();
        });
        Point2D start = centreOf("a");
        drag(start, start.add(37, 23), MouseButton.PRIMARY);
        CanvasPosition moved = dag().require("a").position();
        assertThat(moved.x()).isCloseTo(137, org.assertj.core.data.Offset.offset(1.0));
        assertThat(moved.y()).isCloseTo(123, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void draggingASelectedGroupMovesEveryMemberByTheSameAmount() {
        show(List.of("a@100,100", "b@200,100", "c@400,300"), List.of("a->b"));
        robot.interact(canvas::resetZoom);
        robot.clickOn(centreOf("a")).press(KeyCode.SHIFT).clickOn(centreOf("b")).release(KeyCode.SHIFT);
        Point2D start = centreOf("b");
        drag(start, start.add(0, 60), MouseButton.PRIMARY);
        assertThat(dag().require("a").position()).isEqualTo(new CanvasPosition(100, 160));
        assertThat(dag().require("b").position()).isEqualTo(new CanvasPosition(200, 160));
        assertThat(dag().require("c").position()).isEqualTo(new CanvasPosition(400, 300));
        assertThat(history.undoDescription()).contains("Move 2 variables");
    }

    @Test
    void rubberBandAndShiftClickSelect() {
        show(List.of("a@100,100", "b@220,100", "c@400,300"), List.of("a->b"));
        drag(screen(40, 60), screen(280, 140), MouseButton.PRIMARY);
        assertThat(canvas.getSelectedVariables()).containsExactlyInAnyOrder("a", "b");

        robot.press(KeyCode.SHIFT).clickOn(centreOf("c")).release(KeyCode.SHIFT);
        assertThat(canvas.getSelectedVariables()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(canvas.hintProperty().get()).startsWith("3 selected");

        robot.press(KeyCode.SHIFT).clickOn(centreOf("a")).release(KeyCode.SHIFT);
        assertThat(canvas.getSelectedVariables()).containsExactlyInAnyOrder("b", "c");

        robot.clickOn(screen(440, 180));
        assertThat(canvas.getSelectedVariables()).isEmpty();

        robot.clickOn(centreOf("c"));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        assertThat(canvas.getSelectedVariables()).containsExactlyInAnyOrder("a", "b", "c");
        robot.type(KeyCode.ESCAPE);
        assertThat(canvas.getSelectedVariables()).isEmpty();
    }

    @Test
    void deleteRemovesTheSelectionAndItsEdgesAsOneUndoStep() {
        show(List.of("a@100,100", "b@220,100", "c@160,300"), List.of("a->c", "b->c", "a->b"));
        drag(screen(40, 60), screen(280, 140), MouseButton.PRIMARY);
        robot.type(KeyCode.DELETE);
        assertThat(dag().names()).containsExactly("c");
        assertThat(dag().edgeCount()).isZero();
        assertThat(robot.lookup(".edge-line").queryAll()).isEmpty();

        robot.interact(history::undo);
        assertThat(dag().names()).containsExactly("a", "b", "c");
        assertThat(dag().edgeCount()).isEqualTo(3);
        assertThat(robot.lookup("#edge-a-b").tryQuery()).isPresent();

        robot.clickOn(middleOf("a", "c"));
        assertThat(canvas.selectedEdgeProperty().get()).hasToString("a -> c");
        robot.type(KeyCode.BACK_SPACE);
        assertThat(dag().hasEdge("a", "c")).isFalse();
        assertThat(canvas.selectedEdgeProperty().get()).isNull();
    }

    @Test
    void renamingInlineAcceptsAValidNameAndRefusesADuplicate() {
        show(List.of("a@100,100", "b@100,300"), List.of("a->b"));
        robot.clickOn(centreOf("a")).type(KeyCode.F2);
        assertThat(canvas.editingVariable()).isEqualTo("a");
        robot.write("Price").type(KeyCode.ENTER);
        assertThat(dag().names()).containsExactly("Price", "b");
        assertThat(dag().hasEdge("Price", "b")).isTrue();
        assertThat(robot.lookup("#edge-Price-b").tryQuery()).isPresent();
        assertThat(canvas.getSelectedVariables()).containsExactly("Price");

        robot.doubleClickOn(centreOf("b"));
        assertThat(canvas.editingVariable()).isEqualTo("b");
        robot.write("price").type(KeyCode.ENTER);
        assertThat(refusals).singleElement().asString().contains("already exists");
        assertThat(dag().names()).containsExactly("Price", "b");
        assertThat(canvas.editingVariable()).isEqualTo("b");
        robot.type(KeyCode.ESCAPE);
        assertThat(canvas.editingVariable()).isNull();
        assertThat(dag().names()).containsExactly("Price", "b");

        robot.clickOn(centreOf("b")).type(KeyCode.F2).write("2nd").type(KeyCode.ENTER);
        assertThat(refusals).hasSize(2);
        assertThat(refusals.getLast()).contains("must start with a letter");
        assertThat(dag().names()).containsExactly("Price", "b");
    }

    @Test
    void clickingAnEdgeSelectsItAndRReversesIt() {
        show(List.of("a@100,100", "b@300,300", "c@100,300"), List.of("a->b", "a->c", "c->b"));
        robot.clickOn(middleOf("a", "c"));
        assertThat(canvas.selectedEdgeProperty().get()).hasToString("a -> c");
        robot.type(KeyCode.R);
        assertThat(dag().hasEdge("c", "a")).isTrue();
        assertThat(dag().hasEdge("a", "c")).isFalse();
        assertThat(canvas.selectedEdgeProperty().get()).hasToString("c -> a");
        assertThat(robot.lookup("#edge-c-a").tryQuery()).isPresent();

        // a -> b cannot turn round: a -> ... no; c -> a -> b and c -> b: reversing c -> b closes c -> a -> b -> c.
        robot.clickOn(middleOf("c", "b"));
        robot.type(KeyCode.R);
        assertThat(refusals).singleElement().asString().contains("b -> c -> a -> b");
        assertThat(dag().hasEdge("c", "b")).isTrue();
    }

    @Test
    void anEdgeStaysSelectedWhenItsNoteChanges() {
        show(List.of("a@100,100", "b@100,300"), List.of("a->b"));
        robot.clickOn(middleOf("a", "b"));
        DagEdit setNote = new DagEdit() {
            @Override
            public void apply(Dag dag) {
                dag.setEdgeNote("a", "b", "Ads raise sales");
            }

            @Override
            public void revert(Dag dag) {
                dag.setEdgeNote("a", "b", "");
            }

            @Override
            public String description() {
                return "Set note";
            }
        };
        robot.interact(() -> history.execute(setNote));
        assertThat(canvas.selectedEdgeProperty().get().note()).isEqualTo("Ads raise sales");
        assertThat(robot.lookup("#edge-a-b").query().getPseudoClassStates())
                .anyMatch(state -> state.getPseudoClassName().equals("selected"));

        robot.interact(() -> history.execute(new RemoveEdge("a", "b")));
        robot.interact(() -> history.execute(new AddEdge("a", "b")));
        assertThat(canvas.selectedEdgeProperty().get()).isNull();
    }

    @Test
    void editsMadeElsewhereShowUpAndUndoRemovesThem() {
        robot.interact(() -> history.execute(new AddVariable(Variable.of("z").at(100, 100))));
        assertThat(robot.lookup("#node-z").tryQuery()).isPresent();
        robot.interact(history::undo);
        assertThat(robot.lookup("#node-z").tryQuery()).isEmpty();
        robot.interact(history::redo);
        assertThat(robot.lookup("#node-z").tryQuery()).isPresent();
    }

    @Test
    void addVariableAtCentreNeverStacksNewBoxes() {
        String first = fx(canvas::addVariableAtCentre);
        robot.type(KeyCode.ENTER);
        String second = fx(canvas::addVariableAtCentre);
        robot.type(KeyCode.ESCAPE);
        assertThat(first).isEqualTo("x1");
        assertThat(second).isEqualTo("x2");
        assertThat(dag().require("x1").position()).isNotEqualTo(dag().require("x2").position());
        assertThat(dag().require("x1").position().x()).isEqualTo(dag().require("x2").position().x());
    }

    @Test
    void arrowKeysNudgeTheSelectionOneGridStep() {
        show(List.of("a@100,100", "b@200,100"), List.of());
        robot.clickOn(centreOf("a")).type(KeyCode.RIGHT).type(KeyCode.DOWN, 2);
        assertThat(dag().require("a").position()).isEqualTo(new CanvasPosition(120, 140));
        assertThat(dag().require("b").position()).isEqualTo(new CanvasPosition(200, 100));
        robot.interact(history::undo);
        assertThat(dag().require("a").position()).isEqualTo(new CanvasPosition(120, 120));
    }

    @Test
    void theRightClickMenuSetsTheRoleOfTheSelection() {
        show(List.of("a@100,100", "b@200,100", "c@300,300"), List.of());
        drag(screen(40, 60), screen(260, 140), MouseButton.PRIMARY);
        robot.clickOn(centreOf("b"), MouseButton.SECONDARY);
        robot.clickOn(menuItem("Role"));
        robot.clickOn(menuItem("Exposure"));
        assertThat(dag().require("a").role()).isEqualTo(Role.EXPOSURE);
        assertThat(dag().require("b").role()).isEqualTo(Role.EXPOSURE);
        assertThat(dag().require("c").role()).isEqualTo(Role.ORDINARY);
        assertThat(robot.lookup("#node-a").queryParent().getStyleClass()).contains("role-exposure");
        assertThat(history.undoDescription()).contains("Make 2 variables Exposure");
    }

    @Test
    void hintsFollowTheMouse() {
        show(List.of("a@100,100", "b@300,300"), List.of());
        robot.moveTo(ringOf("a"));
        assertThat(canvas.hintProperty().get()).isEqualTo("Drag from the ring to connect");
        robot.moveTo(centreOf("b"));
        assertThat(canvas.hintProperty().get()).startsWith("Drag to move");
    }

    private Node menuItem(String text) {
        return robot.lookup(".context-menu .label").match(LabeledMatchers.hasText(text)).query();
    }
}
