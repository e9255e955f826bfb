package org.recausal.desktop.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** Paints on a JavaFX canvas. */
public final class FxPainter implements Painter {
    private static final Font REGULAR = Font.font("System", FONT_SIZE);
    private static final Font BOLD = Font.font("System", FontWeight.BOLD, FONT_SIZE);

    private final GraphicsContext g;

    public FxPainter(GraphicsContext g) {
        this.g = g;
        g.setTextBaseline(VPos.BASELINE);
    }

    /** The width a text takes in the charts' font, for laying out labels. */
    public static double width(String text, boolean bold) {
        Text probe = new Text(text);
        probe.setFont(bold ? BOLD : REGULAR);
        return probe.getLayoutBounds().getWidth();
    }

    /** The text, cut with an ellipsis where it is wider than {@code width}. */
    public static String fit(String text, double width, boolean bold) {
        if (width(text, bold) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && width(cut + "\u2026", bold) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "\u2026";
    }

    @Override
    public void fill(double x, double y, double width, double height, Color colour) {
        g.setFill(colour);
        g.fillRect(x, y, width, height);
    }

    @Override
    public void outline(double x, double y, double width, double height, Color colour, double lineWidth) {
        g.setStroke(colour);
        g.setLineWidth(lineWidth);
        g.strokeRect(x, y, width, height);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color colour, double lineWidth) {
        g.setStroke(colour);
        g.setLineWidth(lineWidth);
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void text(String text, double x, double y, Align align, boolean bold, Color colour) {
        g.setFont(bold ? BOLD : REGULAR);
        g.setFill(colour);
        g.setTextAlign(switch (align) {
            case LEFT -> TextAlignment.LEFT;
            case CENTRE -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
        g.fillText(text, x, y);
    }
}
