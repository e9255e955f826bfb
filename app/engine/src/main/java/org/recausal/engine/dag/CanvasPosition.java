package org.recausal.engine.dag;

/** Where a variable sits on the canvas, in canvas units (unzoomed pixels); y grows downwards. */
public record CanvasPosition(double x, double y) {
    public static final CanvasPosition ORIGIN = new CanvasPosition(0, 0);

    public CanvasPosition {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("canvas position must be finite, got (" + x + ", " + y + ")");
        }
    }

    public CanvasPosition translate(double dx, double dy) {
        return new CanvasPosition(x + dx, y + dy);
    }
}
