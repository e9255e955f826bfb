package org.recausal.desktop.explain;

import java.util.Locale;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

import org.recausal.desktop.chart.FxPainter;
import org.recausal.desktop.chart.PaintedView;
import org.recausal.desktop.chart.Painter;

/**
 * The attention heatmap: one row per item of the user's history (oldest at the top), one column per layer and
 * head (then the aggregates), each cell coloured by its weight on the scale its legend shows. Hovering a cell
 * shows its exact value; clicking a row highlights that history item here and in every linked view.
 */
public final class AttentionHeatmap extends PaintedView {
    private static final double PAD = 10;
    private static final double HEADER = 40;
    private static final double GROUP_GAP = 6;
    private static final double MIN_CELL = 52;
    private static final double MAX_CELL = 96;
    private static final double POSITION_WIDTH = 34;
    private static final double MAX_LABEL = 380;
    private static final double MIN_LABEL = 150;
    private static final double LEGEND_GAP = 28;
    private static final double LEGEND_BAR = 14;
    private static final double LEGEND_TEXT = 64;
    private static final double LEGEND_MIN = 110;
    private static final double LEGEND_MAX = 220;
    private static final Color TEXT = Color.web("#1f2630");
    private static final Color MUTED = Color.web("#5b6573");
    private static final Color GRID = Color.web("#ffffff");
    private static final Color HIGHLIGHT = Color.web("#e8590c");
    private static final Color HIGHLIGHT_BACK = Color.web("#fff1e6");

    private final ObjectProperty<AttentionGrid> grid = new SimpleObjectProperty<>(this, "grid");
    private final IntegerProperty highlightedRow = new SimpleIntegerProperty(this, "highlightedRow", -1);
    private int hoverRow = -1;
    private int hoverColumn = -1;

    public AttentionHeatmap() {
        setId("attentionHeatmap");
        getStyleClass().add("attention-heatmap");
        grid.addListener((_, _, _) -> {
            hover(-1, -1, 0, 0);
            requestLayout();
            repaint();
        });
        highlightedRow.addListener((_, _, _) -> repaint());
        setOnMouseMoved(this::mouseMoved);
        setOnMouseClicked(e -> {
            int row = rowAt(e.getY());
            if (row >= 0) {
                highlightedRow.set(row);
            }
        });
    }

    public ObjectProperty<AttentionGrid> gridProperty() {
        return grid;
    }

    /** The history row highlighted here and in the linked views; -1 for none. */
    public IntegerProperty highlightedRowProperty() {
        return highlightedRow;
    }

    /** Where a cell's centre is, in this view's coordinates (for tests and keyboard users' tooltips). */
    public Point2D cellCentre(int row, int column) {
        Layout l = layout(getWidth());
        return new Point2D(l.x(column) + l.cell / 2, l.y(row) + l.rowHeight / 2);
    }

    // ---------------------------------------------------------------- drawing

    @Override
    protected void paint(Painter p, double width, double height) {
        AttentionGrid g = grid.get();
        if (g == null || g.rowCount() == 0) {
            p.text(g == null ? "Pick a user to see where the model looked." : "This user has no history to attend to.",
                    PAD, PAD + 16, Painter.Align.LEFT, false, MUTED);
            return;
        }
        Layout l = layout(width);
        double max = g.max();
        paintHeader(p, g, l);
        int highlighted = highlightedRow.get();
        for (int r = 0; r < g.rowCount(); r++) {
            double y = l.y(r);
            boolean marked = r == highlighted;
            if (marked) {
                p.fill(PAD, y, l.labelWidth - 4, l.rowHeight, HIGHLIGHT_BACK);
            }
            if (l.rowHeight >= 12) {
                double baseline = y + l.rowHeight / 2 + 4;
                p.text(position(g, r), PAD + POSITION_WIDTH - 6, baseline, Painter.Align.RIGHT, false, MUTED);
                p.text(FxPainter.fit(g.rowLabel(r), l.labelWidth - POSITION_WIDTH - 6, marked), PAD + POSITION_WIDTH,
                        baseline, Painter.Align.LEFT, marked, marked ? HIGHLIGHT : TEXT);
            }
            for (int c = 0; c < g.columnCount(); c++) {
                double v = g.value(r, c);
                p.fill(l.x(c), y, l.cell, l.rowHeight, ColourScale.colour(v, max));
                if (l.cell >= 44 && l.rowHeight >= 16) {
                    p.text(String.format(Locale.ROOT, "%.2f", v), l.x(c) + l.cell / 2, y + l.rowHeight / 2 + 4,
                            Painter.Align.CENTRE, false, ColourScale.textOn(v, max));
                }
                p.outline(l.x(c), y, l.cell, l.rowHeight, GRID, 1);
            }
        }
        if (highlighted >= 0 && highlighted < g.rowCount()) {
            double right = l.x(g.columnCount() - 1) + l.cell;
            p.outline(l.x(0) - 1, l.y(highlighted) - 1, right - l.x(0) + 2, l.rowHeight + 2, HIGHLIGHT, 2);
        }
        paintLegend(p, l, max);
    }

    /** The hovered cell's outline, on screen only. */
    @Override
    protected void paintHover(Painter p, double width, double height) {
        AttentionGrid g = grid.get();
        if (g != null && hoverRow >= 0 && hoverRow < g.rowCount() && hoverColumn < g.columnCount()) {
            Layout l = layout(width);
            p.outline(l.x(hoverColumn), l.y(hoverRow), l.cell, l.rowHeight, TEXT, 2);
        }
    }

    private void paintHeader(Painter p, AttentionGrid g, Layout l) {
        int c = 0;
        while (c < g.columnCount()) {
            String group = g.columns().get(c).group();
            int end = c;
            while (end + 1 < g.columnCount() && g.columns().get(end + 1).group().equals(group)) {
                end++;
            }
            double left = l.x(c);
            double right = l.x(end) + l.cell;
            boolean named = !g.columns().get(c).name().isEmpty();
            p.text(group, (left + right) / 2, PAD + (named ? 14 : 24), Painter.Align.CENTRE, true, TEXT);
            if (named) {
                for (int k = c; k <= end; k++) {
                    p.text(g.columns().get(k).name(), l.x(k) + l.cell / 2, PAD + 32, Painter.Align.CENTRE, false, MUTED);
                }
            }
            c = end + 1;
        }
        p.text("Item (oldest first)", PAD, PAD + 32, Painter.Align.LEFT, false, MUTED);
    }

    private static void paintLegend(Painter p, Layout l, double max) {
        double x = l.legendX;
        double top = PAD + HEADER;
        double height = l.legendHeight;
        p.text("Attention", x, PAD + 14, Painter.Align.LEFT, true, TEXT);
        p.text("weight", x, PAD + 30, Painter.Align.LEFT, true, TEXT);
        int steps = 48;
        for (int s = 0; s < steps; s++) {
            double value = max * (steps - s - 0.5) / steps;
            p.fill(x, top + s * height / steps, LEGEND_BAR, height / steps + 0.5, ColourScale.colour(value, max));
        }
        p.outline(x, top, LEGEND_BAR, height, Color.web("#a7adb8"), 1);
        for (int t = 0; t <= 4; t++) {
            double y = top + height * t / 4;
            p.line(x + LEGEND_BAR, y, x + LEGEND_BAR + 4, y, MUTED, 1);
            p.text(String.format(Locale.ROOT, "%.3f", max * (4 - t) / 4), x + LEGEND_BAR + 7, y + 4,
                    Painter.Align.LEFT, false, MUTED);
        }
    }

    /** "-3" for the third item from the end; the latest item is "-1". */
    private static String position(AttentionGrid g, int row) {
        return "\u2212" + (g.rowCount() - row);
    }

    // ---------------------------------------------------------------- geometry

    /** Where everything goes at a given width. */
    private record Layout(AttentionGrid grid, double labelWidth, double cell, double rowHeight, double legendX,
            double legendHeight) {
        double x(int column) {
            return PAD + labelWidth + column * cell + groupsBefore(column) * GROUP_GAP;
        }

        double y(int row) {
            return PAD + HEADER + row * rowHeight;
        }

        private int groupsBefore(int column) {
            int groups = 0;
            for (int c = 1; c <= column; c++) {
                if (!grid.columns().get(c).group().equals(grid.columns().get(c - 1).group())) {
                    groups++;
                }
            }
            return groups;
        }
    }

    private Layout layout(double width) {
        AttentionGrid g = grid.get();
        int columns = Math.max(1, g == null ? 1 : g.columnCount());
        int rows = g == null ? 0 : g.rowCount();
        double rowHeight = rows == 0 ? 20 : Math.max(4, Math.min(20, 3600.0 / rows));
        int gaps = g == null ? 0 : groupCount(g) - 1;
        // Row headers (id, name, time) give way to the cells in a narrow view: they are cut, the tooltip has them.
        double wanted = labelWidth(g);
        double room = width - 2 * PAD - columns * MIN_CELL - gaps * GROUP_GAP - LEGEND_GAP - LEGEND_BAR - LEGEND_TEXT;
        double label = Math.max(Math.min(wanted, MIN_LABEL), Math.min(wanted, room));
        double free = width - 2 * PAD - label - gaps * GROUP_GAP - LEGEND_GAP - LEGEND_BAR - LEGEND_TEXT;
        double cell = Math.max(MIN_CELL, Math.min(MAX_CELL, free / columns));
        double legendX = PAD + label + columns * cell + gaps * GROUP_GAP + LEGEND_GAP;
        double legendHeight = Math.max(LEGEND_MIN, Math.min(LEGEND_MAX, rows * rowHeight));
        return new Layout(g, label, cell, rowHeight, legendX, legendHeight);
    }

    private static double labelWidth(AttentionGrid g) {
        double widest = 60;
        if (g != null) {
            for (int r = 0; r < g.rowCount(); r++) {
                widest = Math.max(widest, FxPainter.width(g.rowLabel(r), true));
            }
        }
        return Math.min(MAX_LABEL, widest) + POSITION_WIDTH + 10;
    }

    private static int groupCount(AttentionGrid g) {
        int groups = g.columnCount() == 0 ? 0 : 1;
        for (int c = 1; c < g.columnCount(); c++) {
            if (!g.columns().get(c).group().equals(g.columns().get(c - 1).group())) {
                groups++;
            }
        }
        return groups;
    }

    @Override
    protected double contentHeight(double width) {
        AttentionGrid g = grid.get();
        if (g == null || g.rowCount() == 0) {
            return 2 * PAD + 24;
        }
        Layout l = layout(width);
        return 2 * PAD + HEADER + Math.max(g.rowCount() * l.rowHeight, l.legendHeight + 8);
    }

    @Override
    protected double contentWidth() {
        AttentionGrid g = grid.get();
        int columns = g == null ? 1 : Math.max(1, g.columnCount());
        int gaps = g == null ? 0 : Math.max(0, groupCount(g) - 1);
        return 2 * PAD + labelWidth(g) + columns * 72 + gaps * GROUP_GAP + LEGEND_GAP + LEGEND_BAR + LEGEND_TEXT;
    }

    // ---------------------------------------------------------------- mouse

    private void mouseMoved(MouseEvent e) {
        AttentionGrid g = grid.get();
        int row = rowAt(e.getY());
        int column = g == null ? -1 : columnAt(e.getX());
        hover(row, column, e.getX(), e.getY());
    }

    private int rowAt(double y) {
        AttentionGrid g = grid.get();
        if (g == null || g.rowCount() == 0) {
            return -1;
        }
        Layout l = layout(getWidth());
        int row = (int) Math.floor((y - l.y(0)) / l.rowHeight);
        return y >= l.y(0) && row < g.rowCount() ? row : -1;
    }

    private int columnAt(double x) {
        AttentionGrid g = grid.get();
        Layout l = layout(getWidth());
        for (int c = 0; c < g.columnCount(); c++) {
            if (x >= l.x(c) && x < l.x(c) + l.cell) {
                return c;
            }
        }
        return -1;
    }

    @Override
    protected void pointerLeft() {
        hover(-1, -1, 0, 0);
    }

    /** Names the cell at (row, column) in the tooltip beside the mouse at (x, y); -1 for no cell. */
    private void hover(int row, int column, double x, double y) {
        AttentionGrid g = grid.get();
        boolean onCell = g != null && row >= 0 && column >= 0;
        hoverRow = onCell ? row : -1;
        hoverColumn = onCell ? column : -1;
        showHover(onCell ? String.format(Locale.ROOT, "%s (%s)%n%s: %.5f", g.rowLabel(row), position(g, row),
                g.columns().get(column).label(), g.value(row, column)) : "", null, x, y);
    }
}
