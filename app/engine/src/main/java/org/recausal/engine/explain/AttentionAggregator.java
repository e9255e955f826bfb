package org.recausal.engine.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.recausal.engine.recsys.sasrec.AttentionMap;
import org.recausal.engine.recsys.sasrec.SasRecModel;
import org.recausal.engine.task.CancellationToken;

/**
 * Attention over many users: each history's attention matrices are averaged over blocks and heads, and every
 * position's weight on each earlier position is added to the pair (its item, the earlier item) and, when item
 * categories are known, to the pair of their categories. A position's weight on itself is left out: it says
 * nothing about how items relate.
 */
public final class AttentionAggregator {
    private final SasRecModel model;
    private final int[][] histories;

    AttentionAggregator(SasRecModel model, int[][] histories) {
        this.model = model;
        this.histories = histories;
    }

    /**
     * @param maxUsers   how many users to read (a seeded random sample when there are more)
     * @param categories item id to category, or null; items without one are left out of the category view
     * @param topPairs   how many item pairs to list
     * @param minCount   occurrences a pair needs to be listed (rare pairs have noisy means)
     */
    public AttentionAggregate aggregate(int maxUsers, Map<String, String> categories, int topPairs, int minCount,
            long seed, CancellationToken cancel) {
        int[] users = sample(maxUsers, seed);
        Map<Long, double[]> pairs = new HashMap<>();
        List<String> categoryNames = categories == null ? List.of() : new ArrayList<>(new TreeSet<>(categories.values()));
        int[] categoryOf = categoryIndex(categories, categoryNames);
        double[][] categorySums = new double[categoryNames.size()][categoryNames.size()];
        int items = model.itemCount();
        for (int u : users) {
            cancel.throwIfCancelled();
            int[] h = histories[u];
            int length = Math.min(h.length, model.config().maxLength());
            AttentionMap map = model.attention(h);
            int start = h.length - length;
            for (int i = 1; i < length; i++) {
                for (int j = 0; j < i; j++) {
                    double w = meanWeight(map, i, j);
                    int from = h[start + i];
                    int to = h[start + j];
                    double[] sum = pairs.computeIfAbsent((long) from * items + to, key -> new double[2]);
                    sum[0] += w;
                    sum[1]++;
                    if (categoryOf != null && categoryOf[from] >= 0 && categoryOf[to] >= 0) {
                        categorySums[categoryOf[from]][categoryOf[to]] += w;
                    }
                }
            }
        }
        List<ItemAttention> listed = pairs.entrySet().stream().filter(e -> e.getValue()[1] >= minCount)
                .map(e -> new ItemAttention(model.items().id((int) (e.getKey() / items)), model.items().id((int) (e.getKey() % items)),
                        e.getValue()[0] / e.getValue()[1], (int) e.getValue()[1]))
                .sorted(Comparator.comparingDouble(ItemAttention::meanWeight).reversed()
                        .thenComparing(ItemAttention::from).thenComparing(ItemAttention::to))
                .limit(topPairs).toList();
        return new AttentionAggregate(users.length, listed, minCount,
                categoryOf == null ? null : new CategoryAttention(categoryNames, shares(categorySums)));
    }

    private static double meanWeight(AttentionMap map, int i, int j) {
        double w = 0;
        for (int b = 0; b < map.blocks(); b++) {
            for (int head = 0; head < map.heads(); head++) {
                w += map.weights()[b][head][i][j];
            }
        }
        return w / (map.blocks() * map.heads());
    }

    /** Users with at least two items the model reads, all of them or a seeded sample of {@code maxUsers}. */
    private int[] sample(int maxUsers, long seed) {
        int[] eligible = IntStream.range(0, histories.length).filter(u -> histories[u].length >= 2).toArray();
        if (eligible.length <= maxUsers) {
            return eligible;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < maxUsers; i++) {
            int j = i + random.nextInt(eligible.length - i);
            int t = eligible[i];
            eligible[i] = eligible[j];
            eligible[j] = t;
        }
        int[] chosen = Arrays.copyOf(eligible, maxUsers);
        Arrays.sort(chosen);
        return chosen;
    }

    private int[] categoryIndex(Map<String, String> categories, List<String> names) {
        if (categories == null) {
            return null;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < names.size(); c++) {
            index.put(names.get(c), c);
        }
        int[] of = new int[model.itemCount()];
        for (int i = 0; i < of.length; i++) {
            String category = categories.get(model.items().id(i));
            of[i] = category == null ? -1 : index.get(category);
        }
        return of;
    }

    private static double[][] shares(double[][] sums) {
        double[][] shares = new double[sums.length][];
        for (int a = 0; a < sums.length; a++) {
            double total = 0;
            for (double s : sums[a]) {
                total += s;
            }
            shares[a] = new double[sums.length];
            for (int b = 0; b < sums.length; b++) {
                shares[a][b] = total > 0 ? sums[a][b] / total : 0;
            }
        }
        return shares;
    }
}
