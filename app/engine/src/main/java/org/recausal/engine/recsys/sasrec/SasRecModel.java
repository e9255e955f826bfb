package org.recausal.engine.recsys.sasrec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.recausal.engine.recsys.Recommender;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.features.SideFeatures;

/**
 * A trained SASRec: configuration, weights, and the users' and items' ids. Scores are the final hidden state of
 * the user's latest item dotted with the item embeddings, so it plugs into the shared scoring path as a
 * {@link Recommender}; {@link #attention} gives the per-block, per-head attention weights for explanations.
 * With side features the score adds the wide part of the user's and the item's traits ({@link SideFeatures}),
 * carried by extra columns of the user and item vectors, so the same dot product scores the whole model.
 */
public final class SasRecModel implements Recommender {
    /** Sequences per inference chunk: large enough for efficient products, small enough to stay cached. */
    private static final int ENCODE_CHUNK = 64;

    private final SasRecConfig config;
    private final IdIndex users;
    private final IdIndex items;
    private final float[] params;
    private final SideFeatures features;
    private final int wideOffset;
    /** The item embeddings followed by each item's wide tail, or the weights themselves without side features. */
    private final float[] itemVectors;
    private final SasRecNetwork network;
    private final ThreadLocal<SasRecNetwork.Chunk> chunks;

    public SasRecModel(SasRecConfig config, IdIndex users, IdIndex items, float[] params) {
        this(config, users, items, params, null);
    }

    /** @param features the users' and items' traits the model reads besides the history, or null */
    public SasRecModel(SasRecConfig config, IdIndex users, IdIndex items, float[] params, SideFeatures features) {
        SasRecLayout layout = new SasRecLayout(items.size(), config, features == null ? 0 : features.weightCount());
        if (params.length != layout.size) {
            throw new IllegalArgumentException("SASRec with these settings has " + layout.size + " weights, not " + params.length);
        }
        if (features != null && (features.users() != users.size() || features.items() != items.size())) {
            throw new IllegalArgumentException("the side features describe " + features.users() + " users and "
                    + features.items() + " items, the model has " + users.size() + " and " + items.size());
        }
        this.config = config;
        this.users = users;
        this.items = items;
        this.params = params;
        this.features = features;
        this.wideOffset = layout.wide;
        this.itemVectors = features == null ? params : withTails(params, items.size(), config.dimension(), features, layout.wide);
        this.network = new SasRecNetwork(layout, config.dropout());
        this.chunks = ThreadLocal.withInitial(() -> new SasRecNetwork.Chunk(layout, ENCODE_CHUNK, false));
    }

    private static float[] withTails(float[] w, int itemCount, int d, SideFeatures features, int wide) {
        int stride = d + features.tailWidth();
        float[] vectors = new float[itemCount * stride];
        for (int i = 0; i < itemCount; i++) {
            System.arraycopy(w, i * d, vectors, i * stride, d);
            features.itemTail(i, w, wide, vectors, i * stride + d);
        }
        return vectors;
    }

    /** Fresh weights as the authors' code initialises them: Glorot-uniform matrices, unit gains, zero biases. */
    static float[] initialWeights(SasRecLayout l, long seed) {
        float[] w = new float[l.size];
        SplittableRandom random = new SplittableRandom(seed);
        int d = l.dim;
        // The item table counts a padding row as the authors' TensorFlow table did (vocabulary = items + 1).
        glorot(w, l.itemEmbedding, l.items, d, l.items + 1 + d, random);
        glorot(w, l.positionEmbedding, l.maxLength, d, l.maxLength + d, random);
        for (int b = 0; b < l.blocks; b++) {
            Arrays.fill(w, l.norm1Gain[b], l.norm1Gain[b] + d, 1f);
            Arrays.fill(w, l.norm2Gain[b], l.norm2Gain[b] + d, 1f);
            for (int matrix : new int[] {l.query[b], l.key[b], l.value[b], l.ffn1[b], l.ffn2[b]}) {
                glorot(w, matrix, d, d, 2 * d, random);
            }
        }
        Arrays.fill(w, l.finalGain, l.finalGain + d, 1f);
        return w;
    }

    private static void glorot(float[] w, int at, int rows, int cols, int fans, SplittableRandom random) {
        double limit = Math.sqrt(6.0 / fans);
        for (int i = 0; i < rows * cols; i++) {
            w[at + i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
    }

    public SasRecConfig config() {
        return config;
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }

    /** All weights in the layout of {@link SasRecLayout}; the caller must not change them. */
    public float[] params() {
        return params;
    }

    /** The traits the model reads besides the history, or null when it reads the history alone. */
    public SideFeatures features() {
        return features;
    }

    /** The wide part at any encoded user and item rows (see {@link SideFeatures#value}); needs side features. */
    public double traitScore(double[] userRow, double[] itemRow) {
        return features.value(userRow, itemRow, params, wideOffset);
    }

    @Override
    public int itemCount() {
        return items.size();
    }

    @Override
    public int userCount() {
        return users.size();
    }

    /** The embedding size, plus the wide tail's columns with side features. */
    @Override
    public int dimension() {
        return config.dimension() + (features == null ? 0 : features.tailWidth());
    }

    /** Item embeddings are the first rows of the weights, the shared output matrix (with side features, plus tails). */
    @Override
    public float[] itemVectors() {
        return itemVectors;
    }

    @Override
    public void encode(int[] userList, int[][] histories, float[] out) {
        int d = config.dimension();
        int stride = dimension();
        if (features != null) {
            for (int k = 0; k < userList.length; k++) {
                features.userTail(userList[k], params, wideOffset, out, k * stride + d);
            }
        }
        SasRecNetwork.Chunk chunk = chunks.get();
        for (int from = 0; from < userList.length; from += ENCODE_CHUNK) {
            int to = Math.min(userList.length, from + ENCODE_CHUNK);
            chunk.clear();
            List<Integer> placed = new ArrayList<>();
            for (int k = from; k < to; k++) {
                int[] h = histories[k];
                if (h.length == 0) {
                    Arrays.fill(out, k * stride, k * stride + d, 0f);
                    continue;
                }
                int length = Math.min(h.length, config.maxLength());
                chunk.addSequence(h, h.length - length, length, config.maxLength(), config.heads());
                placed.add(k);
            }
            if (chunk.sequences == 0) {
                continue;
            }
            network.forwardLatest(chunk, params);
            for (int s = 0; s < chunk.sequences; s++) {
                System.arraycopy(chunk.out, s * d, out, placed.get(s) * stride, d);
            }
        }
    }

    /** The attention weights behind the next-item scores for a history (item indices, oldest first). */
    public AttentionMap attention(int[] history) {
        int length = Math.min(history.length, config.maxLength());
        List<String> window = new ArrayList<>();
        for (int j = history.length - length; j < history.length; j++) {
            window.add(items.id(history[j]));
        }
        if (length == 0) {
            return new AttentionMap(window, new float[config.blocks()][config.heads()][0][0]);
        }
        SasRecNetwork.Chunk chunk = chunks.get();
        chunk.clear();
        chunk.addSequence(history, history.length - length, length, config.maxLength(), config.heads());
        network.forward(chunk, params, false);
        float[][][][] weights = new float[config.blocks()][config.heads()][length][length];
        for (int b = 0; b < config.blocks(); b++) {
            for (int h = 0; h < config.heads(); h++) {
                for (int i = 0; i < length; i++) {
                    System.arraycopy(chunk.probs[b], h * length * length + i * length, weights[b][h][i], 0, length);
                }
            }
        }
        return new AttentionMap(window, weights);
    }
}
