package org.recausal.desktop.chart;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javafx.scene.paint.Color;

/**
 * What an {@link XyPlot} shows, and the rows its CSV export writes: named series of (x, y) points, and the axes'
 * names. With categories, x is a category's index and the axis shows the category's name.
 *
 * @param xPoint     how a hover text names one x value, {@code %s} standing for the value or category name:
 *                   "epoch %s" reads "epoch 37"
 * @param categories the x axis' category names, or empty for a numeric x axis
 * @param xRange     the numeric x axis' extent, or null to fit the points
 * @param fromZero   whether the y axis starts at 0 (shares, hit rates) rather than fitting the points (losses)
 * @param empty      what the plot says while it has no points
 */
public record PlotData(String title, String xLabel, String xPoint, String yLabel, List<String> categories,
        double[] xRange, boolean fromZero, List<Series> series, String empty) {

    /** The colours of the plots' series, as the legends name them: the accent, teal, amber, purple, and grey. */
    public static final List<Color> COLOURS = List.of(Color.web("#3567d4"), Color.web("#0f8b8d"), Color.web("#d08c00"),
            Color.web("#8e5bb5"), Color.web("#a7adb8"));

    /** One named line or set of bars. NaN values are gaps. */
    public record Series(String name, Color colour, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length) {
                throw new IllegalArgumentException(name + ": " + x.length + " x values, " + y.length + " y values");
            }
        }
    }

    public PlotData {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }

    /** Whether any series has a point to draw. */
    public boolean hasPoints() {
        return series.stream().anyMatch(s -> Arrays.stream(s.y()).anyMatch(Double::isFinite));
    }
}
