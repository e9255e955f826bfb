package org.recausal.desktop.data;

import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * One column at a glance: name and type, the facts, and a small chart drawn on a canvas (a histogram, or bars of
 * the most frequent values with their labels). Hovering a bar tells its range or label and count.
 */
final class ColumnCard extends VBox {

    static final double CHART_WIDTH = 196;
    private static final double HISTOGRAM_HEIGHT = 56;
    private static final double CATEGORY_ROW = 17;
    private static final Color BAR = Color.web("#3567d4", 0.72);
    private static final Color BASELINE = Color.web("#c5cbd3");
    private static final Color TEXT = Color.web("#1f2630");
    private static final Color MUTED = Color.web("#5b6573");
    private static final Font SMALL = Font.font("System", 11);

    private final ColumnFacts facts;
    private final Canvas chart = new Canvas();
    private final Tooltip tip = new Tooltip();

    ColumnCard(ColumnFacts facts) {
        this.facts = facts;
        getStyleClass().add("column-card");
        setId("card-" + facts.name());
        Label name = new Label(facts.name());
        name.getStyleClass().add("card-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label type = new Label(facts.type());
        type.getStyleClass().addAll("type-badge", "type-" + facts.type());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox title = new HBox(6, name, gap, type);
        title.getStyleClass().add("card-title");
        getChildren().addAll(title, factGrid());
        if (!facts.chart().bars().isEmpty()) {
            getChildren().add(chart);
            draw();
            chart.setOnMouseMoved(e -> hover(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()));
            chart.setOnMouseExited(_ -> tip.hide());
            if (!facts.chart().note().isEmpty()) {
                Label note = new Label(facts.chart().note());
                note.getStyleClass().add("card-note");
                note.setWrapText(true);
                note.setMaxWidth(CHART_WIDTH);
                note.setMinHeight(Region.USE_PREF_SIZE);
                getChildren().add(note);
            }
        }
    }

    ColumnFacts facts() {
        return facts;
    }

    private GridPane factGrid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("card-facts");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints values = new ColumnConstraints();
        values.setHalignment(HPos.RIGHT);
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        int row = 0;
        for (ColumnFacts.Fact fact : facts.facts()) {
            Label label = new Label(fact.label());
            label.getStyleClass().add("fact-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(fact.value());
            value.getStyleClass().add("fact-value");
            grid.addRow(row++, label, value);
        }
        return grid;
    }

    private void draw() {
        ColumnFacts.Chart data = facts.chart();
        int bars = data.bars().size();
        double height = data.histogram() ? HISTOGRAM_HEIGHT + 16 : bars * CATEGORY_ROW;
        chart.setWidth(CHART_WIDTH);
        chart.setHeight(height);
        GraphicsContext g = chart.getGraphicsContext2D();
        g.clearRect(0, 0, CHART_WIDTH, height);
        g.setFont(SMALL);
        double max = Math.max(1, data.maxCount());
        if (data.histogram()) {
            double width = CHART_WIDTH / bars;
            g.setFill(BAR);
            for (int i = 0; i < bars; i++) {
                double h = HISTOGRAM_HEIGHT * data.bars().get(i).count() / max;
                // A bin with few rows still shows: at least one pixel.
                double shown = data.bars().get(i).count() > 0 ? Math.max(1, h) : 0;
                g.fillRect(i * width + (width > 4 ? 0.5 : 0), HISTOGRAM_HEIGHT - shown,
                        Math.max(1, width - (width > 4 ? 1 : 0)), shown);
            }
            g.setStroke(BASELINE);
            g.setLineWidth(1);
            g.strokeLine(0, HISTOGRAM_HEIGHT + 0.5, CHART_WIDTH, HISTOGRAM_HEIGHT + 0.5);
            g.setFill(MUTED);
            g.setTextBaseline(VPos.BOTTOM);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(data.low(), 0, HISTOGRAM_HEIGHT + 15);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(data.high(), CHART_WIDTH, HISTOGRAM_HEIGHT + 15);
            return;
        }
        double labelWidth = 74;
        double countWidth = 44;
        double barSpace = CHART_WIDTH - labelWidth - countWidth - 8;
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < bars; i++) {
            ColumnFacts.Bar bar = data.bars().get(i);
            double y = i * CATEGORY_ROW;
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(clip(bar.label(), 12), 0, y + CATEGORY_ROW / 2, labelWidth - 4);
            g.setFill(BAR);
            g.fillRect(labelWidth, y + 3, Math.max(1, barSpace * bar.count() / max), CATEGORY_ROW - 6);
            g.setFill(MUTED);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(Formats.count(bar.count()), CHART_WIDTH, y + CATEGORY_ROW / 2);
        }
    }

    private void hover(double x, double y, double screenX, double screenY) {
        ColumnFacts.Chart data = facts.chart();
        int index = data.histogram() ? (int) (x / (CHART_WIDTH / data.bars().size())) : (int) (y / CATEGORY_ROW);
        if (index < 0 || index >= data.bars().size()) {
            tip.hide();
            return;
        }
        ColumnFacts.Bar bar = data.bars().get(index);
        tip.setText(bar.label() + ": " + Formats.count(bar.count()) + " rows");
        tip.show(chart, screenX + 12, screenY + 12);
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "\u2026";
    }

    /** A card placeholder while the summaries are computed. */
    static BorderPane pending(String name) {
        Label label = new Label(name + " \u2014 summarising\u2026");
        label.getStyleClass().add("card-note");
        BorderPane pane = new BorderPane(label);
        pane.getStyleClass().add("column-card");
        return pane;
    }
}
