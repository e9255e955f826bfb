package org.recausal.engine.recsys.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accumulates HR@K, NDCG@K, Recall@K and MRR over users, each user counted with a weight (1, or an inverse
 * propensity for IPS-weighted evaluation, which makes the means self-normalised estimates).
 * A user contributes the 0-based ranks of their relevant items among the candidates.
 */
public final class RankingMetrics {
    private final int[] ks;
    private final double[] hits;
    private final double[] ndcg;
    private final double[] recall;
    private double reciprocalRank;
    private double weight;
    private int users;

    public RankingMetrics(int... ks) {
        this.ks = ks.clone();
        this.hits = new double[ks.length];
        this.ndcg = new double[ks.length];
        this.recall = new double[ks.length];
    }

    /**
     * The rank of each relevant item: how many non-relevant candidates score at least as high (ties count
     * against the model) plus how many other relevant items score strictly higher.
     */
    public static int[] ranks(float[] relevantScores, float[] otherScores, int otherCount) {
        int[] ranks = new int[relevantScores.length];
        for (int j = 0; j < relevantScores.length; j++) {
            float s = relevantScores[j];
            int rank = 0;
            for (int c = 0; c < otherCount; c++) {
                if (otherScores[c] >= s) {
                    rank++;
                }
            }
            for (float other : relevantScores) {
                if (other > s) {
                    rank++;
                }
            }
            ranks[j] = rank;
        }
        return ranks;
    }

    public void add(int[] relevantRanks) {
        add(relevantRanks, 1.0);
    }

    public void add(int[] relevantRanks, double userWeight) {
        if (relevantRanks.length == 0) {
            return;
        }
        int best = Integer.MAX_VALUE;
        for (int r : relevantRanks) {
            best = Math.min(best, r);
        }
        for (int k = 0; k < ks.length; k++) {
            int cut = ks[k];
            double dcg = 0;
            int found = 0;
            for (int r : relevantRanks) {
                if (r < cut) {
                    dcg += 1 / log2(r + 2);
                    found++;
                }
            }
            double ideal = 0;
            for (int i = 0; i < Math.min(cut, relevantRanks.length); i++) {
                ideal += 1 / log2(i + 2);
            }
            hits[k] += userWeight * (found > 0 ? 1 : 0);
            ndcg[k] += userWeight * dcg / ideal;
            recall[k] += userWeight * found / (double) relevantRanks.length;
        }
        reciprocalRank += userWeight / (best + 1.0);
        weight += userWeight;
        users++;
    }

    /** Adds another accumulator's sums (same K list), for per-thread partial results merged in a fixed order. */
    public void merge(RankingMetrics other) {
        for (int k = 0; k < ks.length; k++) {
            hits[k] += other.hits[k];
            ndcg[k] += other.ndcg[k];
            recall[k] += other.recall[k];
        }
        reciprocalRank += other.reciprocalRank;
        weight += other.weight;
        users += other.users;
    }

    public int users() {
        return users;
    }

    /** HR@K, NDCG@K, Recall@K for each K, then MRR; NaN when no user was added. */
    public Map<String, Double> values() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int k = 0; k < ks.length; k++) {
            values.put("HR@" + ks[k], hits[k] / weight);
            values.put("NDCG@" + ks[k], ndcg[k] / weight);
            values.put("Recall@" + ks[k], recall[k] / weight);
        }
        values.put("MRR", reciprocalRank / weight);
        return values;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
