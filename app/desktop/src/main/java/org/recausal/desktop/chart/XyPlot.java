package org.recausal.desktop.chart;

import java.util.List;

import javafx.scene.paint.Color;

/**
 * A plot of {@link PlotData} on x and y axes, painted for the screen and for SVG alike: its title, a legend naming
 * each series by its colour (wrapped to the width), the y axis' name above the axis, round ticks with light grid lines, and the x axis' name
 * under its ticks. Subclasses draw the series as lines or bars. It takes the height its container gives it.
 */
public abstract class XyPlot extends PaintedView {
    static final Color TEXT = Color.web("#1f2630");
    static final Color MUTED = Color.web("#5b6573");
    static final Color AXIS = Color.web("#a7adb8");
    static final Color GRID = Color.web("#eceef2");
    private static final double PAD = 8;
    private static final double LINE = 18;
    private static final double BOTTOM = 36;

    private PlotData data;

    /** Shows other data. */
    public void show(PlotData shown) {
        this.data = shown;
        repaint();
    }

    public PlotData data() {
        return data;
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
    }

    /** Draws the series inside {@code area}. */
    protected abstract void paintSeries(Painter p, PlotData d, Area area);

    /** The x range the axis spans for these data, from categories or points. */
    protected abstract double[] xRange(PlotData d);

    @Override
    protected void paint(Painter p, double width, double height) {
        PlotData d = data;
        if (d == null) {
            return;
        }
        p.text(FxPainter.fit(d.title(), width - 2 * PAD, true), PAD, PAD + 13, Painter.Align.LEFT, true, TEXT);
        double legendEnd = paintLegend(p, d.series(), width);
        double top = legendEnd + LINE + 9;
        if (!d.hasPoints()) {
            p.text(d.empty(), PAD, top + 20, Painter.Align.LEFT, false, MUTED);
            return;
        }
        double[] y = yRange(d);
        double yStep = Ticks.step(y[1] - y[0], 5);
        List<Double> yTicks = Ticks.between(y[0], y[1], yStep);
        double tickWidth = 0;
        for (double t : yTicks) {
            tickWidth = Math.max(tickWidth, FxPainter.width(Ticks.format(t, yStep), false));
        }
        double[] x = xRange(d);
        // The right margin leaves room for half the last x tick's label.
        Area area = new Area(PAD + tickWidth + 8, top, width - PAD - 14, height - BOTTOM, x[0], x[1], y[0], y[1]);
        if (area.right() - area.left() < 20 || area.bottom() - area.top() < 20) {
            return;
        }
        p.text(FxPainter.fit(d.yLabel(), width - 2 * PAD, false), PAD, top - 9, Painter.Align.LEFT, false, MUTED);
        for (double t : yTicks) {
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

    /** The legend under the title, wrapped to the width; returns the baseline of its last row. */
    private static double paintLegend(Painter p, List<PlotData.Series> series, double width) {
        double x = PAD;
        double y = PAD + 33;
        for (PlotData.Series s : series) {
            String name = FxPainter.fit(s.name(), width - 2 * PAD - 18, false);
            double w = 18 + FxPainter.width(name, false);
            if (x > PAD && x + w > width - PAD) {
                x = PAD;
                y += LINE;
            }
            p.fill(x, y - 9, 12, 10, s.colour());
            p.text(name, x + 18, y, Painter.Align.LEFT, false, TEXT);
            x += w + 16;
        }
        return y;
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
