package org.recausal.desktop.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A chart drawn by {@link #paint}: on a canvas on screen, and the same drawing into PNG (at twice the screen's
 * scale) or SVG files. Its height follows from its width ({@link #contentHeight}).
 */
public abstract class PaintedView extends Region {
    private final Canvas canvas = new Canvas();

    protected PaintedView() {
        getChildren().add(canvas);
        getStyleClass().add("painted-view");
    }

    /** Draws the chart into a {@code width} x {@code height} area. */
    protected abstract void paint(Painter painter, double width, double height);

    /** The height the chart needs at {@code width}. */
    protected abstract double contentHeight(double width);

    /** The width the chart would like, with room for every label. */
    protected abstract double contentWidth();

    /** Paints again, after the data or a highlight changed. */
    protected final void repaint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
        if (w > 0 && h > 0) {
            paint(new FxPainter(canvas.getGraphicsContext2D()), w, h);
        }
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
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

    public void writePng(Path file) throws IOException {
        ChartImages.writePng(canvas, file);
    }
}
