package org.recausal.engine.explain;

import java.util.List;

import org.recausal.engine.recsys.sasrec.AttentionMap;

/**
 * SASRec's attention behind one score. The model reads the last {@code maxLength} items of the history (the
 * window); its prediction comes from the latest item's position, so the heatmap shows that position's attention
 * over the window, per block and head, next to the attention rollout (Abnar &amp; Zuidema 2020): per block the
 * heads' mean attention mixed half and half with the identity for the residual connection, multiplied through
 * the blocks, last row. Rollout weights are non-negative and sum to 1 over the window.
 * @param window   the items the model read, oldest first (a suffix of the history)
 * @param lastRows [block][head][window position]: the latest position's attention weights (each row sums to 1)
 * @param rollout  [window position]: the rolled-out attention of the prediction over the window
 * @param map      the full attention matrices, every position over every earlier one
 */
public record AttentionView(List<HistoryItem> window, double[][][] lastRows, double[] rollout, AttentionMap map) {
    public int blocks() {
        return lastRows.length;
    }

    public int heads() {
        return lastRows.length == 0 ? 0 : lastRows[0].length;
    }
}
