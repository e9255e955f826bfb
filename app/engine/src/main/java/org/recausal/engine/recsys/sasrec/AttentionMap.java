package org.recausal.engine.recsys.sasrec;

import java.util.List;

/**
 * Where SASRec looked when it scored a user's next item: for each block and head, row i holds the attention
 * weights of the i-th item of the history window over items 0..i (the rest of the row is 0). The last row is
 * the one that produces the recommendation.
 * @param items   the history window's items (external ids), oldest first
 * @param weights [block][head][i][j]
 */
public record AttentionMap(List<String> items, float[][][][] weights) {
    public int blocks() {
        return weights.length;
    }

    public int heads() {
        return weights.length == 0 ? 0 : weights[0].length;
    }

    /** The attention of the latest item (the one that makes the prediction) over the window, for a block and head. */
    public float[] lastRow(int block, int head) {
        float[][] map = weights[block][head];
        return map[map.length - 1].clone();
    }
}
