package org.recausal.desktop.chart;

import javafx.scene.paint.Color;

/**
 * What the painted charts (explanations, recommender plots) draw with: the same drawing code paints the screen ({@link FxPainter}) and writes
 * SVG ({@link SvgPainter}), so an exported picture is exactly what was shown.
 */
public interface Painter {
    /** How a text's x position is read. */
    enum Align { LEFT, CENTRE, RIGHT }

    double FONT_SIZE = 12;

    void fill(double x, double y, double width, double height, Color colour);

    void outline(double x, double y, double width, double height, Color colour, double lineWidth);

    void line(double x1, double y1, double x2, double y2, Color colour, double lineWidth);

    /** Text with its baseline at {@code y}. */
    void text(String text, double x, double y, Align align, boolean bold, Color colour);
}
