package org.recausal.engine.explain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Do an explanation's rankings point at the items that matter? For m = 1, 2, 3 (fewer than the window holds),
 * the score drop from removing the m items a ranking puts first is set against the drops from removing m items
 * drawn at random (without replacement, seeded), all re-scored in one batch.
 */
final class FaithfulnessChecks {
    static final int MAX_REMOVED = 3;

    private FaithfulnessChecks() {
    }

    /**
     * @param rankings     per ranking name, a weight per window position (higher = more important)
     * @param fullScore    the target's score with the whole history
     */
    static Faithfulness run(HistoryScorer scorer, List<String> names, List<double[]> rankings, double fullScore,
            int draws, long seed) {
        int n = scorer.windowLength();
        SplittableRandom random = new SplittableRandom(seed);
        List<BitSet> sets = new ArrayList<>();
        int sizes = Math.min(MAX_REMOVED, n - 1);
        for (int m = 1; m <= sizes; m++) {
            for (double[] weights : rankings) {
                sets.add(top(weights, m));
            }
            for (int d = 0; d < draws; d++) {
                sets.add(randomSet(n, m, random));
            }
        }
        double[] scores = scorer.targetScores(sets.stream().map(scorer::without).toList());
        List<FaithfulnessCheck> checks = new ArrayList<>();
        int at = 0;
        for (int m = 1; m <= sizes; m++) {
            int first = at;
            at += rankings.size();
            double sum = 0;
            double[] drops = new double[draws];
            for (int d = 0; d < draws; d++) {
                drops[d] = fullScore - scores[at + d];
                sum += drops[d];
            }
            at += draws;
            double mean = sum / draws;
            double squares = 0;
            for (double drop : drops) {
                squares += (drop - mean) * (drop - mean);
            }
            double sd = Math.sqrt(squares / (draws - 1));
            for (int r = 0; r < rankings.size(); r++) {
                checks.add(new FaithfulnessCheck(names.get(r), m, fullScore - scores[first + r], mean, sd, draws));
            }
        }
        return new Faithfulness(checks, seed);
    }

    /** The m positions with the highest weights (ties: the later, more recent position first). */
    static BitSet top(double[] weights, int m) {
        BitSet set = new BitSet();
        IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.comparingDouble((Integer p) -> -weights[p]).thenComparingInt(p -> -p))
                .limit(m).forEach(set::set);
        return set;
    }

    private static BitSet randomSet(int n, int m, SplittableRandom random) {
        int[] pool = IntStream.range(0, n).toArray();
        BitSet set = new BitSet();
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
            set.set(pool[i]);
        }
        return set;
    }
}
