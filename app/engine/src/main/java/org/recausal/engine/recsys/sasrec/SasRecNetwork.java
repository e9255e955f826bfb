package org.recausal.engine.recsys.sasrec;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.recausal.engine.recsys.Gemm;
import org.recausal.engine.recsys.features.SideFeatures;

/**
 * SASRec's forward and backward passes (Kang &amp; McAuley 2018, as in the authors' TensorFlow code) over a
 * chunk of sequences whose real tokens are packed row after row into [tokens x d] matrices; padding is never
 * computed, which changes nothing because padded positions are masked out of every real position's attention.
 * Per block: {@code q = LN1(x)}; causal single- or multi-head attention with queries from {@code q}, keys and
 * values from {@code x}, dropout on the attention weights; {@code a = attention + q}; {@code f = LN2(a)};
 * {@code x' = dropout(W2 dropout(relu(W1 f + b1)) + b2) + f}. Input: {@code dropout(E_item sqrt(d) + P_position)};
 * output: {@code LN(x)} dotted with the shared item embeddings; loss: binary cross-entropy of each position's
 * next item against one sampled negative. Positions count as in the left-padded input of length maxlen,
 * so the latest item always sits at position maxlen - 1. With side features, each logit also gains the wide part of
 * the sequence's user and the item ({@link WideLogits}).
 */
final class SasRecNetwork {
    static final float NORM_EPSILON = 1e-8f;

    private final SasRecLayout layout;
    private final float dropout;
    private final WideLogits wide;

    SasRecNetwork(SasRecLayout layout, float dropout) {
        this(layout, dropout, null);
    }

    /** @param features the side features the logits read, or null */
    SasRecNetwork(SasRecLayout layout, float dropout, SideFeatures features) {
        this.layout = layout;
        this.dropout = dropout;
        this.wide = features == null ? null : new WideLogits(features, layout.wide);
    }

    SasRecLayout layout() {
        return layout;
    }

    float dropoutRate() {
        return dropout;
    }

    /** The tokens of a few sequences, every activation the backward pass needs, and the chunk's gradients. */
    static final class Chunk {
        final int capacitySequences;
        final int capacityTokens;
        int sequences;
        int tokens;
        final int[] start;
        /** Each sequence's user, for the side features. */
        final int[] user;
        final int[] item;
        final int[] position;
        final int[] positive;
        final int[] negative;
        final float[] inputMask;
        final float[][] in;
        final float[][] normed1;
        final float[][] xhat1;
        final float[][] rstd1;
        final float[][] q;
        final float[][] k;
        final float[][] v;
        final float[][] probs;
        final float[][] probMask;
        final int[] probStart;
        final float[][] normed2;
        final float[][] xhat2;
        final float[][] rstd2;
        final float[][] hidden;
        final float[][] hiddenMask;
        final float[][] hiddenDropped;
        final float[][] outputMask;
        final float[] xhatFinal;
        final float[] rstdFinal;
        final float[] out;
        final float[] positiveLogit;
        final float[] negativeLogit;
        final float[][] scratch;
        final float[] rowScratch;
        final float[] denseGrad;
        final int[] slotOfItem;
        int[] touched;
        float[] itemGrad;
        int touchedCount;

        Chunk(SasRecLayout l, int sequences, boolean training) {
            int d = l.dim;
            int b = l.blocks;
            capacitySequences = sequences;
            capacityTokens = sequences * l.maxLength;
            int td = capacityTokens * d;
            start = new int[sequences + 1];
            user = new int[sequences];
            item = new int[capacityTokens];
            position = new int[capacityTokens];
            positive = new int[capacityTokens];
            negative = new int[capacityTokens];
            inputMask = new float[td];
            in = new float[b + 1][td];
            normed1 = new float[b][td];
            xhat1 = new float[b][td];
            rstd1 = new float[b][capacityTokens];
            q = new float[b][td];
            k = new float[b][td];
            v = new float[b][td];
            int probSize = sequences * l.maxLength * l.maxLength * l.heads;
            probs = new float[b][probSize];
            probMask = new float[b][training ? probSize : 0];
            probStart = new int[sequences + 1];
            normed2 = new float[b][td];
            xhat2 = new float[b][td];
            rstd2 = new float[b][capacityTokens];
            hidden = new float[b][td];
            hiddenMask = new float[b][training ? td : 0];
            hiddenDropped = new float[b][td];
            outputMask = new float[b][training ? td : 0];
            xhatFinal = new float[td];
            rstdFinal = new float[capacityTokens];
            out = new float[td];
            positiveLogit = new float[capacityTokens];
            negativeLogit = new float[capacityTokens];
            scratch = new float[6][td];
            rowScratch = new float[l.maxLength];
            denseGrad = new float[training ? l.denseSize() : 0];
            slotOfItem = new int[training ? l.items : 0];
            Arrays.fill(slotOfItem, -1);
            touched = new int[training ? capacityTokens * 3 : 0];
            itemGrad = new float[training ? capacityTokens * 3 * d : 0];
        }

        /** Starts filling: no sequences yet. */
        void clear() {
            sequences = 0;
            tokens = 0;
            start[0] = 0;
            probStart[0] = 0;
        }

        /**
         * Adds a sequence of {@code length} tokens (its items copied from {@code items[from..]}) placed at the
         * end of the left-padded window; targets are filled by the caller at {@link #start}.
         */
        void addSequence(int[] items, int from, int length, int maxLength, int heads) {
            int t0 = tokens;
            for (int j = 0; j < length; j++) {
                item[t0 + j] = items[from + j];
                position[t0 + j] = maxLength - length + j;
            }
            tokens += length;
            sequences++;
            start[sequences] = tokens;
            probStart[sequences] = probStart[sequences - 1] + heads * length * length;
        }
    }

    /** Draws the chunk's dropout masks, each sequence from its own generator, in a fixed order. */
    void drawMasks(Chunk c, SplittableRandom[] random) {
        int d = layout.dim;
        float keep = 1 - dropout;
        float scale = 1 / keep;
        for (int s = 0; s < c.sequences; s++) {
            SplittableRandom r = random[s];
            int from = c.start[s] * d;
            int to = c.start[s + 1] * d;
            fillMask(c.inputMask, from, to, r, keep, scale);
            for (int b = 0; b < layout.blocks; b++) {
                fillMask(c.probMask[b], c.probStart[s], c.probStart[s + 1], r, keep, scale);
                fillMask(c.hiddenMask[b], from, to, r, keep, scale);
                fillMask(c.outputMask[b], from, to, r, keep, scale);
            }
        }
    }

    private static void fillMask(float[] mask, int from, int to, SplittableRandom r, float keep, float scale) {
        for (int i = from; i < to; i++) {
            mask[i] = r.nextFloat() < keep ? scale : 0f;
        }
    }

    /**
     * Forward pass; {@code training} applies the drawn dropout masks, inference computes attention with matrix
     * products ({@link #inferenceAttention}). Leaves the final states in {@code c.out}.
     */
    void forward(Chunk c, float[] w, boolean training) {
        embed(c, w, training);
        for (int b = 0; b < layout.blocks; b++) {
            block(c, w, b, training);
        }
        layerNorm(c.in[layout.blocks], c.tokens, w, layout.finalGain, layout.finalBias, c.xhatFinal, c.rstdFinal, c.out);
    }

    /**
     * Inference of the final state of each sequence's latest position only, left in row {@code s} of {@code c.out}
     * for sequence {@code s}; the attention weights are not kept. The blocks before the last run over every
     * position, since the last block's keys and values read them all; the last block computes its query, attention,
     * feed-forward and the final normalisation for the latest positions alone. The same values as {@link #forward}
     * up to float rounding (products over fewer rows, sums in another order).
     */
    void forwardLatest(Chunk c, float[] w) {
        int last = layout.blocks - 1;
        int d = layout.dim;
        int m = c.sequences;
        embed(c, w, false);
        for (int b = 0; b < last; b++) {
            block(c, w, b, false);
        }
        float[] in = c.in[last];
        float[] latest = c.scratch[1];
        for (int s = 0; s < m; s++) {
            System.arraycopy(in, (c.start[s + 1] - 1) * d, latest, s * d, d);
        }
        float[] normed1 = c.normed1[last];
        layerNorm(latest, m, w, layout.norm1Gain[last], layout.norm1Bias[last], c.xhat1[last], c.rstd1[last], normed1);
        linear(normed1, m, w, layout.query[last], layout.queryBias[last], c.q[last]);
        linear(in, c.tokens, w, layout.key[last], layout.keyBias[last], c.k[last]);
        linear(in, c.tokens, w, layout.value[last], layout.valueBias[last], c.v[last]);
        int dh = d / layout.heads;
        float[] attended = c.scratch[0];
        Arrays.fill(attended, 0, m * d, 0f);
        for (int s = 0; s < m; s++) {
            int len = c.start[s + 1] - c.start[s];
            for (int h = 0; h < layout.heads; h++) {
                latestAttention(c, c.q[last], c.k[last], c.v[last], c.start[s], len, h * dh, s, attended);
            }
        }
        feedForward(c, w, last, m, attended, false);
        layerNorm(c.in[layout.blocks], m, w, layout.finalGain, layout.finalBias, c.xhatFinal, c.rstdFinal, c.out);
    }

    /** The input of the first block: {@code dropout(E_item sqrt(d) + P_position)}. */
    private void embed(Chunk c, float[] w, boolean training) {
        int d = layout.dim;
        float embeddingScale = (float) Math.sqrt(d);
        float[] x = c.in[0];
        for (int t = 0; t < c.tokens; t++) {
            int e = layout.itemEmbedding + c.item[t] * d;
            int p = layout.positionEmbedding + c.position[t] * d;
            for (int j = 0; j < d; j++) {
                float value = w[e + j] * embeddingScale + w[p + j];
                x[t * d + j] = training && dropout > 0 ? value * c.inputMask[t * d + j] : value;
            }
        }
    }

    /** Block {@code b} over every position: {@code c.in[b]} to {@code c.in[b + 1]}. */
    private void block(Chunk c, float[] w, int b, boolean training) {
        int n = c.tokens;
        float[] in = c.in[b];
        layerNorm(in, n, w, layout.norm1Gain[b], layout.norm1Bias[b], c.xhat1[b], c.rstd1[b], c.normed1[b]);
        linear(c.normed1[b], n, w, layout.query[b], layout.queryBias[b], c.q[b]);
        linear(in, n, w, layout.key[b], layout.keyBias[b], c.k[b]);
        linear(in, n, w, layout.value[b], layout.valueBias[b], c.v[b]);
        float[] attended = c.scratch[0];
        if (training) {
            attention(c, b, dropout > 0, attended);
        } else {
            int d = layout.dim;
            int dh = d / layout.heads;
            Arrays.fill(attended, 0, n * d, 0f);
            for (int s = 0; s < c.sequences; s++) {
                int len = c.start[s + 1] - c.start[s];
                for (int h = 0; h < layout.heads; h++) {
                    inferenceAttention(c.q[b], c.k[b], c.v[b], c.start[s], len, h * dh, c.probs[b],
                            c.probStart[s] + h * len * len, attended);
                }
            }
        }
        feedForward(c, w, b, n, attended, training && dropout > 0);
    }

    /**
     * The rest of block {@code b} for the first {@code n} rows: {@code a = attended + normed1},
     * {@code f = LN2(a)}, {@code c.in[b + 1] = dropout(W2 dropout(relu(W1 f + b1)) + b2) + f}.
     */
    private void feedForward(Chunk c, float[] w, int b, int n, float[] attended, boolean drop) {
        int d = layout.dim;
        float[] normed1 = c.normed1[b];
        for (int i = 0; i < n * d; i++) {
            attended[i] += normed1[i];
        }
        layerNorm(attended, n, w, layout.norm2Gain[b], layout.norm2Bias[b], c.xhat2[b], c.rstd2[b], c.normed2[b]);
        float[] hidden = c.hidden[b];
        linear(c.normed2[b], n, w, layout.ffn1[b], layout.ffn1Bias[b], hidden);
        float[] dropped = c.hiddenDropped[b];
        for (int i = 0; i < n * d; i++) {
            float h = Math.max(0f, hidden[i]);
            hidden[i] = h;
            dropped[i] = drop ? h * c.hiddenMask[b][i] : h;
        }
        float[] next = c.in[b + 1];
        linear(dropped, n, w, layout.ffn2[b], layout.ffn2Bias[b], next);
        float[] normed2 = c.normed2[b];
        for (int i = 0; i < n * d; i++) {
            next[i] = (drop ? next[i] * c.outputMask[b][i] : next[i]) + normed2[i];
        }
    }

    /** Causal attention per sequence and head; writes the (dropped-out) weighted values into {@code result}. */
    private void attention(Chunk c, int b, boolean drop, float[] result) {
        int d = layout.dim;
        int heads = layout.heads;
        int dh = d / heads;
        float scale = (float) (1 / Math.sqrt(dh));
        float[] q = c.q[b];
        float[] k = c.k[b];
        float[] v = c.v[b];
        float[] probs = c.probs[b];
        float[] mask = c.probMask[b];
        Arrays.fill(result, 0, c.tokens * d, 0f);
        for (int s = 0; s < c.sequences; s++) {
            int t0 = c.start[s];
            int len = c.start[s + 1] - t0;
            for (int h = 0; h < heads; h++) {
                int base = c.probStart[s] + h * len * len;
                int col = h * dh;
                for (int i = 0; i < len; i++) {
                    int qi = (t0 + i) * d + col;
                    float max = Float.NEGATIVE_INFINITY;
                    int row = base + i * len;
                    for (int j = 0; j <= i; j++) {
                        int kj = (t0 + j) * d + col;
                        float dot = 0f;
                        for (int e = 0; e < dh; e++) {
                            dot += q[qi + e] * k[kj + e];
                        }
                        dot *= scale;
                        probs[row + j] = dot;
                        max = Math.max(max, dot);
                    }
                    float sum = 0f;
                    for (int j = 0; j <= i; j++) {
                        float ex = (float) Math.exp(probs[row + j] - max);
                        probs[row + j] = ex;
                        sum += ex;
                    }
                    float inv = 1f / sum;
                    int oi = (t0 + i) * d + col;
                    for (int j = 0; j <= i; j++) {
                        float p = probs[row + j] * inv;
                        probs[row + j] = p;
                        float a = drop ? p * mask[row + j] : p;
                        if (a == 0f) {
                            continue;
                        }
                        int vj = (t0 + j) * d + col;
                        for (int e = 0; e < dh; e++) {
                            result[oi + e] += a * v[vj + e];
                        }
                    }
                    for (int j = i + 1; j < len; j++) {
                        probs[row + j] = 0f;
                    }
                }
            }
        }
    }

    /**
     * Causal attention of every position of one sequence (tokens {@code t0..t0+len-1}) and one head, without
     * dropout, for inference: the scores {@code Q K^T} and the weighted values {@code P V} are two matrix products
     * (through {@link Gemm}; the training pass's loops are several times slower on full windows), the weights are
     * left in {@code probs} (a len x len matrix at {@code base}) and the values added to {@code result}. Equal to
     * {@link #attention} up to the rounding of the sums' order.
     */
    private void inferenceAttention(float[] q, float[] k, float[] v, int t0, int len, int col, float[] probs, int base,
            float[] result) {
        int d = layout.dim;
        int dh = d / layout.heads;
        float scale = (float) (1 / Math.sqrt(dh));
        int at = t0 * d + col;
        Gemm.gemm(false, true, len, len, dh, scale, q, at, d, k, at, d, 0f, probs, base, len);
        for (int i = 0; i < len; i++) {
            softmax(probs, base + i * len, i + 1);
            Arrays.fill(probs, base + i * len + i + 1, base + (i + 1) * len, 0f);
        }
        Gemm.gemm(false, false, len, dh, len, 1f, probs, base, len, v, at, d, 1f, result, at, d);
    }

    /**
     * The latest position's attention over all {@code len} positions of one sequence and head, without dropout:
     * its query is row {@code qRow} of {@code q} and its weighted values are added to that row of {@code result}.
     */
    private void latestAttention(Chunk c, float[] q, float[] k, float[] v, int t0, int len, int col, int qRow,
            float[] result) {
        int d = layout.dim;
        int dh = d / layout.heads;
        float scale = (float) (1 / Math.sqrt(dh));
        float[] weights = c.rowScratch;
        int qi = qRow * d + col;
        for (int j = 0; j < len; j++) {
            int kj = (t0 + j) * d + col;
            float dot = 0f;
            for (int e = 0; e < dh; e++) {
                dot += q[qi + e] * k[kj + e];
            }
            weights[j] = dot * scale;
        }
        softmax(weights, 0, len);
        for (int j = 0; j < len; j++) {
            float p = weights[j];
            int vj = (t0 + j) * d + col;
            for (int e = 0; e < dh; e++) {
                result[qi + e] += p * v[vj + e];
            }
        }
    }

    /** Softmax of {@code x[from..from+n-1]} in place. */
    private static void softmax(float[] x, int from, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = from; j < from + n; j++) {
            max = Math.max(max, x[j]);
        }
        float sum = 0f;
        for (int j = from; j < from + n; j++) {
            float ex = (float) Math.exp(x[j] - max);
            x[j] = ex;
            sum += ex;
        }
        float inv = 1f / sum;
        for (int j = from; j < from + n; j++) {
            x[j] *= inv;
        }
    }

    /**
     * Logits of each token's next item and of its negative, and the summed binary cross-entropy.
     */
    double logits(Chunk c, float[] w) {
        int d = layout.dim;
        for (int t = 0; t < c.tokens; t++) {
            c.positiveLogit[t] = dot(c.out, t * d, w, layout.itemEmbedding + c.positive[t] * d, d);
            c.negativeLogit[t] = dot(c.out, t * d, w, layout.itemEmbedding + c.negative[t] * d, d);
        }
        if (wide != null) {
            wide.addLogits(c, w);
        }
        double loss = 0;
        for (int t = 0; t < c.tokens; t++) {
            loss += softplus(-c.positiveLogit[t]) + softplus(c.negativeLogit[t]);
        }
        return loss;
    }

    /** -ln sigmoid(-x) = ln(1 + e^x), without overflow. */
    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /**
     * Backward pass of {@code lossScale} times the summed loss; adds the dense gradients into
     * {@code c.denseGrad} and the item-embedding rows into the chunk's sparse rows.
     */
    void backward(Chunk c, float[] w, float lossScale, boolean training) {
        int d = layout.dim;
        int n = c.tokens;
        int nd = n * d;
        int dense = layout.dense();
        float[] g = c.denseGrad;
        float[] gx = c.scratch[1];
        if (wide != null) {
            wide.backward(c, lossScale, g, layout.wide - dense);
        }
        // Output: logits against the shared item embeddings.
        float[] dOut = c.scratch[0];
        for (int t = 0; t < n; t++) {
            float dp = lossScale * (sigmoid(c.positiveLogit[t]) - 1f);
            float dn = lossScale * sigmoid(c.negativeLogit[t]);
            int pe = layout.itemEmbedding + c.positive[t] * d;
            int ne = layout.itemEmbedding + c.negative[t] * d;
            for (int j = 0; j < d; j++) {
                dOut[t * d + j] = dp * w[pe + j] + dn * w[ne + j];
            }
            addItemGrad(c, c.positive[t], dp, c.out, t * d);
            addItemGrad(c, c.negative[t], dn, c.out, t * d);
        }
        layerNormBackward(dOut, n, w, layout.finalGain, g, layout.finalGain - dense, layout.finalBias - dense,
                c.xhatFinal, c.rstdFinal, gx, false);
        boolean drop = training && dropout > 0;
        float[] dF = c.scratch[0];
        float[] dNormed2 = c.scratch[2];
        float[] dHidden = c.scratch[3];
        for (int b = layout.blocks - 1; b >= 0; b--) {
            for (int i = 0; i < nd; i++) {
                dF[i] = drop ? gx[i] * c.outputMask[b][i] : gx[i];
                dNormed2[i] = gx[i];
            }
            linearBackward(c.hiddenDropped[b], dF, n, w, layout.ffn2[b], g, layout.ffn2[b] - dense,
                    layout.ffn2Bias[b] - dense, dHidden, 0f);
            float[] hidden = c.hidden[b];
            for (int i = 0; i < nd; i++) {
                float m = drop ? c.hiddenMask[b][i] : 1f;
                dHidden[i] = hidden[i] > 0f ? dHidden[i] * m : 0f;
            }
            linearBackward(c.normed2[b], dHidden, n, w, layout.ffn1[b], g, layout.ffn1[b] - dense,
                    layout.ffn1Bias[b] - dense, dNormed2, 1f);
            float[] dAttended = c.scratch[0];
            layerNormBackward(dNormed2, n, w, layout.norm2Gain[b], g, layout.norm2Gain[b] - dense,
                    layout.norm2Bias[b] - dense, c.xhat2[b], c.rstd2[b], dAttended, false);
            // Residual: the attention's input queries receive the gradient of its output directly.
            float[] dNormed1 = c.scratch[2];
            System.arraycopy(dAttended, 0, dNormed1, 0, nd);
            float[] dq = c.scratch[3];
            float[] dk = c.scratch[4];
            float[] dv = c.scratch[5];
            attentionBackward(c, b, drop, dAttended, dq, dk, dv);
            linearBackward(c.normed1[b], dq, n, w, layout.query[b], g, layout.query[b] - dense,
                    layout.queryBias[b] - dense, dNormed1, 1f);
            linearBackward(c.in[b], dk, n, w, layout.key[b], g, layout.key[b] - dense, layout.keyBias[b] - dense, gx, 0f);
            linearBackward(c.in[b], dv, n, w, layout.value[b], g, layout.value[b] - dense, layout.valueBias[b] - dense, gx, 1f);
            layerNormBackward(dNormed1, n, w, layout.norm1Gain[b], g, layout.norm1Gain[b] - dense,
                    layout.norm1Bias[b] - dense, c.xhat1[b], c.rstd1[b], gx, true);
        }
        float embeddingScale = (float) Math.sqrt(d);
        for (int t = 0; t < n; t++) {
            int p = layout.positionEmbedding - dense + c.position[t] * d;
            for (int j = 0; j < d; j++) {
                float dx = training && dropout > 0 ? gx[t * d + j] * c.inputMask[t * d + j] : gx[t * d + j];
                gx[t * d + j] = dx;
                g[p + j] += dx;
            }
            addItemGrad(c, c.item[t], embeddingScale, gx, t * d);
        }
    }

    private void attentionBackward(Chunk c, int b, boolean drop, float[] dOut, float[] dq, float[] dk, float[] dv) {
        int d = layout.dim;
        int heads = layout.heads;
        int dh = d / heads;
        float scale = (float) (1 / Math.sqrt(dh));
        float[] q = c.q[b];
        float[] k = c.k[b];
        float[] v = c.v[b];
        float[] probs = c.probs[b];
        float[] mask = c.probMask[b];
        float[] dp = c.rowScratch;
        int nd = c.tokens * d;
        Arrays.fill(dq, 0, nd, 0f);
        Arrays.fill(dk, 0, nd, 0f);
        Arrays.fill(dv, 0, nd, 0f);
        for (int s = 0; s < c.sequences; s++) {
            int t0 = c.start[s];
            int len = c.start[s + 1] - t0;
            for (int h = 0; h < heads; h++) {
                int base = c.probStart[s] + h * len * len;
                int col = h * dh;
                for (int i = 0; i < len; i++) {
                    int row = base + i * len;
                    int oi = (t0 + i) * d + col;
                    float weighted = 0f;
                    for (int j = 0; j <= i; j++) {
                        int vj = (t0 + j) * d + col;
                        float m = drop ? mask[row + j] : 1f;
                        float da = 0f;
                        for (int e = 0; e < dh; e++) {
                            da += dOut[oi + e] * v[vj + e];
                        }
                        float a = probs[row + j] * m;
                        if (a != 0f) {
                            for (int e = 0; e < dh; e++) {
                                dv[vj + e] += a * dOut[oi + e];
                            }
                        }
                        dp[j] = da * m;
                        weighted += dp[j] * probs[row + j];
                    }
                    int qi = (t0 + i) * d + col;
                    for (int j = 0; j <= i; j++) {
                        float ds = probs[row + j] * (dp[j] - weighted) * scale;
                        if (ds == 0f) {
                            continue;
                        }
                        int kj = (t0 + j) * d + col;
                        for (int e = 0; e < dh; e++) {
                            dq[qi + e] += ds * k[kj + e];
                            dk[kj + e] += ds * q[qi + e];
                        }
                    }
                }
            }
        }
    }

    /** {@code y = x W + bias} for n rows. */
    private void linear(float[] x, int n, float[] w, int weight, int bias, float[] y) {
        int d = layout.dim;
        Gemm.gemm(false, false, n, d, d, 1f, x, 0, d, w, weight, d, 0f, y, 0, d);
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < d; j++) {
                y[t * d + j] += w[bias + j];
            }
        }
    }

    /** Gradients of {@code y = x W + bias}: W and bias into {@code g}; {@code dx = beta dx + dy W^T}. */
    private void linearBackward(float[] x, float[] dy, int n, float[] w, int weight, float[] g, int gWeight, int gBias,
            float[] dx, float beta) {
        int d = layout.dim;
        Gemm.gemm(true, false, d, d, n, 1f, x, 0, d, dy, 0, d, 1f, g, gWeight, d);
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < d; j++) {
                g[gBias + j] += dy[t * d + j];
            }
        }
        Gemm.gemm(false, true, n, d, d, 1f, dy, 0, d, w, weight, d, beta, dx, 0, d);
    }

    /** Layer normalisation of each row: {@code gain (x - mean) / sqrt(var + eps) + bias}. */
    private void layerNorm(float[] x, int n, float[] w, int gain, int bias, float[] xhat, float[] rstd, float[] y) {
        int d = layout.dim;
        for (int t = 0; t < n; t++) {
            int o = t * d;
            float mean = 0f;
            for (int j = 0; j < d; j++) {
                mean += x[o + j];
            }
            mean /= d;
            float var = 0f;
            for (int j = 0; j < d; j++) {
                float c = x[o + j] - mean;
                var += c * c;
            }
            var /= d;
            float r = (float) (1 / Math.sqrt(var + NORM_EPSILON));
            rstd[t] = r;
            for (int j = 0; j < d; j++) {
                float h = (x[o + j] - mean) * r;
                xhat[o + j] = h;
                y[o + j] = w[gain + j] * h + w[bias + j];
            }
        }
    }

    /** Backward of {@link #layerNorm}: gain and bias gradients into {@code g}; {@code dx} set, or added to when {@code add}. */
    private void layerNormBackward(float[] dy, int n, float[] w, int gain, float[] g, int gGain, int gBias,
            float[] xhat, float[] rstd, float[] dx, boolean add) {
        int d = layout.dim;
        for (int t = 0; t < n; t++) {
            int o = t * d;
            float meanD = 0f;
            float meanDx = 0f;
            for (int j = 0; j < d; j++) {
                float dh = dy[o + j] * w[gain + j];
                g[gGain + j] += dy[o + j] * xhat[o + j];
                g[gBias + j] += dy[o + j];
                meanD += dh;
                meanDx += dh * xhat[o + j];
            }
            meanD /= d;
            meanDx /= d;
            float r = rstd[t];
            for (int j = 0; j < d; j++) {
                float dh = dy[o + j] * w[gain + j];
                float v = r * (dh - meanD - xhat[o + j] * meanDx);
                dx[o + j] = add ? dx[o + j] + v : v;
            }
        }
    }

    private void addItemGrad(Chunk c, int item, float scale, float[] vector, int offset) {
        int d = layout.dim;
        int slot = c.slotOfItem[item];
        if (slot < 0) {
            slot = c.touchedCount++;
            if (slot == c.touched.length) {
                c.touched = Arrays.copyOf(c.touched, slot * 2);
                c.itemGrad = Arrays.copyOf(c.itemGrad, slot * 2 * d);
            }
            c.slotOfItem[item] = slot;
            c.touched[slot] = item;
            Arrays.fill(c.itemGrad, slot * d, slot * d + d, 0f);
        }
        int o = slot * d;
        for (int j = 0; j < d; j++) {
            c.itemGrad[o + j] += scale * vector[offset + j];
        }
    }

    /** Forgets the chunk's gradients, ready for the next step. */
    static void clearGradients(Chunk c) {
        Arrays.fill(c.denseGrad, 0f);
        for (int s = 0; s < c.touchedCount; s++) {
            c.slotOfItem[c.touched[s]] = -1;
        }
        c.touchedCount = 0;
    }

    static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }

    private static float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s = 0f;
        for (int i = 0; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }
}
