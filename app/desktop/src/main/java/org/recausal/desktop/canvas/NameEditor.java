package org.recausal.desktop.canvas;

import java.util.function.BiPredicate;

import javafx.geometry.Point2D;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The inline rename: a text field over the variable's box. Enter renames, Esc cancels, leaving the field
 * renames too. A refused name keeps the field open to fix it while typing; when focus leaves, the old
 * name simply stays.
 */
final class NameEditor extends TextField {
    private final GraphLayer graph;
    private final Viewport viewport;
    /** Tries the rename through the history; false when the graph refused it (and the refusal was reported). */
    private final BiPredicate<String, String> rename;
    private final Runnable closed;
    private String editing;

    NameEditor(GraphLayer graph, Viewport viewport, BiPredicate<String, String> rename, Runnable closed) {
        this.graph = graph;
        this.viewport = viewport;
        this.rename = rename;
        this.closed = closed;
        setId("name-editor");
        getStyleClass().add("name-editor");
        setManaged(false);
        setVisible(false);
        setOnAction(e -> commit(false));
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        focusedProperty().addListener((obs, was, now) -> {
            if (!now && editing != null) {
                commit(true);
            }
        });
    }

    /** The variable being renamed, or null. */
    String editing() {
        return editing;
    }

    void start(String name) {
        VariableView view = graph.view(name);
        if (view == null) {
            return;
        }
        close();
        editing = name;
        view.pseudoClassStateChanged(VariableView.EDITING, true);
        setText(name);
        setVisible(true);
        place();
        requestFocus();
        selectAll();
    }

    /** Follows the box when the view zooms or pans, or the variable moves. */
    void place() {
        VariableView view = editing == null ? null : graph.view(editing);
        if (view == null) {
            return;
        }
        Point2D centre = viewport.toCanvas(view.centreX(), view.centreY());
        double width = Math.max(view.boxWidth() * viewport.scale() + 24, 140);
        double height = Math.max(VariableView.HEIGHT * viewport.scale(), 28);
        resizeRelocate(centre.getX() - width / 2, centre.getY() - height / 2, width, height);
    }

    /** The variable changed its name while being edited (the rename itself, or an undo elsewhere). */
    void renamed(String oldName, String newName) {
        if (oldName.equals(editing)) {
            editing = newName;
        }
    }

    void close() {
        String name = editing;
        if (name == null) {
            return;
        }
        editing = null;
        VariableView view = graph.view(name);
        if (view != null) {
            view.pseudoClassStateChanged(VariableView.EDITING, false);
        }
        setVisible(false);
        closed.run();
    }

    private void commit(boolean leaving) {
        String oldName = editing;
        if (oldName == null) {
            return;
        }
        String newName = getText().strip();
        if (newName.equals(oldName) || rename.test(oldName, newName) || leaving) {
            close();
        } else {
            selectAll();
        }
    }
}
