package org.recausal.desktop.chart;

/** Series as bars side by side in each category, rising from 0. */
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
        int count = d.series().size();
        double category = area.x(1) - area.x(0);
        double bar = category * FILL / Math.max(1, count);
        double zero = area.y(Math.max(area.yLow(), 0));
        for (int s = 0; s < count; s++) {
            PlotData.Series series = d.series().get(s);
            for (int k = 0; k < series.x().length; k++) {
                double v = series.y()[k];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double left = area.x(series.x()[k]) - category * FILL / 2 + s * bar;
                double top = Math.min(zero, area.y(v));
                p.fill(left + 1, top, bar - 2, Math.abs(zero - area.y(v)), series.colour());
            }
        }
    }
}
