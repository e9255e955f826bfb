package org.recausal.desktop.canvas;

import java.util.List;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Transform;
import javafx.scene.transform.Translate;

/**
 * Zoom and pan: how canvas units (where variables sit) map to the pixels of the canvas region. A zoom
 * change keeps one point of the view fixed: the cursor for the wheel and pinches, the middle otherwise.
 */
final class Viewport {
    static final double MIN_ZOOM = 0.1;
    static final double MAX_ZOOM = 4;

    private final Region owner;
    private final Runnable changed;
    private final Translate pan = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final DoubleProperty zoom;
    /** The region point the next zoom change keeps fixed; null means the middle of the view. */
    private Point2D pivot;

    /**
     * @param owner   the region whose pixels the view fills
     * @param changed called after every zoom or pan change
     */
    Viewport(Region owner, Runnable changed) {
        this.owner = owner;
        this.changed = changed;
        zoom = new SimpleDoubleProperty(owner, "zoom", 1);
        zoom.addListener((obs, before, now) -> apply(now.doubleValue()));
    }

    /** The transforms to put on the node that holds the graph. */
    List<Transform> transforms() {
        return List.of(pan, scale);
    }

    DoubleProperty zoomProperty() {
        return zoom;
    }

    /** Pixels per canvas unit in effect now. */
    double scale() {
        return scale.getX();
    }

    double panX() {
        return pan.getX();
    }

    double panY() {
        return pan.getY();
    }

    Point2D toWorld(double x, double y) {
        return new Point2D((x - pan.getX()) / scale.getX(), (y - pan.getY()) / scale.getY());
    }

    Point2D toCanvas(double x, double y) {
        return new Point2D(pan.getX() + x * scale.getX(), pan.getY() + y * scale.getY());
    }

    /** Zooms to {@code newZoom} keeping the region point (x, y) where it is. */
    void zoomAbout(double x, double y, double newZoom) {
        pivot = new Point2D(x, y);
        try {
            zoom.set(newZoom);
        } finally {
            pivot = null;
        }
    }

    void panTo(double x, double y) {
        pan.setX(x);
        pan.setY(y);
        changed.run();
    }

    /** Pans so that canvas units (x, y) show in the middle of the view. */
    void centreOn(double x, double y) {
        panTo(owner.getWidth() / 2 - x * scale(), owner.getHeight() / 2 - y * scale());
    }

    /** The zoom (at most {@code maxZoom}) at which {@code bounds} fill the view less {@code insets}. */
    double fitZoom(Bounds bounds, Insets insets, double maxZoom) {
        double width = Math.max(1, owner.getWidth() - insets.getLeft() - insets.getRight());
        double height = Math.max(1, owner.getHeight() - insets.getTop() - insets.getBottom());
        double fit = Math.min(width / Math.max(bounds.getWidth(), 1), height / Math.max(bounds.getHeight(), 1));
        return clamp(Math.min(fit, maxZoom));
    }

    /** Zooms (at most to {@code maxZoom}) and pans so that {@code bounds} fill the view less {@code insets}. */
    void fit(Bounds bounds, Insets insets, double maxZoom) {
        zoom.set(fitZoom(bounds, insets, maxZoom));
        double z = scale();
        double middleX = insets.getLeft() + (owner.getWidth() - insets.getLeft() - insets.getRight()) / 2;
        double middleY = insets.getTop() + (owner.getHeight() - insets.getTop() - insets.getBottom()) / 2;
        panTo(middleX - (bounds.getMinX() + bounds.getWidth() / 2) * z,
                middleY - (bounds.getMinY() + bounds.getHeight() / 2) * z);
    }

    private void apply(double requested) {
        double z = clamp(requested);
        if (z != requested) {
            zoom.set(z);
            return;
        }
        Point2D fixed = pivot != null ? pivot : new Point2D(owner.getWidth() / 2, owner.getHeight() / 2);
        Point2D world = toWorld(fixed.getX(), fixed.getY());
        scale.setX(z);
        scale.setY(z);
        panTo(fixed.getX() - world.getX() * z, fixed.getY() - world.getY() * z);
    }

    private static double clamp(double z) {
        return Double.isFinite(z) ? Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z)) : 1;
    }
}
