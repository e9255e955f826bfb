package org.recausal.desktop.canvas;

import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

import org.recausal.engine.dag.Role;

/** The right-click menu: what can be done to the variable, the edge or the empty spot under the mouse. */
final class CanvasMenu {
    private CanvasMenu() {
    }

    /**
     * @param variable the variable clicked, or null
     * @param edge     the edge clicked (when no variable was), or null
     * @param at       where, in canvas units
     */
    static void show(DagCanvas canvas, VariableView variable, EdgeView edge, Point2D at, double screenX, double screenY) {
        ContextMenu menu = new ContextMenu();
        if (variable != null) {
            if (!canvas.selection().contains(variable.name())) {
                canvas.selectOnly(variable.name());
            }
            menu.getItems().addAll(item("Rename", canvas::renameSelected), roleMenu(canvas, variable.variable().role()),
                    new SeparatorMenuItem(), item("Delete", canvas::deleteSelection));
        } else if (edge != null) {
            canvas.selectEdge(edge.edge());
            menu.getItems().addAll(item("Reverse", canvas::reverseSelectedEdge), item("Delete", canvas::deleteSelection));
        } else {
            menu.getItems().addAll(
                    item("Add variable here", () -> canvas.addVariableAt(canvas.snap(at.getX()), canvas.snap(at.getY()))),
                    item("Auto-layout", canvas::autoLayout), item("Fit to window", canvas::fitToWindow));
        }
        menu.show(canvas, screenX, screenY);
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Menu roleMenu(DagCanvas canvas, Role current) {
        Menu menu = new Menu("Role");
        ToggleGroup group = new ToggleGroup();
        for (Role role : Role.values()) {
            RadioMenuItem item = new RadioMenuItem(role.label());
            item.setToggleGroup(group);
            item.setSelected(role == current);
            item.setOnAction(e -> canvas.setRoleOfSelection(role));
            menu.getItems().add(item);
        }
        return menu;
    }
}
