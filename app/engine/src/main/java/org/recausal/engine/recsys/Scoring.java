package org.recausal.engine.recsys;

import java.util.Arrays;

/**
 * Scores many users against all items in blocks: the block's user vectors times the item matrix, one sgemm
 * per block, then a top-K selection per user. Blocks are fixed (in user order), so results do not depend on
 * the thread count.
 */
public final class Scoring {
    /** Users per block: 128 x 23,715 scores are 12 MB, small enough to stay cached per thread. */
    public static final int BLOCK = 128;

    private Scoring() {
    }

    /** Called with each block's users (global positions {@code from..to-1}) and their scores [n x items]. */
    @FunctionalInterface
    public interface BlockConsumer {
        void accept(int from, int to, float[] scores);
    }

    /** Scores every item for {@code users}, handing over one block at a time (in parallel, on {@code threads}). */
    public static void allItems(Recommender model, int[] users, int[][] histories, int threads, BlockConsumer consumer) {
        int items = model.itemCount();
        int dim = model.dimension();
        int blocks = (users.length + BLOCK - 1) / BLOCK;
        ThreadLocal<float[]> scratch = ThreadLocal.withInitial(() -> new float[BLOCK * items]);
        Parallel.forEach(blocks, threads, b -> {
            int from = b * BLOCK;
            int to = Math.min(users.length, from + BLOCK);
            int n = to - from;
            float[] vectors = new float[n * dim];
            model.encode(Arrays.copyOfRange(users, from, to), Arrays.copyOfRange(histories, from, to), vectors);
            float[] scores = scratch.get();
            Gemm.gemm(false, true, n, items, dim, 1f, vectors, 0, dim, model.itemVectors(), 0, dim, 0f, scores, 0, items);
            consumer.accept(from, to, scores);
        });
    }

    /** The dot products of one user vector with the candidates' item vectors. */
    public static void candidates(float[] itemVectors, int dim, float[] userVector, int userOffset, int[] candidates, float[] out) {
        for (int c = 0; c < candidates.length; c++) {
            int io = candidates[c] * dim;
            float s = 0f;
            for (int d = 0; d < dim; d++) {
                s += userVector[userOffset + d] * itemVectors[io + d];
            }
            out[c] = s;
        }
    }

    /**
     * The {@code k} best items of a score row (highest first, ties by lower index), skipping {@code excluded}
     * and NaN scores.
     * @return item indices; fewer than k when fewer items remain
     */
    public static int[] topK(float[] scores, int offset, int items, int k, int[] excluded, float[] bestScores) {
        // Excluded items are marked NaN in place for the scan and restored after: no per-user allocation.
        float[] saved = new float[excluded == null ? 0 : excluded.length];
        for (int j = 0; j < saved.length; j++) {
            saved[j] = scores[offset + excluded[j]];
            scores[offset + excluded[j]] = Float.NaN;
        }
        int[] best = new int[k];
        float[] value = new float[k];
        int size = 0;
        for (int i = 0; i < items; i++) {
            float s = scores[offset + i];
            if (Float.isNaN(s) || size == k && !(s > value[k - 1])) {
                continue;
            }
            // Insertion into a short sorted list beats a heap for k = 10.
            int pos = size < k ? size++ : k - 1;
            while (pos > 0 && s > value[pos - 1]) {
                value[pos] = value[pos - 1];
                best[pos] = best[pos - 1];
                pos--;
            }
            value[pos] = s;
            best[pos] = i;
        }
        for (int j = saved.length - 1; j >= 0; j--) {
            scores[offset + excluded[j]] = saved[j];
        }
        if (bestScores != null) {
            System.arraycopy(value, 0, bestScores, 0, size);
        }
        return Arrays.copyOf(best, size);
    }
}
