package org.recausal.engine.recsys.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void singleHeldOutItemsByHand() {
        RankingMetrics metrics = new RankingMetrics(1, 5, 10);
        metrics.add(new int[] {0});
        metrics.add(new int[] {3});
        metrics.add(new int[] {12});
        Map<String, Double> v = metrics.values();
        assertThat(v.get("HR@1")).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(v.get("HR@5")).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(v.get("HR@10")).isCloseTo(2 / 3.0, within(1e-12));
        // rank 3 (0-based) is the 4th place: 1 / log2(4 + 1)
        assertThat(v.get("NDCG@5")).isCloseTo((1 + 1 / log2(5)) / 3, within(1e-12));
        assertThat(v.get("NDCG@1")).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(v.get("MRR")).isCloseTo((1 + 1 / 4.0 + 1 / 13.0) / 3, within(1e-12));
        assertThat(v.get("Recall@10")).isEqualTo(v.get("HR@10"));
        assertThat(metrics.users()).isEqualTo(3);
    }

    @Test
    void severalRelevantItemsByHand() {
        RankingMetrics metrics = new RankingMetrics(2);
        metrics.add(new int[] {0, 2});
        Map<String, Double> v = metrics.values();
        assertThat(v.get("HR@2")).isEqualTo(1.0);
        assertThat(v.get("Recall@2")).isEqualTo(0.5);
        assertThat(v.get("NDCG@2")).isCloseTo(1 / (1 + 1 / log2(3)), within(1e-12));
        assertThat(v.get("MRR")).isEqualTo(1.0);
    }

    @Test
    void weightsMakeSelfNormalisedMeans() {
        RankingMetrics metrics = new RankingMetrics(1);
        metrics.add(new int[] {0}, 3.0);
        metrics.add(new int[] {5}, 1.0);
        assertThat(metrics.values().get("HR@1")).isEqualTo(0.75);
    }

    @Test
    void ranksCountTiesAgainstTheModel() {
        int[] ranks = RankingMetrics.ranks(new float[] {0.5f, 0.9f}, new float[] {0.5f, 0.7f, 0.1f, 1.0f}, 4);
        // 0.5: others >= 0.5 are 0.5, 0.7, 1.0 (3) plus the relevant 0.9 above it = 4; 0.9: only 1.0 = 1
        assertThat(ranks).containsExactly(4, 1);
        assertThat(RankingMetrics.ranks(new float[] {2f}, new float[] {1f, 9f, 0f}, 2)).containsExactly(1);
    }

    @Test
    void mergeAddsPartialSums() {
        RankingMetrics a = new RankingMetrics(10);
        RankingMetrics b = new RankingMetrics(10);
        RankingMetrics both = new RankingMetrics(10);
        a.add(new int[] {1});
        b.add(new int[] {20});
        both.add(new int[] {1});
        both.add(new int[] {20});
        a.merge(b);
        assertThat(a.values()).isEqualTo(both.values());
    }

    @Test
    void giniCoverageAndPopularityByHand() {
        assertThat(BeyondAccuracy.gini(new long[] {0, 0, 0, 4})).isCloseTo(0.75, within(1e-12));
        assertThat(BeyondAccuracy.gini(new long[] {3, 3, 3})).isCloseTo(0.0, within(1e-12));
        assertThat(BeyondAccuracy.gini(new long[] {1, 2, 3})).isCloseTo((-2 * 1 + 0 * 2 + 2 * 3) / (3.0 * 6), within(1e-12));
        Map<String, Double> v = BeyondAccuracy.of(new int[][] {{0, 1}, {1, 2}}, new int[] {10, 20, 30, 40}, 2);
        assertThat(v.get("Coverage@2")).isEqualTo(0.75);
        assertThat(v.get("MeanPopularity@2")).isEqualTo(20.0);
        // An average interaction's item: sum p^2 / sum p = (100 + 400 + 900 + 1600) / 100
        assertThat(v.get("ConsumedPopularity")).isEqualTo(30.0);
        assertThat(v.get("Gini@2")).isCloseTo(BeyondAccuracy.gini(new long[] {1, 2, 1, 0}), within(1e-12));
    }

    @Test
    void ratingErrorsPlainIpsAndSelfNormalised() {
        RatingMetrics m = new RatingMetrics();
        m.add(4, 5, 0.5);  // error -1, weight 2
        m.add(3, 1, 0.25); // error 2, weight 4
        Map<String, Double> v = m.values(10);
        assertThat(v.get("MSE")).isEqualTo(2.5);
        assertThat(v.get("MAE")).isEqualTo(1.5);
        assertThat(v.get("IPS-MSE")).isCloseTo((2 * 1 + 4 * 4) / 10.0, within(1e-12));
        assertThat(v.get("IPS-MAE")).isCloseTo((2 * 1 + 4 * 2) / 10.0, within(1e-12));
        assertThat(v.get("SNIPS-MSE")).isCloseTo(18 / 6.0, within(1e-12));
        assertThat(v.get("SNIPS-MAE")).isCloseTo(10 / 6.0, within(1e-12));
    }
}
