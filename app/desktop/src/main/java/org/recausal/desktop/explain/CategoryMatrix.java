package org.recausal.desktop.explain;

import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

import org.recausal.desktop.chart.SvgPainter;
import org.recausal.engine.explain.CategoryAttention;

/**
 * Category-to-category attention as a table of shaded cells: row a, column b is the share of the attention that
 * positions holding items of category a pay to earlier items of category b (rows sum to 1), in the heatmap's
 * colours from 0 to 1, with the colour scale under it.
 */
public final class CategoryMatrix extends GridPane {
    private static final double CELL = 68;
    private static final int LEGEND_STEPS = 5;
    private static final Insets LEGEND_GAP = new Insets(12, 0, 0, 0);

    private final ObjectProperty<CategoryAttention> attention = new SimpleObjectProperty<>(this, "attention");

    public CategoryMatrix() {
        setId("categoryMatrix");
        getStyleClass().add("category-matrix");
        attention.addListener((_, _, now) -> fill(now));
    }

    public ObjectProperty<CategoryAttention> attentionProperty() {
        return attention;
    }

    private void fill(CategoryAttention a) {
        getChildren().clear();
        if (a == null) {
            return;
        }
        int n = a.categories().size();
        add(header("from \u2193  to \u2192"), 0, 0);
        for (int c = 0; c < n; c++) {
            Label to = header(a.categories().get(c));
            GridPane.setHalignment(to, HPos.CENTER);
            add(to, c + 1, 0);
        }
        for (int r = 0; r < n; r++) {
            add(header(a.categories().get(r)), 0, r + 1);
            for (int c = 0; c < n; c++) {
                double share = a.shares()[r][c];
                Label cell = cell(share);
                cell.setTooltip(new Tooltip(String.format(Locale.ROOT, "%s \u2192 %s: %.4f of the attention of %s items",
                        a.categories().get(r), a.categories().get(c), share, a.categories().get(r))));
                add(cell, c + 1, r + 1);
            }
        }
        Label scale = header("Colour scale");
        GridPane.setMargin(scale, LEGEND_GAP);
        add(scale, 0, n + 1);
        for (int s = 0; s < LEGEND_STEPS; s++) {
            Label step = cell(s / (double) (LEGEND_STEPS - 1));
            GridPane.setMargin(step, LEGEND_GAP);
            add(step, s + 1, n + 1);
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("category-header");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label cell(double share) {
        Label cell = new Label(String.format(Locale.ROOT, "%.2f", share));
        cell.getStyleClass().add("category-cell");
        cell.setMinSize(CELL, 28);
        cell.setPrefSize(CELL, 28);
        cell.setStyle("-fx-background-color: " + SvgPainter.hex(ColourScale.colour(share, 1)) + "; -fx-text-fill: "
                + SvgPainter.hex(ColourScale.textOn(share, 1)) + ";");
        return cell;
    }
}
