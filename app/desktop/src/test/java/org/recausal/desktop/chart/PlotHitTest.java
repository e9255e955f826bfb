package org.recausal.desktop.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import javafx.geometry.Point2D;

import org.junit.jupiter.api.Test;
import org.recausal.desktop.chart.XyPlot.Area;
import org.recausal.desktop.chart.XyPlot.Hit;

/**
 * Which datum the mouse points at, on a plot area of known geometry (x 0..10 over 0..100 px, y 0..1 over 100..0 px,
 * so a point (x, y) is drawn at (10x, 100 - 100y)), and what the tooltip says of it.
 */
class PlotHitTest {
    private static final Area AREA = new Area(0, 0, 100, 100, 0, 10, 0, 1);
    private static final double NAN = Double.NaN;

    @Test
    void aLinePlotPointsAtThePointDrawnNearestTheMouse() {
        PlotData d = lines(series("loss", new double[] {1, 2, 3, 4}, new double[] {0.9, 0.5, 0.3, 0.2}),
                series("NDCG@10", new double[] {2, 4}, new double[] {0.1, 0.45}));
        // (2, 0.5) is drawn at (20, 50); (4, 0.45) at (40, 55).
        assertThat(nearest(d, AREA, 22, 48)).isEqualTo(new Hit(0, 1));
        assertThat(nearest(d, AREA, 38, 56)).isEqualTo(new Hit(1, 1));
        // Nearer to (4, 0.2) in x, but (4, 0.45) is nearer on screen.
        assertThat(nearest(d, AREA, 40, 60)).isEqualTo(new Hit(1, 1));
    }

    @Test
    void theHitIsNoFartherThanAnyOtherPointWhereverTheMouseIs() {
        Random random = new Random(7);
        PlotData d = lines(randomSeries(random, "a"), randomSeries(random, "b"), randomSeries(random, "c"));
        for (int trial = 0; trial < 2000; trial++) {
            double mx = random.nextDouble() * 100;
            double my = random.nextDouble() * 100;
            Hit hit = nearest(d, AREA, mx, my);
            double found = distance(d, hit, mx, my);
            for (int s = 0; s < d.series().size(); s++) {
                for (int k = 0; k < d.series().get(s).x().length; k++) {
                    if (Double.isFinite(d.series().get(s).y()[k])) {
                        assertThat(found).isLessThanOrEqualTo(distance(d, new Hit(s, k), mx, my));
                    }
                }
            }
        }
    }

    @Test
    void tiesGoToTheEarlierSeriesThenTheEarlierPoint() {
        double[] x = {2, 4};
        double[] y = {0.5, 0.5};
        PlotData d = lines(series("HR@10", x, y), series("NDCG@10", x, y));
        // The series' points coincide, drawn at (20, 50) and (40, 50); x = 30 is halfway between them.
        assertThat(List.of(nearest(d, AREA, 21, 50), nearest(d, AREA, 30, 50), nearest(d, AREA, 31, 50)))
                .containsExactly(new Hit(0, 0), new Hit(0, 0), new Hit(0, 1));
    }

    @Test
    void gapsAndEmptySeriesAreNeverPointedAt() {
        PlotData d = lines(series("none yet", new double[0], new double[0]),
                series("loss", new double[] {1, 2, 3}, new double[] {0.8, NAN, 0.4}));
        // (2, NaN) is a gap: the mouse where it would be points at its neighbour (3, 0.4) drawn at (30, 60).
        assertThat(nearest(d, AREA, 21, 59)).isEqualTo(new Hit(1, 2));
        assertThat(nearest(lines(series("none yet", new double[0], new double[0])), AREA, 50, 50)).isNull();
        assertThat(nearest(lines(series("gaps", new double[] {1, 2}, new double[] {NAN, NAN})), AREA, 50, 50))
                .isNull();
    }

    @Test
    void theMouseOffThePlotAreaPointsAtNothingButItsEdgeStillReachesThePoints() {
        PlotData d = lines(series("loss", new double[] {0, 10}, new double[] {1, 0}));
        assertThat(nearest(d, AREA, -20, 0)).isNull();
        assertThat(nearest(d, AREA, 50, 120)).isNull();
        assertThat(nearest(d, AREA, -4, -4)).isEqualTo(new Hit(0, 0));
        assertThat(nearest(d, AREA, 104, 104)).isEqualTo(new Hit(0, 1));
    }

    @Test
    void aBarPlotPointsAtTheBarWhoseColumnHoldsTheMouse() {
        // Categories at x 0, 1, 2 on an axis from -0.5 to 2.5 over 0..90 px: 30 px a category, 10.8 px a bar.
        Area area = new Area(0, 0, 90, 100, -0.5, 2.5, 0, 1);
        PlotData d = bars(series("recommended", new double[] {0, 1, 2}, new double[] {0.6, 0.05, NAN}),
                series("consumed", new double[] {0, 1, 2}, new double[] {0.4, 0.35, 0.25}));
        // Category 1 spans 30..60 px; its bars fill 34.2..55.8 px, recommended first.
        assertThat(barAt(d, area, 40, 90)).isEqualTo(new Hit(0, 1));
        // High above the short bar, still in its column.
        assertThat(barAt(d, area, 40, 5)).isEqualTo(new Hit(0, 1));
        assertThat(barAt(d, area, 50, 90)).isEqualTo(new Hit(1, 1));
        // Between the categories' bars, and on a missing value.
        assertThat(barAt(d, area, 31, 90)).isNull();
        assertThat(barAt(d, area, 70, 90)).isNull();
        assertThat(barAt(d, area, 80, 90)).isEqualTo(new Hit(1, 2));
        assertThat(barAt(d, area, 40, 130)).isNull();
    }

    @Test
    void aBarsTooltipSitsAtTheEndOfItsValue() {
        Area area = new Area(0, 0, 90, 100, -0.5, 2.5, -1, 1);
        PlotData d = bars(series("effect", new double[] {0, 1}, new double[] {0.5, -0.5}));
        Point2D up = BarPlot.end(d, area, new Hit(0, 0));
        Point2D down = BarPlot.end(d, area, new Hit(0, 1));
        assertThat(up.getX()).isCloseTo(15, within(1e-9));
        assertThat(up.getY()).isCloseTo(25, within(1e-9));
        assertThat(down.getX()).isCloseTo(45, within(1e-9));
        assertThat(down.getY()).isCloseTo(75, within(1e-9));
    }

    @Test
    void theTooltipNamesTheSeriesTheXAsThePlotNamesItAndTheValue() {
        PlotData curves = new PlotData("Validation", "epoch (full-batch Adam step)", "epoch %s", "hit rate · NDCG",
                List.of(), null, true, List.of(series("NDCG@10", new double[] {36, 37, 37.5},
                        new double[] {0.5, 0.54123, 1234.5678})), "none");
        assertThat(XyPlot.hoverText(curves, new Hit(0, 1))).isEqualTo("NDCG@10 · epoch 37: 0.5412");
        assertThat(XyPlot.hoverText(curves, new Hit(0, 2))).isEqualTo("NDCG@10 · epoch 37.50: 1234.6");
        PlotData popularity = bars(series("recommended (top 10)", new double[] {0, 1, 2},
                new double[] {0.5, 0.3, 0.2}));
        assertThat(XyPlot.hoverText(popularity, new Hit(0, 1))).isEqualTo("recommended (top 10) · 2nd fifth: 0.3000");
    }

    @Test
    void numbersKeepFourSignificantDigitsAndWholeNumbersStayWhole() {
        assertThat(XyPlot.number(12)).isEqualTo("12");
        assertThat(XyPlot.number(-3)).isEqualTo("-3");
        assertThat(XyPlot.number(0.693147)).isEqualTo("0.6931");
        assertThat(XyPlot.number(0.0123456)).isEqualTo("0.01235");
        assertThat(XyPlot.number(0.00001234)).isEqualTo("1.234e-05");
        assertThat(XyPlot.number(98765.4321)).isEqualTo("98765.4");
    }

    private static Hit nearest(PlotData d, Area area, double x, double y) {
        return XyPlot.pick(d, area, x, y, LinePlot.distance(d, area, x, y));
    }

    private static Hit barAt(PlotData d, Area area, double x, double y) {
        return XyPlot.pick(d, area, x, y, BarPlot.column(d, area, x));
    }

    private static PlotData lines(PlotData.Series... series) {
        return new PlotData("Plot", "epoch", "epoch %s", "value", List.of(), new double[] {0, 10}, true,
                List.of(series), "none");
    }

    private static PlotData bars(PlotData.Series... series) {
        return new PlotData("Plot", "popularity fifth", "%s fifth", "share", List.of("1st", "2nd", "3rd"), null, true,
                List.of(series), "none");
    }

    private static PlotData.Series series(String name, double[] x, double[] y) {
        return new PlotData.Series(name, PlotData.COLOURS.getFirst(), x, y);
    }

    /** Ten points over x 0..10 with values in 0..1, one in five a gap. */
    private static PlotData.Series randomSeries(Random random, String name) {
        double[] x = new double[10];
        double[] y = new double[10];
        for (int k = 0; k < 10; k++) {
            x[k] = k + random.nextDouble();
            y[k] = random.nextInt(5) == 0 ? NAN : random.nextDouble();
        }
        return series(name, x, y);
    }

    private static double distance(PlotData d, Hit hit, double mx, double my) {
        PlotData.Series s = d.series().get(hit.series());
        return Math.hypot(AREA.x(s.x()[hit.index()]) - mx, AREA.y(s.y()[hit.index()]) - my);
    }
}
