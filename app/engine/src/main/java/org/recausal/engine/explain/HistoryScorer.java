package org.recausal.engine.explain;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.recausal.engine.recsys.Parallel;
import org.recausal.engine.recsys.Recommender;
import org.recausal.engine.recsys.Scoring;

/**
 * Re-scores one user's history with some of the items the model reads removed, many variants per call: removing
 * an item means re-encoding the sequence without it (older items then move into the model's window, as they
 * would for the real model). Variants are encoded in batches through the model's own encoder and scored with the
 * shared kernels, in fixed partitions, so results do not depend on the thread count.
 */
final class HistoryScorer {
    /** Variants encoded per parallel task. */
    private static final int ENCODE_BATCH = 64;

    private final Recommender model;
    private final int user;
    private final int[] history;
    private final int windowStart;
    private final int target;
    private final int[] excluded;
    private final boolean[] isExcluded;
    /** The excluded items and the target: what is not a competitor. */
    private final int[] competitorsExcluded;
    private final int threads;

    /** The score, rank and margin of the target item for one variant of the history. */
    record Ranking(double score, int rank, double gap) {
        boolean inTop(int k) {
            return rank <= k;
        }
    }

    /**
     * @param windowLength how many of the latest items the model reads: the players, and the only items whose
     *                     removal can change anything
     */
    HistoryScorer(Recommender model, int user, int[] history, int windowLength, int target, int threads) {
        this.model = model;
        this.user = user;
        this.history = history;
        this.windowStart = history.length - windowLength;
        this.target = target;
        this.threads = threads;
        // Recommendations leave out what the user already has; the target stays eligible even if the user has it.
        this.excluded = Arrays.stream(history).filter(i -> i != target).distinct().toArray();
        this.competitorsExcluded = Arrays.copyOf(excluded, excluded.length + 1);
        competitorsExcluded[excluded.length] = target;
        this.isExcluded = new boolean[model.itemCount()];
        for (int i : excluded) {
            isExcluded[i] = true;
        }
    }

    int windowLength() {
        return history.length - windowStart;
    }

    int windowStart() {
        return windowStart;
    }

    /** The history without the window positions set in {@code removed} (0 = the window's oldest item). */
    int[] without(BitSet removed) {
        int[] kept = new int[history.length - removed.cardinality()];
        int n = 0;
        for (int p = 0; p < history.length; p++) {
            if (p < windowStart || !removed.get(p - windowStart)) {
                kept[n++] = history[p];
            }
        }
        return kept;
    }

    /** The target's score for each variant. */
    double[] targetScores(List<int[]> variants) {
        return poolScores(variants, new int[] {target});
    }

    /**
     * Each variant's scores for the {@code pool} items, [variant][pool item] flattened; variants are encoded in
     * batches on the worker threads, and the dot products taken in the same order as {@link Scoring#candidates}.
     */
    private double[] poolScores(List<int[]> variants, int[] pool) {
        int dim = model.dimension();
        float[] items = model.itemVectors();
        double[] scores = new double[variants.size() * pool.length];
        int tasks = (variants.size() + ENCODE_BATCH - 1) / ENCODE_BATCH;
        Parallel.forEach(tasks, threads, t -> {
            int from = t * ENCODE_BATCH;
            int to = Math.min(variants.size(), from + ENCODE_BATCH);
            int n = to - from;
            int[] users = new int[n];
            Arrays.fill(users, user);
            float[] vectors = new float[n * dim];
            model.encode(users, variants.subList(from, to).toArray(int[][]::new), vectors);
            for (int v = 0; v < n; v++) {
                for (int c = 0; c < pool.length; c++) {
                    float s = 0f;
                    for (int d = 0; d < dim; d++) {
                        s += vectors[v * dim + d] * items[pool[c] * dim + d];
                    }
                    scores[(from + v) * pool.length + c] = s;
                }
            }
        });
        return scores;
    }

    /**
     * The target's score, rank and margin among the {@code pool} items only (the target and items the user does
     * not have). Fewer competitors can only flatter the target: a variant that leaves it outside the top k of the
     * pool leaves it outside the top k of all items, so pool rankings may miss a counterfactual but never invent one.
     */
    Ranking[] poolRankings(List<int[]> variants, int[] pool, int k) {
        double[] scores = poolScores(variants, pool);
        Ranking[] result = new Ranking[variants.size()];
        double[] kth = new double[k];
        for (int v = 0; v < result.length; v++) {
            int at = v * pool.length;
            double s = 0;
            for (int c = 0; c < pool.length; c++) {
                if (pool[c] == target) {
                    s = scores[at + c];
                }
            }
            int rank = 1;
            int found = 0;
            Arrays.fill(kth, Double.NEGATIVE_INFINITY);
            for (int c = 0; c < pool.length; c++) {
                int i = pool[c];
                double other = scores[at + c];
                if (i == target) {
                    continue;
                }
                if (other > s || other == s && i < target) {
                    rank++;
                }
                // The k best competitors, kept sorted high to low, for the margin.
                if (found < k || other > kth[k - 1]) {
                    int pos = found < k ? found++ : k - 1;
                    while (pos > 0 && other > kth[pos - 1]) {
                        kth[pos] = kth[pos - 1];
                        pos--;
                    }
                    kth[pos] = other;
                }
            }
            result[v] = new Ranking(s, rank, found < k ? Double.POSITIVE_INFINITY : s - kth[k - 1]);
        }
        return result;
    }

    /** The target and the {@code size} items the user does not have that score best with the whole history. */
    int[] pool(int size) {
        float[] scores = scoresAlone(history);
        int[] best = Scoring.topK(scores, 0, scores.length, size, competitorsExcluded, null);
        int[] pool = Arrays.copyOf(best, best.length + 1);
        pool[best.length] = target;
        return pool;
    }

    /** The target's score, rank among the items the user does not have, and margin over the k-th competitor. */
    Ranking[] rankings(List<int[]> variants, int k) {
        int items = model.itemCount();
        int[] users = new int[variants.size()];
        Arrays.fill(users, user);
        Ranking[] result = new Ranking[variants.size()];
        Scoring.allItems(model, users, variants.toArray(int[][]::new), threads, (from, to, scores) -> {
            float[] best = new float[k];
            for (int v = from; v < to; v++) {
                int offset = (v - from) * items;
                result[v] = ranking(scores, offset, k, best);
            }
        });
        return result;
    }

    private Ranking ranking(float[] scores, int offset, int k, float[] best) {
        int items = model.itemCount();
        float s = scores[offset + target];
        int rank = 1;
        for (int i = 0; i < items; i++) {
            float other = scores[offset + i];
            if (i != target && !isExcluded[i] && (other > s || other == s && i < target)) {
                rank++;
            }
        }
        int found = Scoring.topK(scores, offset, items, k, competitorsExcluded, best).length;
        double gap = found < k ? Double.POSITIVE_INFINITY : (double) s - best[k - 1];
        return new Ranking(s, rank, gap);
    }

    /** One variant scored alone, against every item, apart from any batch: the check of a counterfactual. */
    Ranking rescoreAlone(int[] variant, int k) {
        return ranking(scoresAlone(variant), 0, k, new float[k]);
    }

    /** Every item's score for one variant encoded alone, as the recommendation list computes it. */
    private float[] scoresAlone(int[] variant) {
        int dim = model.dimension();
        float[] vector = new float[dim];
        model.encode(new int[] {user}, new int[][] {variant}, vector);
        float[] scores = new float[model.itemCount()];
        int[] all = new int[model.itemCount()];
        Arrays.setAll(all, i -> i);
        Scoring.candidates(model.itemVectors(), dim, vector, 0, all, scores);
        return scores;
    }
}
