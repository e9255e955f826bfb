package org.recausal.desktop.canvas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.css.PseudoClass;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;

import org.recausal.engine.dag.CausalEdge;

/**
 * One edge on the canvas: the line ({@code Path} with id {@code edge-<from>-<to>}) and its arrow head.
 * Both are mouse-transparent; the canvas finds edges under the mouse from {@link #distanceTo}, which is
 * cheaper than thousands of pickable strokes and forgives a near miss.
 */
final class EdgeView {
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass HIGHLIGHTED = PseudoClass.getPseudoClass("highlighted");

    private final Path line = new Path();
    private final Polygon head = new Polygon();
    private final MoveTo start = new MoveTo();
    private final LineTo straightEnd = new LineTo();
    private final CausalEdge edge;
    private EdgeGeometry.Shape shape;
    private String overlayClass;

    EdgeView(CausalEdge edge) {
        this.edge = edge;
        line.setId(CanvasIds.edge(edge.from(), edge.to()));
        line.getStyleClass().add("edge-line");
        head.getStyleClass().add("edge-head");
        line.setMouseTransparent(true);
        head.setMouseTransparent(true);
        line.getElements().addAll(start, straightEnd);
    }

    void setShape(EdgeGeometry.Shape newShape) {
        // A full re-route hands most edges the shape they have: leave their path elements alone.
        if (shape != null && Arrays.equals(shape.points(), newShape.points())
                && Arrays.equals(shape.arrow(), newShape.arrow())) {
            return;
        }
        shape = newShape;
        double[] p = newShape.points();
        start.setX(p[0]);
        start.setY(p[1]);
        if (newShape.curved()) {
            List<PathElement> elements = new ArrayList<>();
            elements.add(start);
            for (int k = 2; k + 5 < p.length; k += 6) {
                elements.add(new CubicCurveTo(p[k], p[k + 1], p[k + 2], p[k + 3], p[k + 4], p[k + 5]));
            }
            line.getElements().setAll(elements);
        } else {
            // A drag step moves thousands of straight edges: reuse their two elements.
            straightEnd.setX(p[2]);
            straightEnd.setY(p[3]);
            if (line.getElements().size() != 2 || line.getElements().get(1) != straightEnd) {
                line.getElements().setAll(start, straightEnd);
            }
        }
        double[] a = newShape.arrow();
        head.getPoints().setAll(a[0], a[1], a[2], a[3], a[4], a[5]);
    }

    /** Distance from (x, y) to the line; any value above {@code limit} when farther than that. */
    double distanceTo(double x, double y, double limit) {
        return shape == null ? Double.POSITIVE_INFINITY : shape.distanceTo(x, y, limit);
    }

    /** Replaces the overlay's style class on the line and the head; {@code null} removes it. */
    void setOverlayClass(String styleClass) {
        if (java.util.Objects.equals(styleClass, overlayClass)) {
            return; // an unchanged class would still cost a CSS pass
        }
        if (overlayClass != null) {
            line.getStyleClass().remove(overlayClass);
            head.getStyleClass().remove(overlayClass);
        }
        overlayClass = styleClass;
        if (styleClass != null) {
            line.getStyleClass().add(styleClass);
            head.getStyleClass().add(styleClass);
        }
    }

    void setPseudoClass(PseudoClass state, boolean active) {
        line.pseudoClassStateChanged(state, active);
        head.pseudoClassStateChanged(state, active);
    }

    CausalEdge edge() {
        return edge;
    }

    Path line() {
        return line;
    }

    Polygon head() {
        return head;
    }

    EdgeGeometry.Shape shape() {
        return shape;
    }
}
