package org.recausal.desktop.canvas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;

/**
 * SVG export of the graph as drawn: boxes, names, arrows and the legend, each with the colours, widths
 * and dashes that CSS gave it on screen, so role and overlay colours come out exactly as shown.
 */
final class SvgExport {
    private static final double PADDING = 24;
    private static final double LEGEND_ROW = 20;
    private static final String FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";

    private SvgExport() {
    }

    static void write(GraphLayer graph, CanvasLegend legend, Path file) throws IOException {
        String svg = render(graph, legend);
        ExportFiles.write(file, out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static String render(GraphLayer graph, CanvasLegend legend) throws IOException {
        Bounds bounds = graph.graphBounds();
        if (bounds == null) {
            throw ExportFiles.emptyGraph();
        }
        List<CanvasLegend.Row> rows = legend.rows();
        double legendWidth = rows.stream().mapToDouble(r -> VariableView.widthFor(r.text())).max().orElse(0)
                + CanvasLegend.SWATCH_WIDTH + 8;
        double legendHeight = (rows.size() + 1) * LEGEND_ROW;
        double graphHeight = bounds.getHeight() + 2 * PADDING;
        double width = Math.max(bounds.getWidth() + 2 * PADDING, legendWidth + 2 * PADDING);
        double height = graphHeight + legendHeight + PADDING;

        StringBuilder svg = new StringBuilder(4096);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(width)).append("\" height=\"")
                .append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                .append("\" font-family=\"").append(FONT).append("\" font-size=\"13\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("<g transform=\"translate(").append(n(PADDING - bounds.getMinX())).append(' ')
                .append(n(PADDING - bounds.getMinY())).append(")\">\n");
        svg.append("<g class=\"edges\">\n");
        List<EdgeView> edges = graph.edgeViews().stream()
                .sorted(Comparator.comparing((EdgeView e) -> e.edge().from()).thenComparing(e -> e.edge().to()))
                .toList();
        for (EdgeView edge : edges) {
            appendEdge(svg, edge);
        }
        svg.append("</g>\n<g class=\"variables\">\n");
        List<VariableView> variables = graph.variableViews().stream()
                .sorted(Comparator.comparing(VariableView::name)).toList();
        for (VariableView variable : variables) {
            appendVariable(svg, variable);
        }
        svg.append("</g>\n</g>\n");
        appendLegend(svg, rows, PADDING, graphHeight);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void appendEdge(StringBuilder svg, EdgeView edge) {
        svg.append("<g id=\"").append(escape(edge.line().getId())).append("\">");
        if (!edge.edge().note().isEmpty()) {
            svg.append("<title>").append(escape(edge.edge().note())).append("</title>");
        }
        svg.append("<path d=\"");
        for (PathElement element : edge.line().getElements()) {
            switch (element) {
                case MoveTo m -> svg.append('M').append(n(m.getX())).append(' ').append(n(m.getY()));
                case LineTo l -> svg.append(" L").append(n(l.getX())).append(' ').append(n(l.getY()));
                case CubicCurveTo c -> svg.append(" C").append(n(c.getControlX1())).append(' ')
                        .append(n(c.getControlY1())).append(' ').append(n(c.getControlX2())).append(' ')
                        .append(n(c.getControlY2())).append(' ').append(n(c.getX())).append(' ').append(n(c.getY()));
                default -> throw new IllegalStateException("unexpected path element " + element);
            }
        }
        svg.append("\" fill=\"none\"");
        appendStroke(svg, edge.line());
        svg.append(" stroke-linecap=\"round\"/>");
        svg.append("<polygon points=\"");
        List<Double> points = edge.head().getPoints();
        for (int i = 0; i + 1 < points.size(); i += 2) {
            svg.append(i == 0 ? "" : " ").append(n(points.get(i))).append(',').append(n(points.get(i + 1)));
        }
        svg.append('"');
        appendPaint(svg, "fill", edge.head().getFill());
        svg.append("/></g>\n");
    }

    private static void appendVariable(StringBuilder svg, VariableView view) {
        double left = view.centreX() - view.boxWidth() / 2;
        double top = view.centreY() - VariableView.HEIGHT / 2;
        svg.append("<g id=\"").append(escape(view.getId())).append("\">");
        appendBox(svg, view.boxRegion(), left, top, view.boxWidth(), VariableView.HEIGHT, VariableView.RADIUS);
        appendName(svg, view.label(), view.centreX(), view.centreY());
        svg.append("</g>\n");
    }

    private static void appendLegend(StringBuilder svg, List<CanvasLegend.Row> rows, double left, double top) {
        svg.append("<g class=\"legend\" transform=\"translate(").append(n(left)).append(' ').append(n(top))
                .append(")\">\n");
        svg.append("<text x=\"0\" y=\"").append(n(LEGEND_ROW / 2 + baseline(11)))
                .append("\" font-size=\"11\" font-weight=\"bold\" fill=\"#56606b\">Legend</text>\n");
        double y = LEGEND_ROW;
        double h = CanvasLegend.SWATCH_HEIGHT;
        double w = CanvasLegend.SWATCH_WIDTH;
        for (CanvasLegend.Row row : rows) {
            double top2 = y + (LEGEND_ROW - h) / 2;
            if (row.box() != null) {
                appendBox(svg, row.box(), 0, top2, w, h, 4);
            } else {
                svg.append("<line x1=\"0\" y1=\"").append(n(top2 + h / 2)).append("\" x2=\"").append(n(w))
                        .append("\" y2=\"").append(n(top2 + h / 2)).append('"');
                appendStroke(svg, row.line());
                svg.append("/>");
            }
            svg.append("<text x=\"").append(n(w + 8)).append("\" y=\"").append(n(y + LEGEND_ROW / 2 + baseline(12)))
                    .append("\" font-size=\"12\" fill=\"#1f2933\">")
                    .append(escape(row.text())).append("</text>\n");
            y += LEGEND_ROW;
        }
        svg.append("</g>\n");
    }

    private static void appendBox(StringBuilder svg, Region box, double x, double y, double w, double h, double radius) {
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" rx=\"").append(n(radius)).append('"');
        Background background = box.getBackground();
        List<BackgroundFill> fills = background == null ? List.of() : background.getFills();
        // The last fill is the box itself; earlier ones are halos (selection, connect target).
        appendPaint(svg, "fill", fills.isEmpty() ? null : fills.getLast().getFill());
        Border border = box.getBorder();
        if (border != null && !border.getStrokes().isEmpty()) {
            BorderStroke stroke = border.getStrokes().getFirst();
            appendPaint(svg, "stroke", stroke.getTopStroke());
            svg.append(" stroke-width=\"").append(n(stroke.getWidths().getTop())).append('"');
            appendDashes(svg, stroke.getTopStyle().getDashArray());
        }
        svg.append("/>");
    }

    /** A variable's name, centred on (x, y). */
    private static void appendName(StringBuilder svg, Text text, double x, double y) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y + baseline(13)))
                .append("\" text-anchor=\"middle\"");
        appendPaint(svg, "fill", text.getFill());
        svg.append('>').append(escape(text.getText())).append("</text>");
    }

    /**
     * How far below a line's middle its baseline sits, for text centred on that middle. Written out
     * rather than left to dominant-baseline, which several SVG readers ignore.
     */
    private static double baseline(double fontSize) {
        return fontSize * 0.35;
    }

    private static void appendStroke(StringBuilder svg, Shape shape) {
        appendPaint(svg, "stroke", shape.getStroke());
        svg.append(" stroke-width=\"").append(n(shape.getStrokeWidth())).append('"');
        appendDashes(svg, shape.getStrokeDashArray());
    }

    private static void appendDashes(StringBuilder svg, List<Double> dashes) {
        if (!dashes.isEmpty()) {
            svg.append(" stroke-dasharray=\"");
            for (int i = 0; i < dashes.size(); i++) {
                svg.append(i == 0 ? "" : " ").append(n(dashes.get(i)));
            }
            svg.append('"');
        }
    }

    private static void appendPaint(StringBuilder svg, String attribute, Paint paint) {
        if (!(paint instanceof Color color) || color.getOpacity() == 0) {
            svg.append(' ').append(attribute).append("=\"none\"");
            return;
        }
        svg.append(' ').append(attribute).append("=\"").append(String.format(Locale.ROOT, "#%02x%02x%02x",
                Math.round(color.getRed() * 255), Math.round(color.getGreen() * 255),
                Math.round(color.getBlue() * 255))).append('"');
        if (color.getOpacity() < 1) {
            svg.append(' ').append(attribute).append("-opacity=\"").append(n(color.getOpacity())).append('"');
        }
    }

    private static String n(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        text = text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
        return text.equals("-0") ? "0" : text;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
