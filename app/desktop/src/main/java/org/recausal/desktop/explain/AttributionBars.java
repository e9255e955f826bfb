package org.recausal.desktop.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.paint.Color;

import org.recausal.engine.explain.Attribution;
import org.recausal.engine.explain.Attributions;
import org.recausal.engine.explain.Explanation;
import org.recausal.engine.explain.HistoryItem;

/**
 * The Shapley attributions of a score as signed bars, largest first: blue bars raise the item's score, orange
 * ones lower it, whiskers give the 95% interval where the values were sampled. Items of the counterfactual set are
 * marked; clicking a bar highlights its history item in every linked view.
 */
public final class AttributionBars extends PaintedView {
    private static final double PAD = 10;
    private static final double LEGEND = 26;
    private static final double ROW = 22;
    private static final double BAR = 14;
    private static final double POSITION_WIDTH = 34;
    private static final double MAX_LABEL = 200;
    private static final double VALUE_ROOM = 64;
    private static final Color RAISES = Color.web("#2171b5");
    private static final Color LOWERS = Color.web("#e6550d");
    private static final Color TEXT = Color.web("#1f2630");
    private static final Color MUTED = Color.web("#5b6573");
    private static final Color AXIS = Color.web("#a7adb8");
    private static final Color HIGHLIGHT = Color.web("#e8590c");
    private static final Color HIGHLIGHT_BACK = Color.web("#fff1e6");

    /** One bar: the history item's heatmap row, its label, its value and standard error. */
    record Bar(int row, int fromEnd, String item, double value, double standardError, boolean removed) {
    }

    private final ObjectProperty<Explanation> explanation = new SimpleObjectProperty<>(this, "explanation");
    private final IntegerProperty highlightedRow = new SimpleIntegerProperty(this, "highlightedRow", -1);
    private List<Bar> bars = List.of();

    public AttributionBars() {
        setId("attributionBars");
        explanation.addListener((_, _, e) -> {
            bars = bars(e);
            requestLayout();
            repaint();
        });
        highlightedRow.addListener((_, _, _) -> repaint());
        setOnMouseClicked(e -> {
            int index = (int) Math.floor((e.getY() - PAD - LEGEND) / ROW);
            if (e.getY() >= PAD + LEGEND && index < bars.size()) {
                highlightedRow.set(bars.get(index).row());
            }
        });
    }

    public ObjectProperty<Explanation> explanationProperty() {
        return explanation;
    }

    /** The history row highlighted here and in the linked views; -1 for none. */
    public IntegerProperty highlightedRowProperty() {
        return highlightedRow;
    }

    /** The bars as drawn, top to bottom. */
    List<Bar> bars() {
        return bars;
    }

    static List<Bar> bars(Explanation e) {
        if (e == null) {
            return List.of();
        }
        int length = e.history().size();
        int firstRow = length - e.attention().window().size();
        Set<Integer> removed = e.counterfactual().removed().stream().map(HistoryItem::position)
                .collect(Collectors.toSet());
        List<Bar> list = new ArrayList<>();
        for (Attribution a : e.attributions().values()) {
            list.add(new Bar(a.position() - firstRow, length - a.position(), a.name(), a.value(), a.standardError(),
                    removed.contains(a.position())));
        }
        list.sort(Comparator.comparingDouble(Bar::value).reversed());
        return List.copyOf(list);
    }

    @Override
    void paint(Painter p, double width, double height) {
        Explanation e = explanation.get();
        if (e == null || bars.isEmpty()) {
            p.text(e == null ? "Pick a recommendation to see what each past item adds to its score."
                    : "The user has no history, so nothing in it explains the score.", PAD, PAD + 16,
                    Painter.Align.LEFT, false, MUTED);
            return;
        }
        boolean sampled = !Attributions.EXACT.equals(e.attributions().method());
        paintLegend(p, sampled);
        double label = labelWidth();
        double left = PAD + label + VALUE_ROOM;
        double right = width - PAD - VALUE_ROOM;
        double low = 0;
        double high = 0;
        for (Bar b : bars) {
            double reach = sampled ? 1.96 * b.standardError() : 0;
            low = Math.min(low, b.value() - reach);
            high = Math.max(high, b.value() + reach);
        }
        double span = high - low > 0 ? high - low : 1;
        double scale = Math.max(1, right - left) / span;
        double zero = left - low * scale;
        double top = PAD + LEGEND;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = top + i * ROW;
            boolean marked = b.row() == highlightedRow.get();
            if (marked) {
                p.fill(PAD, y, width - 2 * PAD, ROW, HIGHLIGHT_BACK);
            }
            double baseline = y + ROW / 2 + 4;
            p.text("\u2212" + b.fromEnd(), PAD + POSITION_WIDTH - 6, baseline, Painter.Align.RIGHT, false, MUTED);
            String name = b.removed() ? b.item() + " \u2715" : b.item();
            p.text(FxPainter.fit(name, label - POSITION_WIDTH - 6, marked), PAD + POSITION_WIDTH, baseline,
                    Painter.Align.LEFT, marked || b.removed(), marked ? HIGHLIGHT : TEXT);
            double end = zero + b.value() * scale;
            p.fill(Math.min(zero, end), y + (ROW - BAR) / 2, Math.abs(end - zero), BAR, b.value() >= 0 ? RAISES : LOWERS);
            if (sampled && b.standardError() > 0) {
                double from = zero + (b.value() - 1.96 * b.standardError()) * scale;
                double to = zero + (b.value() + 1.96 * b.standardError()) * scale;
                p.line(from, y + ROW / 2, to, y + ROW / 2, TEXT, 1);
                p.line(from, y + ROW / 2 - 3, from, y + ROW / 2 + 3, TEXT, 1);
                p.line(to, y + ROW / 2 - 3, to, y + ROW / 2 + 3, TEXT, 1);
            }
            String value = String.format(Locale.ROOT, "%+.3f", b.value());
            if (b.value() >= 0) {
                p.text(value, Math.max(end, sampled ? zero + (b.value() + 1.96 * b.standardError()) * scale : end) + 6,
                        baseline, Painter.Align.LEFT, false, TEXT);
            } else {
                p.text(value, Math.min(end, sampled ? zero + (b.value() - 1.96 * b.standardError()) * scale : end) - 6,
                        baseline, Painter.Align.RIGHT, false, TEXT);
            }
        }
        p.line(zero, top - 2, zero, top + bars.size() * ROW + 2, AXIS, 1);
    }

    private static void paintLegend(Painter p, boolean sampled) {
        double x = PAD;
        double y = PAD + 12;
        x = swatch(p, x, y, RAISES, "raises the score");
        x = swatch(p, x, y, LOWERS, "lowers the score");
        p.text("\u2715 in the counterfactual set", x, y, Painter.Align.LEFT, false, MUTED);
        if (sampled) {
            p.text("whiskers: 95% interval of the sampled value",
                    x + FxPainter.width("\u2715 in the counterfactual set", false) + 18, y, Painter.Align.LEFT, false,
                    MUTED);
        }
    }

    private static double swatch(Painter p, double x, double y, Color colour, String text) {
        p.fill(x, y - 10, 12, 12, colour);
        p.text(text, x + 18, y, Painter.Align.LEFT, false, TEXT);
        return x + 18 + FxPainter.width(text, false) + 18;
    }

    private double labelWidth() {
        double widest = 60;
        for (Bar b : bars) {
            widest = Math.max(widest, FxPainter.width(b.item() + " \u2715", true));
        }
        return Math.min(MAX_LABEL, widest) + POSITION_WIDTH + 10;
    }

    @Override
    double contentHeight(double width) {
        return 2 * PAD + LEGEND + Math.max(1, bars.size()) * ROW;
    }

    @Override
    double contentWidth() {
        return 2 * PAD + labelWidth() + 2 * VALUE_ROOM + 260;
    }
}
