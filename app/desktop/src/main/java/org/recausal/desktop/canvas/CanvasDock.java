package org.recausal.desktop.canvas;

import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * A panel docked under the canvas in the main window's vertical split: it sits there while its {@code shown}
 * property is true, taking {@code share} of the height when it appears, and the graph is fitted to the canvas's
 * new height each time.
 */
public final class CanvasDock {
    private CanvasDock() {
    }

    public static void dock(Node panel, SplitPane split, DagCanvas canvas, BooleanProperty shown, double share) {
        shown.addListener((_, _, now) -> {
            place(panel, split, share, now);
            // The canvas got shorter or taller: fit the graph to the height the split has just given it.
            canvas.fitToWindow();
        });
        place(panel, split, share, shown.get());
    }

    private static void place(Node panel, SplitPane split, double share, boolean show) {
        if (show && !split.getItems().contains(panel)) {
            split.getItems().add(panel);
            // The split spreads a new item evenly at its first layout (and a panel's minimum height can push the
            // divider): lay it out now, then set the divider and lay it out again, so the canvas has its final
            // height before anything reads it.
            layOut(split);
            split.setDividerPositions(1 - share);
            layOut(split);
        } else if (!show) {
            split.getItems().remove(panel);
            layOut(split);
        }
    }

    private static void layOut(SplitPane split) {
        split.applyCss();
        split.layout();
    }
}
