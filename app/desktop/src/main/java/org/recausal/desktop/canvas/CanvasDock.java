package org.recausal.desktop.canvas;

import javafx.application.Platform;
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
            // The canvas got shorter or taller: fit the graph to it once the split has laid it out.
            Platform.runLater(canvas::fitToWindow);
        });
        place(panel, split, share, shown.get());
    }

    private static void place(Node panel, SplitPane split, double share, boolean show) {
        if (show && !split.getItems().contains(panel)) {
            split.getItems().add(panel);
            split.setDividerPositions(1 - share);
        } else if (!show) {
            split.getItems().remove(panel);
        }
    }
}
