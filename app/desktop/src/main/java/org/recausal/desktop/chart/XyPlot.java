package org.recausal.desktop.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

/**
 * A plot of {@link PlotData} on x and y axes, painted for the screen and for SVG alike: its title, a legend naming
 * each series by its colour (wrapped to the width), the y axis' name above the axis, round ticks with light grid lines, and the x axis' name
 * under its ticks. Subclasses draw the series as lines or bars, and say which datum the mouse points at: the plot
 * marks it and names it in a tooltip ("NDCG@10 · epoch 37: 0.5412"). It takes the height its container gives it.
 */
public abstract class XyPlot extends PaintedView {
    static final Color TEXT = Color.web("#1f2630");
    static final Color MUTED = Color.web("#5b6573");
    static final Color AXIS = Color.web("#a7adb8");
    static final Color GRID = Color.web("#eceef2");
    private static final double PAD = 8;
    private static final double LINE = 18;
    private static final double BOTTOM = 36;
    /** How far outside the plot area the mouse still points into it, so that points on its edges can be reached. */
    private static final double REACH = 6;

    private PlotData data;
    /** Where the mouse is in this view; null while it is elsewhere. */
    private Point2D mouse;
    private Hit hovered;

    protected XyPlot() {
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointAt(new Point2D(e.getX(), e.getY())));
    }

    @Override
    protected void pointerLeft() {
        pointAt(null);
    }

    /** Shows other data; a tooltip shown names the datum now nearest the mouse (a live curve grows under it). */
    public void show(PlotData shown) {
        this.data = shown;
        repaint();
        updateHover();
    }

    public PlotData data() {
        return data;
    }

    /** A datum: the {@code index}th point of the {@code series}th series. */
    public record Hit(int series, int index) {
    }

    /** Where the axes put a point: the plot area and the ranges it spans. */
    protected record Area(double left, double top, double right, double bottom, double xLow, double xHigh, double yLow,
            double yHigh) {
        public double x(double value) {
            return left + (value - xLow) / (xHigh - xLow) * (right - left);
        }

        public double y(double value) {
            return bottom - (value - yLow) / (yHigh - yLow) * (bottom - top);
        }

        /** Whether (x, y) is on the area or within a few pixels of it. */
        public boolean reaches(double x, double y) {
            return x >= left - REACH && x <= right + REACH && y >= top - REACH && y <= bottom + REACH;
        }
    }

    /** Draws the series inside {@code area}. */
    protected abstract void paintSeries(Painter p, PlotData d, Area area);

    /** The x range the axis spans for these data, from categories or points. */
    protected abstract double[] xRange(PlotData d);

    /**
     * How far each datum is from the mouse at ({@code x}, {@code y}) for the purpose of pointing: the mouse points
     * at the nearest; an infinite or NaN reach (a gap, a bar elsewhere) is never pointed at.
     */
    @FunctionalInterface
    protected interface Reach {
        double of(Hit datum);
    }

    /** How far the data are from the mouse at ({@code x}, {@code y}). */
    protected abstract Reach reach(PlotData d, Area area, double x, double y);

    /** Where a datum is drawn: the point of a line, the end of a bar. */
    protected abstract Point2D place(PlotData d, Area area, Hit datum);

    /** Marks the datum under the mouse (on screen only, over the painted plot). */
    protected abstract void paintMark(Painter p, PlotData d, Area area, Hit datum);

    /** The datum the mouse at ({@code x}, {@code y}) in this view would point at, at its size now; null for none. */
    public Hit hitAt(double x, double y) {
        Area area = area(data, getWidth(), getHeight());
        return area == null ? null : pick(data, area, x, y, reach(data, area, x, y));
    }

    /**
     * The datum of least reach from the mouse at ({@code x}, {@code y}): on a tie the earlier series' (the legend's
     * order), then the earlier point. Null when the mouse is off the plot area or no datum is within reach.
     */
    static Hit pick(PlotData d, Area area, double x, double y, Reach reach) {
        if (!area.reaches(x, y)) {
            return null;
        }
        Hit best = null;
        double least = Double.POSITIVE_INFINITY;
        for (int s = 0; s < d.series().size(); s++) {
            for (int k = 0; k < d.series().get(s).x().length; k++) {
                Hit datum = new Hit(s, k);
                double r = reach.of(datum);
                // NaN compares false.
                if (r < least) {
                    least = r;
                    best = datum;
                }
            }
        }
        return best;
    }

    /** Where a datum is drawn in this view at its size now (null while nothing is plotted), for tests and tooltips. */
    public Point2D placeOf(Hit datum) {
        Area area = area(data, getWidth(), getHeight());
        return area == null ? null : place(data, area, datum);
    }

    /**
     * What the tooltip says of a datum: its series, its x as the data name one ({@link PlotData#xPoint}) and its y,
     * as "NDCG@10 · epoch 37: 0.5412".
     */
    public static String hoverText(PlotData d, Hit datum) {
        PlotData.Series s = d.series().get(datum.series());
        double x = s.x()[datum.index()];
        String at = d.categories().isEmpty() ? number(x) : d.categories().get((int) x);
        return s.name() + " \u00b7 " + String.format(Locale.ROOT, d.xPoint(), at) + ": " + number(s.y()[datum.index()]);
    }

    /** Whole numbers as they are, others to four significant digits (an exponent only below 0.0001). */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Math.abs(value) >= 1000 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.4g", value);
    }

    private void pointAt(Point2D at) {
        mouse = at;
        updateHover();
    }

    private void updateHover() {
        hovered = mouse == null ? null : hitAt(mouse.getX(), mouse.getY());
        if (hovered == null) {
            showHover("", null, 0, 0);
            return;
        }
        Point2D at = placeOf(hovered);
        showHover(hoverText(data, hovered), data.series().get(hovered.series()).colour(), at.getX(), at.getY());
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        // The same mouse position points elsewhere at another size.
        updateHover();
    }

    @Override
    protected void paintHover(Painter p, double width, double height) {
        Area area = hovered == null ? null : area(data, width, height);
        if (area != null) {
            paintMark(p, data, area, hovered);
        }
    }

    @Override
    protected void paint(Painter p, double width, double height) {
        PlotData d = data;
        if (d == null) {
            return;
        }
        p.text(FxPainter.fit(d.title(), width - 2 * PAD, true), PAD, PAD + 13, Painter.Align.LEFT, true, TEXT);
        List<Point2D> legend = legendPlaces(d.series(), width);
        for (int s = 0; s < legend.size(); s++) {
            Point2D at = legend.get(s);
            p.fill(at.getX(), at.getY() - 9, 12, 10, d.series().get(s).colour());
            p.text(legendName(d.series().get(s), width), at.getX() + 18, at.getY(), Painter.Align.LEFT, false, TEXT);
        }
        double top = top(legend);
        if (!d.hasPoints()) {
            p.text(d.empty(), PAD, top + 20, Painter.Align.LEFT, false, MUTED);
            return;
        }
        Area area = area(d, width, height);
        if (area == null) {
            return;
        }
        double yStep = Ticks.step(area.yHigh() - area.yLow(), 5);
        p.text(FxPainter.fit(d.yLabel(), width - 2 * PAD, false), PAD, top - 9, Painter.Align.LEFT, false, MUTED);
        for (double t : Ticks.between(area.yLow(), area.yHigh(), yStep)) {
            double ty = area.y(t);
            p.line(area.left(), ty, area.right(), ty, GRID, 1);
            p.text(Ticks.format(t, yStep), area.left() - 6, ty + 4, Painter.Align.RIGHT, false, MUTED);
        }
        p.line(area.left(), area.bottom(), area.right(), area.bottom(), AXIS, 1);
        p.line(area.left(), area.top(), area.left(), area.bottom(), AXIS, 1);
        paintXTicks(p, d, area);
        p.text(FxPainter.fit(d.xLabel(), width - 2 * PAD, false), (area.left() + area.right()) / 2, height - PAD,
                Painter.Align.CENTRE, false, MUTED);
        paintSeries(p, d, area);
    }

    /** The plot area at this size: under the legend, right of the y ticks; null with nothing to plot or no room. */
    private Area area(PlotData d, double width, double height) {
        if (d == null || !d.hasPoints()) {
            return null;
        }
        double[] y = yRange(d);
        double yStep = Ticks.step(y[1] - y[0], 5);
        double tickWidth = 0;
        for (double t : Ticks.between(y[0], y[1], yStep)) {
            tickWidth = Math.max(tickWidth, FxPainter.width(Ticks.format(t, yStep), false));
        }
        double[] x = xRange(d);
        // The right margin leaves room for half the last x tick's label.
        Area area = new Area(PAD + tickWidth + 8, top(legendPlaces(d.series(), width)), width - PAD - 14,
                height - BOTTOM, x[0], x[1], y[0], y[1]);
        return area.right() - area.left() < 20 || area.bottom() - area.top() < 20 ? null : area;
    }

    private void paintXTicks(Painter p, PlotData d, Area area) {
        double baseline = area.bottom() + 15;
        if (!d.categories().isEmpty()) {
            double room = (area.right() - area.left()) / d.categories().size();
            for (int c = 0; c < d.categories().size(); c++) {
                p.text(FxPainter.fit(d.categories().get(c), room - 4, false), area.x(c), baseline, Painter.Align.CENTRE,
                        false, MUTED);
            }
            return;
        }
        double step = Ticks.step(area.xHigh() - area.xLow(), Math.max(2, (int) ((area.right() - area.left()) / 50)));
        for (double t : Ticks.between(area.xLow(), area.xHigh(), step)) {
            double tx = area.x(t);
            p.line(tx, area.bottom(), tx, area.bottom() + 4, AXIS, 1);
            p.text(Ticks.format(t, step), tx, baseline, Painter.Align.CENTRE, false, MUTED);
        }
    }

    /** Where each legend entry goes under the title (its swatch's left, its baseline), wrapped to the width. */
    private static List<Point2D> legendPlaces(List<PlotData.Series> series, double width) {
        List<Point2D> places = new ArrayList<>();
        double x = PAD;
        double y = PAD + 33;
        for (PlotData.Series s : series) {
            double w = 18 + FxPainter.width(legendName(s, width), false);
            if (x > PAD && x + w > width - PAD) {
                x = PAD;
                y += LINE;
            }
            places.add(new Point2D(x, y));
            x += w + 16;
        }
        return places;
    }

    private static String legendName(PlotData.Series s, double width) {
        return FxPainter.fit(s.name(), width - 2 * PAD - 18, false);
    }

    /** The top of the plot area: a line under the legend's last row, for the y axis' name. */
    private static double top(List<Point2D> legend) {
        return (legend.isEmpty() ? PAD + 33 : legend.getLast().getY()) + LINE + 9;
    }

    /** From 0 (when asked, or when all values sit on one side of it) or the lowest point, to the highest, on round ticks. */
    private static double[] yRange(PlotData d) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (PlotData.Series s : d.series()) {
            for (double v : s.y()) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (d.fromZero()) {
            low = Math.min(0, low);
        }
        if (high - low < 1e-12) {
            double half = Math.max(Math.abs(high) * 0.05, 1e-3);
            low -= half;
            high += half;
        }
        double step = Ticks.step(high - low, 5);
        return new double[] {Math.floor(low / step + 1e-9) * step, Math.ceil(high / step - 1e-9) * step};
    }

    @Override
    protected double contentWidth() {
        return 360;
    }

    @Override
    protected double contentHeight(double width) {
        return 260;
    }

    /** Narrow enough for two plots side by side in a panel under the canvas. */
    @Override
    protected double computeMinWidth(double height) {
        return 160;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 180;
    }

    @Override
    protected double computeMaxHeight(double width) {
        return Double.MAX_VALUE;
    }

    @Override
    protected double computeMaxWidth(double height) {
        return Double.MAX_VALUE;
    }
}
