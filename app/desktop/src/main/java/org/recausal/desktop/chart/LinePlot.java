package org.recausal.desktop.chart;

/** Series as lines through their points, with a marker on each point while there are few enough to tell apart. */
public final class LinePlot extends XyPlot {
    private static final int MARKED_POINTS = 40;

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
}
