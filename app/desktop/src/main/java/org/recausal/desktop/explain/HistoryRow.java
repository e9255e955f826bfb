package org.recausal.desktop.explain;

/**
 * One item of the user's history as the model sees it.
 * @param row       the item's row in the heatmap (0 = oldest item of the window)
 * @param fromEnd   1 for the latest item, 2 for the one before, ...
 * @param item      the item's id
 * @param name      its name or category from the project's item table; null when unknown
 * @param time      when the interaction happened, formatted; empty when unknown
 * @param attention the aggregate attention the latest position paid to it (the heatmap's last column)
 */
public record HistoryRow(int row, int fromEnd, String item, String name, String time, double attention) {
}
