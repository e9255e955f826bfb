package org.recausal.desktop.chart;

import java.util.Locale;

import javafx.scene.paint.Color;

/** Writes what is painted as an SVG document, on white. */
public final class SvgPainter implements Painter {
    private static final String FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";

    private final StringBuilder svg = new StringBuilder(8192);

    public SvgPainter(double width, double height) {
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(n(width)).append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(width))
                .append(' ').append(n(height)).append("\" font-family=\"").append(FONT).append("\" font-size=\"")
                .append(n(FONT_SIZE)).append("\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    }

    /** The finished document. */
    public String document() {
        return svg + "</svg>\n";
    }

    @Override
    public void fill(double x, double y, double width, double height, Color colour) {
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" fill=\"").append(hex(colour)).append("\"/>\n");
    }

    @Override
    public void outline(double x, double y, double width, double height, Color colour, double lineWidth) {
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" fill=\"none\" stroke=\"").append(hex(colour))
                .append("\" stroke-width=\"").append(n(lineWidth)).append("\"/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color colour, double lineWidth) {
        svg.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(hex(colour)).append("\" stroke-width=\"")
                .append(n(lineWidth)).append("\"/>\n");
    }

    @Override
    public void text(String text, double x, double y, Align align, boolean bold, Color colour) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" fill=\"").append(hex(colour))
                .append('"');
        if (align != Align.LEFT) {
            svg.append(" text-anchor=\"").append(align == Align.CENTRE ? "middle" : "end").append('"');
        }
        if (bold) {
            svg.append(" font-weight=\"bold\"");
        }
        svg.append('>').append(escape(text)).append("</text>\n");
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The colour as #rrggbb. */
    public static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
