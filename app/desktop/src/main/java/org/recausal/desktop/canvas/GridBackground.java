package org.recausal.desktop.canvas;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Faint dots on the snapping grid behind the graph, thinned out when zoomed far out so they never crowd. */
final class GridBackground extends Canvas {
    private static final Color DOT = Color.web("#CDD3DA");
    private static final double MIN_SPACING = 12;

    GridBackground() {
        setManaged(false);
        setMouseTransparent(true);
    }

    /** Redraws for the view; draws nothing when {@code visible} is false (snapping off). */
    void draw(Viewport viewport, double grid, boolean visible) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (!visible) {
            return;
        }
        double spacing = grid * viewport.scale();
        while (spacing < MIN_SPACING) {
            spacing *= 5;
        }
        g.setFill(DOT);
        double startX = floorMod(viewport.panX(), spacing);
        double startY = floorMod(viewport.panY(), spacing);
        for (double x = startX; x < getWidth(); x += spacing) {
            for (double y = startY; y < getHeight(); y += spacing) {
                g.fillRect(x - 0.75, y - 0.75, 1.5, 1.5);
            }
        }
    }

    private static double floorMod(double value, double modulus) {
        double mod = value % modulus;
        return mod < 0 ? mod + modulus : mod;
    }
}
