package org.recausal.desktop.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A chart drawn by {@link #paint}: on a canvas on screen, and the same drawing into PNG (at twice the screen's
 * scale) or SVG files. Its height follows from its width ({@link #contentHeight}). What the mouse points at is drawn
 * by {@link #paintHover} on a layer of its own, with a tooltip, so that no export ever shows it.
 */
public abstract class PaintedView extends Region {
    /** The tooltip's distance from the point it names. */
    private static final double TIP_GAP = 10;

    private final Canvas canvas = new Canvas();
    private final Canvas hoverLayer = new Canvas();
    private final Label hoverLabel = new Label();
    private final Rectangle swatch = new Rectangle(10, 10);
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    /**
     * A dialog opening over the view sends no mouse exit, yet the pointer no longer reaches the view. Held here and
     * added weakly to the application's window list, so that the list does not keep a closed panel's views.
     */
    private final ListChangeListener<Window> dialogOpened = change -> {
        while (change.next()) {
            if (change.getAddedSubList().stream().anyMatch(w -> w instanceof Stage)) {
                pointerLeft();
            }
        }
    };

    protected PaintedView() {
        hoverLayer.setMouseTransparent(true);
        hoverLabel.getStyleClass().add("chart-hover");
        hoverLabel.setManaged(false);
        hoverLabel.setVisible(false);
        hoverLabel.setMouseTransparent(true);
        hoverLabel.setWrapText(true);
        hoverLabel.textProperty().bind(hoverText);
        getChildren().addAll(canvas, hoverLayer, hoverLabel);
        getStyleClass().add("painted-view");
        addEventHandler(MouseEvent.MOUSE_EXITED, _ -> pointerLeft());
        Window.getWindows().addListener(new WeakListChangeListener<>(dialogOpened));
    }

    /** Draws the chart into a {@code width} x {@code height} area. */
    protected abstract void paint(Painter painter, double width, double height);

    /** The height the chart needs at {@code width}. */
    protected abstract double contentHeight(double width);

    /** The width the chart would like, with room for every label. */
    protected abstract double contentWidth();

    /** Draws the mark of what is under the mouse, over the chart (on screen only); nothing by default. */
    protected void paintHover(Painter painter, double width, double height) {
    }

    /** Forgets what the mouse pointed at: it left the view, or a dialog opened over it; nothing by default. */
    protected void pointerLeft() {
    }

    /** The tooltip's text: what is under the mouse, exactly; empty when nothing is. */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** Paints again, after the data or a highlight changed. */
    protected final void repaint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
        if (w > 0 && h > 0) {
            paint(new FxPainter(canvas.getGraphicsContext2D()), w, h);
        }
        repaintHover();
    }

    /**
     * Shows {@code text} in the tooltip beside the point ({@code x}, {@code y}) it names, within the view, with a
     * swatch of {@code colour} when not null; an empty text hides the tooltip. Repaints the hover layer either way.
     */
    protected final void showHover(String text, Color colour, double x, double y) {
        hoverText.set(text);
        boolean shown = !text.isEmpty();
        hoverLabel.setVisible(shown);
        if (shown) {
            swatch.setFill(colour);
            hoverLabel.setGraphic(colour == null ? null : swatch);
            hoverLabel.applyCss();
            double w = Math.min(hoverLabel.prefWidth(-1), Math.max(40, getWidth() - 8));
            double h = hoverLabel.prefHeight(w);
            // Right of the point, else left of it, else centred over it; above it, else below.
            double centred = Math.clamp(x - w / 2, 4, Math.max(4, getWidth() - w - 4));
            double left = x + TIP_GAP + w <= getWidth() - 4 ? x + TIP_GAP
                    : x - TIP_GAP - w >= 4 ? x - TIP_GAP - w : centred;
            double top = y - TIP_GAP - h >= 4 ? y - TIP_GAP - h : y + TIP_GAP;
            hoverLabel.resizeRelocate(left, Math.min(top, getHeight() - h - 4), w, h);
        }
        repaintHover();
    }

    private void repaintHover() {
        double w = hoverLayer.getWidth();
        double h = hoverLayer.getHeight();
        hoverLayer.getGraphicsContext2D().clearRect(0, 0, w, h);
        if (w > 0 && h > 0) {
            paintHover(new FxPainter(hoverLayer.getGraphicsContext2D()), w, h);
        }
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            hoverLayer.setWidth(w);
            hoverLayer.setHeight(h);
        }
        repaint();
    }

    @Override
    protected double computePrefWidth(double height) {
        return contentWidth();
    }

    @Override
    protected double computeMinWidth(double height) {
        return Math.min(240, contentWidth());
    }

    @Override
    protected double computePrefHeight(double width) {
        return contentHeight(width < 0 ? contentWidth() : width);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    public void writeSvg(Path file) throws IOException {
        double w = Math.max(getWidth(), contentWidth());
        // At the width on screen, the height on screen too (a view may be given more than its content needs).
        double h = Math.max(contentHeight(w), w == getWidth() ? getHeight() : 0);
        SvgPainter svg = new SvgPainter(w, h);
        paint(svg, w, h);
        Files.writeString(file, svg.document(), StandardCharsets.UTF_8);
    }

    /** The chart as a PNG, without the hover layer. */
    public void writePng(Path file) throws IOException {
        ChartImages.writePng(canvas, file);
    }
}
