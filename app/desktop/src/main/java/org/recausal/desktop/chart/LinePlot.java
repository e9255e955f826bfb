package org.recausal.desktop.chart;

import javafx.geometry.Point2D;
import javafx.scene.paint.Color;

/**
 * Series as lines through their points, with a marker on each point while there are few enough to tell apart. The
 * mouse points at the point drawn nearest it, which is ringed with guides to both axes.
 */
public final class LinePlot extends XyPlot {
    private static final int MARKED_POINTS = 40;
    private static final double RING = 10;

    public LinePlot() {
        getStyleClass().add("line-plot");
    }

    @Override
    protected double[] xRange(PlotData d) {
        if (!d.categories().isEmpty()) {
            // Categories sit at 0..n-1, half a step in from the ends.
            return new double[] {-0.5, d.categories().size() - 0.5};
        }
        if (d.xRange() != null) {
            return d.xRange().clone();
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (PlotData.Series s : d.series()) {
            for (double x : s.x()) {
                low = Math.min(low, x);
                high = Math.max(high, x);
            }
        }
        return high > low ? new double[] {low, high} : new double[] {low - 1, low + 1};
    }

    @Override
    protected void paintSeries(Painter p, PlotData d, Area area) {
        for (PlotData.Series s : d.series()) {
            boolean marked = s.x().length <= MARKED_POINTS;
            for (int k = 0; k < s.x().length; k++) {
                if (!Double.isFinite(s.y()[k])) {
                    continue;
                }
                double x = area.x(s.x()[k]);
                double y = area.y(s.y()[k]);
                if (k > 0 && Double.isFinite(s.y()[k - 1])) {
                    p.line(area.x(s.x()[k - 1]), area.y(s.y()[k - 1]), x, y, s.colour(), 2);
                }
                if (marked) {
                    p.fill(x - 2.5, y - 2.5, 5, 5, s.colour());
                }
            }
        }
    }

    @Override
    protected Reach reach(PlotData d, Area area, double x, double y) {
        return distance(d, area, x, y);
    }

    /** Each point's distance on screen from ({@code x}, {@code y}): the mouse points at the nearest drawn point. */
    static Reach distance(PlotData d, Area area, double x, double y) {
        return datum -> point(d, area, datum).distance(x, y);
    }

    @Override
    protected Point2D place(PlotData d, Area area, Hit datum) {
        return point(d, area, datum);
    }

    /** Where a point is drawn; NaN for a gap. */
    private static Point2D point(PlotData d, Area area, Hit datum) {
        PlotData.Series s = d.series().get(datum.series());
        return new Point2D(area.x(s.x()[datum.index()]), area.y(s.y()[datum.index()]));
    }

    @Override
    protected void paintMark(Painter p, PlotData d, Area area, Hit datum) {
        Point2D at = place(d, area, datum);
        Color colour = d.series().get(datum.series()).colour();
        p.line(at.getX(), at.getY(), at.getX(), area.bottom(), AXIS, 1);
        p.line(area.left(), at.getY(), at.getX(), at.getY(), AXIS, 1);
        p.fill(at.getX() - RING / 2, at.getY() - RING / 2, RING, RING, Color.WHITE);
        p.outline(at.getX() - RING / 2, at.getY() - RING / 2, RING, RING, colour, 2);
        p.fill(at.getX() - 2, at.getY() - 2, 4, 4, colour);
    }
}
