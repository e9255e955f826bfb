package org.recausal.desktop.canvas;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/**
 * A panel docked under the canvas in the main window's vertical split: it sits there while its {@code shown}
 * property is true, taking {@code share} of the height when it appears, and the graph is fitted to the canvas's
 * new height each time.
 */
public final class CanvasDock {
    private CanvasDock() {
    }

    public static void dock(Region panel, SplitPane split, DagCanvas canvas, BooleanProperty shown, double share) {
        shown.addListener((_, _, now) -> {
            place(panel, split, share, now);
            // The canvas got shorter or taller: fit the graph to it once the split has laid it out.
            Platform.runLater(canvas::fitToWindow);
        });
        place(panel, split, share, shown.get());
    }

    private static void place(Region panel, SplitPane split, double share, boolean show) {
        if (show && !split.getItems().contains(panel)) {
            split.getItems().add(panel);
            split.setDividerPositions(1 - share);
            // A panel the split lays out for the first time is first given an even share of the height (its
            // minimum size can push the divider too): set the divider again once the panel has its height.
            panel.heightProperty().addListener(new InvalidationListener() {
                @Override
                public void invalidated(Observable height) {
                    panel.heightProperty().removeListener(this);
                    split.setDividerPositions(1 - share);
                }
            });
        } else if (!show) {
            split.getItems().remove(panel);
        }
    }
}
