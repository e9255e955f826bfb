package org.recausal.engine.recsys.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.recausal.engine.recsys.Parallel;
import org.recausal.engine.recsys.Recommender;
import org.recausal.engine.recsys.Scoring;
import org.recausal.engine.recsys.ips.PropensityModel;
import org.recausal.engine.task.CancellationToken;

/**
 * Ranks each user's held-out items with a {@link Recommender} and averages HR@K, NDCG@K, Recall@K and MRR,
 * overall and per user group, plus coverage, popularity bias and Gini of the top-K lists.
 * <p>Sampled protocol (Kang &amp; McAuley 2018): the held-out item is ranked against {@code negatives} items drawn
 * uniformly (with replacement) from those the user has not consumed. Full protocol: against every item the user
 * has not consumed. Draws come from a generator seeded per user, so results do not depend on the thread count.
 * With a {@link PropensityModel}, each user counts with the inverse propensity of their held-out item
 * (self-normalised IPS evaluation of a log whose test items were self-selected).
 */
public final class RankingEvaluation {
    private final Protocol protocol;
    private final int negatives;
    private final int[] ks;
    private final long seed;
    private final int threads;
    private PropensityModel weights;
    private boolean catalogueMetrics = true;

    public RankingEvaluation(Protocol protocol, int[] ks, long seed, int threads) {
        this.protocol = protocol;
        this.negatives = 100;
        this.ks = ks.clone();
        this.seed = seed;
        this.threads = threads;
    }

    /** Whether to compute coverage, popularity and Gini, which need every user's full top-K list (default true). */
    public RankingEvaluation catalogueMetrics(boolean compute) {
        this.catalogueMetrics = compute;
        return this;
    }

    /** Weighs each user by the inverse propensity of their held-out item. */
    public RankingEvaluation weighted(PropensityModel propensities) {
        this.weights = propensities;
        return this;
    }

    /**
     * @param histories  each user's consumed items, oldest first: the model's input and the items never ranked
     * @param targets    each user's held-out items (empty: the user is not evaluated)
     * @param popularity each item's count in the training log
     */
    public EvaluationReport evaluate(Recommender model, int[][] histories, int[][] targets, int[] popularity,
            CancellationToken cancel) {
        int[] users = IntStream.range(0, targets.length).filter(u -> targets[u].length > 0).toArray();
        int[][] inputs = new int[users.length][];
        for (int k = 0; k < users.length; k++) {
            inputs[k] = histories[users[k]];
        }
        int[] groupOf = groups(users, histories);
        String[] groupNames = groupNames(users, histories);
        int blocks = (users.length + 255) / 256;
        RankingMetrics[][] partial = new RankingMetrics[blocks][];
        int[][] lists = new int[users.length][];
        int topK = Arrays.stream(ks).max().orElse(10);
        int dim = model.dimension();
        if (protocol == Protocol.SAMPLED100) {
            Parallel.forEach(blocks, threads, b -> {
                cancel.throwIfCancelled();
                int from = b * 256;
                int to = Math.min(users.length, from + 256);
                float[] vectors = new float[(to - from) * dim];
                model.encode(Arrays.copyOfRange(users, from, to), Arrays.copyOfRange(inputs, from, to), vectors);
                partial[b] = accumulators(groupNames.length);
                for (int k = from; k < to; k++) {
                    rankSampled(model, users[k], inputs[k], targets[users[k]], vectors, (k - from) * dim, partial[b], groupOf[k]);
                }
            });
        }
        int scoringBlocks = (users.length + Scoring.BLOCK - 1) / Scoring.BLOCK;
        RankingMetrics[][] fullPartial = new RankingMetrics[scoringBlocks][];
        if (protocol == Protocol.FULL || catalogueMetrics) {
            Scoring.allItems(model, users, inputs, threads, (from, to, scores) -> {
                cancel.throwIfCancelled();
                RankingMetrics[] acc = accumulators(groupNames.length);
                for (int k = from; k < to; k++) {
                    int offset = (k - from) * model.itemCount();
                    lists[k] = Scoring.topK(scores, offset, model.itemCount(), topK, inputs[k], null);
                    if (protocol == Protocol.FULL) {
                        rankFull(users[k], inputs[k], targets[users[k]], scores, offset, model.itemCount(), acc, groupOf[k]);
                    }
                }
                fullPartial[from / Scoring.BLOCK] = acc;
            });
        }
        RankingMetrics[] total = accumulators(groupNames.length);
        for (RankingMetrics[] p : protocol == Protocol.FULL ? fullPartial : partial) {
            for (int g = 0; g < total.length; g++) {
                total[g].merge(p[g]);
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>(total[0].values());
        if (catalogueMetrics) {
            metrics.putAll(BeyondAccuracy.of(lists, popularity, topK));
        }
        Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
        for (int g = 1; g < total.length; g++) {
            if (total[g].users() == 0) {
                continue;
            }
            Map<String, Double> values = new LinkedHashMap<>(total[g].values());
            values.put("users", (double) total[g].users());
            groups.put(groupNames[g], values);
        }
        return new EvaluationReport(protocol.label(), seed, users.length, metrics, groups);
    }

    private void rankSampled(Recommender model, int user, int[] history, int[] target, float[] vectors, int offset,
            RankingMetrics[] acc, int group) {
        int items = model.itemCount();
        int[] consumed = IntStream.concat(Arrays.stream(history), Arrays.stream(target)).sorted().distinct().toArray();
        if (consumed.length == items) {
            // Nothing left to sample: the held-out item has no competitor and ranks first.
            add(acc, group, new int[target.length], user, target);
            return;
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + user);
        int[] sampled = new int[negatives];
        for (int n = 0; n < negatives; n++) {
            int candidate;
            do {
                candidate = random.nextInt(items);
            } while (Arrays.binarySearch(consumed, candidate) >= 0);
            sampled[n] = candidate;
        }
        float[] other = new float[negatives];
        float[] relevant = new float[target.length];
        Scoring.candidates(model.itemVectors(), model.dimension(), vectors, offset, sampled, other);
        Scoring.candidates(model.itemVectors(), model.dimension(), vectors, offset, target, relevant);
        add(acc, group, RankingMetrics.ranks(relevant, other, negatives), user, target);
    }

    private void rankFull(int user, int[] history, int[] target, float[] scores, int offset, int items,
            RankingMetrics[] acc, int group) {
        boolean[] excluded = new boolean[items];
        for (int i : history) {
            excluded[i] = true;
        }
        for (int i : target) {
            excluded[i] = true;
        }
        float[] other = new float[items];
        int count = 0;
        for (int i = 0; i < items; i++) {
            if (!excluded[i]) {
                other[count++] = scores[offset + i];
            }
        }
        float[] relevant = new float[target.length];
        for (int j = 0; j < target.length; j++) {
            relevant[j] = scores[offset + target[j]];
        }
        add(acc, group, RankingMetrics.ranks(relevant, other, count), user, target);
    }

    private void add(RankingMetrics[] acc, int group, int[] ranks, int user, int[] target) {
        double w = 1;
        if (weights != null) {
            w = 0;
            for (int i : target) {
                w += 1 / weights.propensity(user, i, Float.NaN);
            }
            w /= target.length;
        }
        acc[0].add(ranks, w);
        acc[group].add(ranks, w);
    }

    private RankingMetrics[] accumulators(int groups) {
        RankingMetrics[] acc = new RankingMetrics[groups];
        for (int g = 0; g < groups; g++) {
            acc[g] = new RankingMetrics(ks);
        }
        return acc;
    }

    /** The history-length thirds: cut points at the 1/3 and 2/3 quantiles of the evaluated users' lengths. */
    private static int[] cuts(int[] users, int[][] histories) {
        int[] lengths = Arrays.stream(users).map(u -> histories[u].length).sorted().toArray();
        if (lengths.length == 0) {
            return new int[] {0, 0};
        }
        return new int[] {lengths[lengths.length / 3], lengths[2 * lengths.length / 3]};
    }

    private static int[] groups(int[] users, int[][] histories) {
        int[] cuts = cuts(users, histories);
        int[] group = new int[users.length];
        for (int k = 0; k < users.length; k++) {
            int length = histories[users[k]].length;
            group[k] = length <= cuts[0] ? 1 : length <= cuts[1] ? 2 : 3;
        }
        return group;
    }

    private static String[] groupNames(int[] users, int[][] histories) {
        int[] cuts = cuts(users, histories);
        return new String[] {"all", "history <= " + cuts[0], "history " + (cuts[0] + 1) + ".." + cuts[1],
            "history > " + cuts[1]};
    }
}
