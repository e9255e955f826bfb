package org.recausal.desktop.explain;

import java.util.ArrayList;
import java.util.List;

import org.recausal.engine.explain.AttentionView;
import org.recausal.engine.explain.HistoryItem;

/**
 * What the heatmap shows: for each item of the user's history window (rows, oldest first), the attention the
 * latest position paid to it in each layer and head (columns), and the rollout over all of them. The latest
 * position's output is the user vector every candidate item is scored against, so these are the weights behind
 * every recommendation of this user.
 * @param items   the history window's item ids, oldest first
 * @param details what else is known of each of them (name or category, time; {@link HistoryLabels}), maybe empty
 * @param columns a name per column, e.g. "Layer 1 · head 2"
 * @param values  [row][column]
 */
public record AttentionGrid(List<String> items, List<String> details, List<Column> columns, double[][] values) {
    /** The last column: attention rolled out through the layers (Abnar &amp; Zuidema 2020). */
    public static final String ROLLOUT = "Rollout";

    /** One column of the heatmap: a layer's head, or an aggregate over layers and heads. */
    public record Column(String group, String name) {
        public String label() {
            return name.isEmpty() ? group : group + " · " + name;
        }
    }

    /** The latest position's attention in every layer and head, as the model computed it, then the rollout. */
    public static AttentionGrid of(AttentionView view) {
        return of(view, HistoryLabels.NONE);
    }

    /** As {@link #of(AttentionView)}, each row described by {@code labels}. */
    public static AttentionGrid of(AttentionView view, HistoryLabels labels) {
        int rows = view.window().size();
        List<Column> columns = new ArrayList<>();
        List<double[]> data = new ArrayList<>();
        for (int b = 0; b < view.blocks(); b++) {
            for (int h = 0; h < view.heads(); h++) {
                columns.add(new Column("Layer " + (b + 1), "head " + (h + 1)));
                data.add(view.lastRows()[b][h]);
            }
        }
        columns.add(new Column(ROLLOUT, ""));
        data.add(view.rollout());
        double[][] values = new double[rows][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            for (int r = 0; r < rows; r++) {
                values[r][c] = data.get(c)[r];
            }
        }
        return new AttentionGrid(view.window().stream().map(HistoryItem::item).toList(),
                view.window().stream().map(labels::detail).toList(), List.copyOf(columns), values);
    }

    /** The row's item id followed by what else is known of it. */
    public String rowLabel(int row) {
        String detail = details.get(row);
        return detail.isEmpty() ? items.get(row) : items.get(row) + " · " + detail;
    }

    public int rowCount() {
        return items.size();
    }

    public int columnCount() {
        return columns.size();
    }

    public double value(int row, int column) {
        return values[row][column];
    }

    /** The largest weight shown: the top of the colour scale. */
    public double max() {
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        return max;
    }
}
