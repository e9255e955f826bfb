package org.recausal.engine.recsys.sasrec;

/**
 * Where each SASRec weight lives in the one flat parameter array: item embeddings first (the only part whose
 * gradients are sparse), then the dense part: position embeddings, each block's layer norms, attention
 * projections and feed-forward layer, the final layer norm, and last the wide part's weights when the model reads
 * side features ({@link org.recausal.engine.recsys.features.SideFeatures}). Matrices are row-major [in x out].
 */
final class SasRecLayout {
    final int items;
    final int maxLength;
    final int dim;
    final int blocks;
    final int heads;
    final int itemEmbedding = 0;
    final int positionEmbedding;
    final int[] norm1Gain;
    final int[] norm1Bias;
    final int[] query;
    final int[] queryBias;
    final int[] key;
    final int[] keyBias;
    final int[] value;
    final int[] valueBias;
    final int[] norm2Gain;
    final int[] norm2Bias;
    final int[] ffn1;
    final int[] ffn1Bias;
    final int[] ffn2;
    final int[] ffn2Bias;
    final int finalGain;
    final int finalBias;
    /** Where the wide part's weights start; they run to the end. */
    final int wide;
    final int size;
    private int at;

    SasRecLayout(int items, SasRecConfig config) {
        this(items, config, 0);
    }

    /** @param wideWeights the side features' weight count, 0 without them */
    SasRecLayout(int items, SasRecConfig config, int wideWeights) {
        this.items = items;
        this.maxLength = config.maxLength();
        this.dim = config.dimension();
        this.blocks = config.blocks();
        this.heads = config.heads();
        int d = dim;
        at = items * d;
        positionEmbedding = take(maxLength * d);
        norm1Gain = new int[blocks];
        norm1Bias = new int[blocks];
        query = new int[blocks];
        queryBias = new int[blocks];
        key = new int[blocks];
        keyBias = new int[blocks];
        value = new int[blocks];
        valueBias = new int[blocks];
        norm2Gain = new int[blocks];
        norm2Bias = new int[blocks];
        ffn1 = new int[blocks];
        ffn1Bias = new int[blocks];
        ffn2 = new int[blocks];
        ffn2Bias = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            norm1Gain[b] = take(d);
            norm1Bias[b] = take(d);
            query[b] = take(d * d);
            queryBias[b] = take(d);
            key[b] = take(d * d);
            keyBias[b] = take(d);
            value[b] = take(d * d);
            valueBias[b] = take(d);
            norm2Gain[b] = take(d);
            norm2Bias[b] = take(d);
            ffn1[b] = take(d * d);
            ffn1Bias[b] = take(d);
            ffn2[b] = take(d * d);
            ffn2Bias[b] = take(d);
        }
        finalGain = take(d);
        finalBias = take(d);
        wide = take(wideWeights);
        size = at;
    }

    /** Reserves the next {@code length} weights and returns where they start. */
    private int take(int length) {
        int start = at;
        at += length;
        return start;
    }

    /** First index of the dense part (everything after the item embeddings). */
    int dense() {
        return positionEmbedding;
    }

    int denseSize() {
        return size - positionEmbedding;
    }
}
