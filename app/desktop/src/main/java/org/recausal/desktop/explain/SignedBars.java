package org.recausal.desktop.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.paint.Color;

import org.recausal.desktop.chart.FxPainter;
import org.recausal.desktop.chart.PaintedView;
import org.recausal.desktop.chart.Painter;

/**
 * Signed horizontal bars from a zero line, one a row: blue bars for positive values, orange for negative, a whisker
 * for each value's interval where it has one, the value at the bar's end and a legend above saying what the colours
 * and whiskers mean. A chart may hold a second group, variables, drawn below its own header in their own colours
 * (teal and purple), with their legend entries. Clicking a bar makes its key the highlighted one, which linked
 * views follow.
 */
public final class SignedBars extends PaintedView {
    private static final double PAD = 10;
    private static final double LEGEND = 26;
    private static final double ROW = 22;
    private static final double BAR = 14;
    private static final double PREFIX_WIDTH = 34;
    private static final double MAX_LABEL = 260;
    private static final double VALUE_ROOM = 64;
    private static final Color POSITIVE = Color.web("#2171b5");
    private static final Color NEGATIVE = Color.web("#e6550d");
    private static final Color VARIABLE_POSITIVE = Color.web("#1b9e77");
    private static final Color VARIABLE_NEGATIVE = Color.web("#7570b3");
    static final String VARIABLES = "Variables";
    private static final Color TEXT = Color.web("#1f2630");
    private static final Color MUTED = Color.web("#5b6573");
    private static final Color AXIS = Color.web("#a7adb8");
    private static final Color HIGHLIGHT = Color.web("#e8590c");
    private static final Color HIGHLIGHT_BACK = Color.web("#fff1e6");

    /**
     * One bar.
     * @param key    what a click highlights (e.g. the history row), or -1
     * @param prefix a short muted tag before the label (e.g. "−3"), may be empty
     * @param low    the interval's lower end, NaN without one
     * @param marked drawn bold (e.g. part of the counterfactual set)
     */
    record Bar(int key, String prefix, String label, double value, double low, double high, boolean marked) {
        boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    /**
     * The bars top to bottom, the legend's words for the two signs, further legend entries, and the second group
     * of bars (variables) drawn under a {@value #VARIABLES} header, empty when there is none.
     */
    record Chart(List<Bar> bars, String positive, String negative, List<String> notes, String empty,
            List<Bar> variables) {
        Chart(List<Bar> bars, String positive, String negative, List<String> notes, String empty) {
            this(bars, positive, negative, notes, empty, List.of());
        }

        /** The rows as drawn: the bars, then the header (null) and the variables when there are any. */
        List<Bar> rows() {
            if (variables.isEmpty()) {
                return bars;
            }
            List<Bar> rows = new ArrayList<>(bars);
            rows.add(null);
            rows.addAll(variables);
            return rows;
        }
    }

    private final ObjectProperty<Chart> chart = new SimpleObjectProperty<>(this, "chart");
    private final IntegerProperty highlighted = new SimpleIntegerProperty(this, "highlighted", -1);

    public SignedBars() {
        getStyleClass().add("signed-bars");
        chart.addListener((_, _, _) -> {
            requestLayout();
            repaint();
        });
        highlighted.addListener((_, _, _) -> repaint());
        setOnMouseClicked(e -> {
            List<Bar> rows = rows();
            int index = (int) Math.floor((e.getY() - PAD - LEGEND) / ROW);
            if (e.getY() >= PAD + LEGEND && index < rows.size() && rows.get(index) != null && rows.get(index).key() >= 0) {
                highlighted.set(rows.get(index).key());
            }
        });
    }

    ObjectProperty<Chart> chartProperty() {
        return chart;
    }

    /** The key of the highlighted bar, shared with linked views; -1 for none. */
    public IntegerProperty highlightedProperty() {
        return highlighted;
    }

    /** The rows as drawn, top to bottom; null for the variables' header. */
    List<Bar> rows() {
        return chart.get() == null ? List.of() : chart.get().rows();
    }

    @Override
    protected void paint(Painter p, double width, double height) {
        Chart c = chart.get();
        if (c == null || c.rows().isEmpty()) {
            p.text(c == null ? "" : c.empty(), PAD, PAD + 16, Painter.Align.LEFT, false, MUTED);
            return;
        }
        paintLegend(p, c);
        List<Bar> rows = c.rows();
        double label = labelWidth();
        double left = PAD + label + VALUE_ROOM;
        double right = width - PAD - VALUE_ROOM;
        double low = 0;
        double high = 0;
        for (Bar b : rows) {
            if (b == null) {
                continue;
            }
            low = Math.min(low, b.hasInterval() ? Math.min(b.low(), b.value()) : b.value());
            high = Math.max(high, b.hasInterval() ? Math.max(b.high(), b.value()) : b.value());
        }
        double scale = Math.max(1, right - left) / (high - low > 0 ? high - low : 1);
        double zero = left - low * scale;
        double top = PAD + LEGEND;
        for (int i = 0; i < rows.size(); i++) {
            Bar b = rows.get(i);
            double y = top + i * ROW;
            double middle = y + ROW / 2;
            if (b == null) {
                p.text(VARIABLES, PAD, middle + 4, Painter.Align.LEFT, true, MUTED);
                p.line(PAD + FxPainter.width(VARIABLES, true) + 8, middle, width - PAD, middle, AXIS, 1);
                continue;
            }
            boolean variable = i > c.bars().size();
            boolean marked = b.key() >= 0 && b.key() == highlighted.get();
            if (marked) {
                p.fill(PAD, y, width - 2 * PAD, ROW, HIGHLIGHT_BACK);
            }
            double baseline = middle + 4;
            p.text(b.prefix(), PAD + PREFIX_WIDTH - 6, baseline, Painter.Align.RIGHT, false, MUTED);
            p.text(FxPainter.fit(b.label(), label - PREFIX_WIDTH - 6, marked || b.marked()), PAD + PREFIX_WIDTH,
                    baseline, Painter.Align.LEFT, marked || b.marked(), marked ? HIGHLIGHT : TEXT);
            double end = zero + b.value() * scale;
            p.fill(Math.min(zero, end), middle - BAR / 2, Math.abs(end - zero), BAR, b.value() >= 0
                    ? variable ? VARIABLE_POSITIVE : POSITIVE : variable ? VARIABLE_NEGATIVE : NEGATIVE);
            double reachRight = end;
            double reachLeft = end;
            if (b.hasInterval()) {
                double from = zero + b.low() * scale;
                double to = zero + b.high() * scale;
                p.line(from, middle, to, middle, TEXT, 1);
                p.line(from, middle - 3, from, middle + 3, TEXT, 1);
                p.line(to, middle - 3, to, middle + 3, TEXT, 1);
                reachRight = Math.max(end, to);
                reachLeft = Math.min(end, from);
            }
            String value = String.format(Locale.ROOT, "%+.3g", b.value());
            if (b.value() >= 0) {
                p.text(value, reachRight + 6, baseline, Painter.Align.LEFT, false, TEXT);
            } else {
                p.text(value, reachLeft - 6, baseline, Painter.Align.RIGHT, false, TEXT);
            }
        }
        p.line(zero, top - 2, zero, top + rows.size() * ROW + 2, AXIS, 1);
    }

    private static void paintLegend(Painter p, Chart c) {
        double y = PAD + 12;
        double x = swatch(p, PAD, y, POSITIVE, c.positive());
        x = swatch(p, x, y, NEGATIVE, c.negative());
        if (!c.variables().isEmpty()) {
            x = swatch(p, x, y, VARIABLE_POSITIVE, "variable raises");
            x = swatch(p, x, y, VARIABLE_NEGATIVE, "variable lowers");
        }
        for (String note : c.notes()) {
            p.text(note, x, y, Painter.Align.LEFT, false, MUTED);
            x += FxPainter.width(note, false) + 18;
        }
    }

    private static double swatch(Painter p, double x, double y, Color colour, String text) {
        p.fill(x, y - 10, 12, 12, colour);
        p.text(text, x + 18, y, Painter.Align.LEFT, false, TEXT);
        return x + 18 + FxPainter.width(text, false) + 18;
    }

    private double labelWidth() {
        double widest = 60;
        for (Bar b : rows()) {
            widest = Math.max(widest, b == null ? 0 : FxPainter.width(b.label(), true));
        }
        return Math.min(MAX_LABEL, widest) + PREFIX_WIDTH + 10;
    }

    @Override
    protected double contentHeight(double width) {
        return 2 * PAD + LEGEND + Math.max(1, rows().size()) * ROW;
    }

    @Override
    protected double contentWidth() {
        return 2 * PAD + labelWidth() + 2 * VALUE_ROOM + 260;
    }
}
