package org.recausal.desktop.simulate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import javafx.geometry.VPos;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import org.recausal.engine.estimate.Interval;

/**
 * Effects of several scenarios side by side as a forest plot: one line per scenario and quantity, a dot at the
 * effect and a bar over its interval, on a shared axis with zero (no effect) marked. Drawn from plain shapes so it
 * exports as an image like any chart.
 */
public final class ForestPlot extends Region {

    private static final double ROW_HEIGHT = 26;
    private static final double AXIS_HEIGHT = 30;
    private static final double LABEL_WIDTH = 190;
    private static final double RIGHT_MARGIN = 24;
    private static final int TICKS = 5;

    private List<ComparisonRow> rows = List.of();

    public ForestPlot() {
        getStyleClass().add("forest-plot");
    }

    public void setRows(List<ComparisonRow> newRows) {
        rows = List.copyOf(newRows);
        requestLayout();
    }

    @Override
    protected double computePrefHeight(double width) {
        return rows.isEmpty() ? 0 : AXIS_HEIGHT + ROW_HEIGHT * rows.size() + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        getChildren().clear();
        if (rows.isEmpty()) {
            return;
        }
        double top = snappedTopInset();
        double left = snappedLeftInset() + LABEL_WIDTH;
        double right = getWidth() - snappedRightInset() - RIGHT_MARGIN;
        if (right - left < 40) {
            return;
        }
        double[] range = range();
        double span = range[1] - range[0];
        DoubleUnaryOperator x = v -> left + (v - range[0]) / span * (right - left);
        double bottom = top + ROW_HEIGHT * rows.size();
        for (double tick : ticks(range[0], range[1])) {
            Line grid = new Line(x.applyAsDouble(tick), top, x.applyAsDouble(tick), bottom);
            grid.getStyleClass().add(tick == 0 ? "forest-zero" : "forest-grid");
            Text label = text(BigDecimal.valueOf(tick).stripTrailingZeros().toPlainString(), "forest-tick");
            label.setX(x.applyAsDouble(tick) - label.getLayoutBounds().getWidth() / 2);
            label.setY(bottom + 6);
            getChildren().addAll(grid, label);
        }
        for (int i = 0; i < rows.size(); i++) {
            ComparisonRow row = rows.get(i);
            double y = top + ROW_HEIGHT * (i + 0.5);
            Text name = text(row.scenario() + " · " + row.effect().quantity(), "forest-label");
            name.setWrappingWidth(LABEL_WIDTH - 12);
            name.setTextAlignment(TextAlignment.RIGHT);
            name.setX(snappedLeftInset());
            name.setY(y);
            getChildren().add(name);
            Interval ci = row.effect().values().effectCi();
            if (ci != null && !Double.isNaN(ci.lower())) {
                double from = x.applyAsDouble(ci.lower());
                double to = x.applyAsDouble(ci.upper());
                for (Line part : List.of(new Line(from, y, to, y), new Line(from, y - 5, from, y + 5),
                        new Line(to, y - 5, to, y + 5))) {
                    part.getStyleClass().add("forest-interval");
                    getChildren().add(part);
                }
            }
            Circle dot = new Circle(x.applyAsDouble(row.effect().values().effect()), y, 3.5);
            dot.getStyleClass().add("forest-point");
            getChildren().add(dot);
        }
    }

    private static Text text(String content, String styleClass) {
        Text text = new Text(content);
        text.getStyleClass().add(styleClass);
        text.setTextOrigin(VPos.CENTER);
        return text;
    }

    /** The axis range: every interval and zero, with a little room either side. */
    private double[] range() {
        double lo = 0;
        double hi = 0;
        for (ComparisonRow row : rows) {
            Interval ci = row.effect().values().effectCi();
            double effect = row.effect().values().effect();
            lo = Math.min(lo, ci == null || Double.isNaN(ci.lower()) ? effect : Math.min(effect, ci.lower()));
            hi = Math.max(hi, ci == null || Double.isNaN(ci.upper()) ? effect : Math.max(effect, ci.upper()));
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        double pad = 0.06 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }

    /** Round tick values within [lo, hi], zero among them when it lies inside. */
    static List<Double> ticks(double lo, double hi) {
        double raw = (hi - lo) / TICKS;
        int exponent = (int) Math.floor(Math.log10(raw));
        double magnitude = Math.pow(10, exponent);
        double nice = 10;
        for (double candidate : new double[] {1, 2, 2.5, 5}) {
            if (candidate * magnitude >= raw) {
                nice = candidate;
                break;
            }
        }
        // k * nice scaled by a power of ten, divided when it is negative: 3 * 2 / 10 is 0.6 exactly, 3 * 0.2 is not.
        double power = Math.pow(10, Math.abs(exponent));
        List<Double> ticks = new ArrayList<>();
        double step = nice * magnitude;
        for (long k = (long) Math.ceil(lo / step); k * step <= hi + 1e-9 * step; k++) {
            double tick = exponent < 0 ? k * nice / power : k * nice * power;
            ticks.add(tick == 0 ? 0.0 : tick);
        }
        return ticks;
    }
}
