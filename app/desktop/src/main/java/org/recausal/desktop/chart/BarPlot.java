package org.recausal.desktop.chart;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;

/** Series as bars side by side in each category, rising from 0. The mouse points at the bar whose column it is in. */
public final class BarPlot extends XyPlot {
    /** The share of a category's width its bars fill; the rest separates the categories. */
    private static final double FILL = 0.72;

    public BarPlot() {
        getStyleClass().add("bar-plot");
    }

    @Override
    protected double[] xRange(PlotData d) {
        return new double[] {-0.5, Math.max(1, d.categories().size()) - 0.5};
    }

    @Override
    protected void paintSeries(Painter p, PlotData d, Area area) {
        for (int s = 0; s < d.series().size(); s++) {
            PlotData.Series series = d.series().get(s);
            for (int k = 0; k < series.x().length; k++) {
                Rectangle2D bar = bar(d, area, new Hit(s, k));
                if (bar != null) {
                    p.fill(bar.getMinX(), bar.getMinY(), bar.getWidth(), bar.getHeight(), series.colour());
                }
            }
        }
    }

    @Override
    protected Reach reach(PlotData d, Area area, double x, double y) {
        return column(d, area, x);
    }

    /**
     * Within reach (0) is the bar whose column, its slot across the plot area's height, holds {@code x}, so that a
     * short bar is as easy to point at as a tall one; nothing is between bars or on a category with no value.
     */
    static Reach column(PlotData d, Area area, double x) {
        return datum -> {
            Rectangle2D bar = bar(d, area, datum);
            // The bar's slot: the bar and the pixel it leaves free on each side.
            return bar != null && x >= bar.getMinX() - 1 && x < bar.getMaxX() + 1 ? 0 : Double.POSITIVE_INFINITY;
        };
    }

    /** The bar as painted: its slot in its category less a pixel each side, from 0 to its value; null for NaN. */
    private static Rectangle2D bar(PlotData d, Area area, Hit datum) {
        PlotData.Series series = d.series().get(datum.series());
        double v = series.y()[datum.index()];
        if (!Double.isFinite(v)) {
            return null;
        }
        double category = area.x(1) - area.x(0);
        double width = category * FILL / Math.max(1, d.series().size());
        double left = area.x(series.x()[datum.index()]) - category * FILL / 2 + datum.series() * width;
        double zero = area.y(Math.max(area.yLow(), 0));
        double end = area.y(v);
        return new Rectangle2D(left + 1, Math.min(zero, end), Math.max(0, width - 2), Math.abs(zero - end));
    }

    @Override
    protected Point2D place(PlotData d, Area area, Hit datum) {
        return end(d, area, datum);
    }

    /** The middle of the bar's end: its top, or its bottom for a value below 0. */
    static Point2D end(PlotData d, Area area, Hit datum) {
        Rectangle2D bar = bar(d, area, datum);
        double v = d.series().get(datum.series()).y()[datum.index()];
        return new Point2D((bar.getMinX() + bar.getMaxX()) / 2, v >= 0 ? bar.getMinY() : bar.getMaxY());
    }

    @Override
    protected void paintMark(Painter p, PlotData d, Area area, Hit datum) {
        Rectangle2D bar = bar(d, area, datum);
        p.outline(bar.getMinX() - 1, bar.getMinY() - 1, bar.getWidth() + 2, bar.getHeight() + 2, TEXT, 2);
    }
}
