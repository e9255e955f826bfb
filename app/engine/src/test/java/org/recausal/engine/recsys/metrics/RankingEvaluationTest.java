package org.recausal.engine.recsys.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.Recommender;
import org.recausal.engine.task.CancellationToken;

class RankingEvaluationTest {
    static final int USERS = 600;
    static final int ITEMS = 400;

    /** Scores item i for user u as -(i - target(u))^2 (a perfect model), or its negation, or noise. */
    static final class Fixed implements Recommender {
        final int mode;
        final float[] itemVectors = new float[ITEMS * 3];

        Fixed(int mode) {
            this.mode = mode;
            for (int i = 0; i < ITEMS; i++) {
                itemVectors[i * 3] = i * i;
                itemVectors[i * 3 + 1] = i;
                itemVectors[i * 3 + 2] = 1;
            }
        }

        @Override
        public int itemCount() {
            return ITEMS;
        }

        @Override
        public int userCount() {
            return USERS;
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public float[] itemVectors() {
            return itemVectors;
        }

        @Override
        public void encode(int[] users, int[][] histories, float[] out) {
            for (int k = 0; k < users.length; k++) {
                float t = target(users[k]);
                float sign = mode == 0 ? 1 : -1;
                if (mode == 2) {
                    SplittableRandom r = new SplittableRandom(users[k]);
                    out[k * 3] = (float) r.nextGaussian();
                    out[k * 3 + 1] = (float) r.nextGaussian() * 100;
                    out[k * 3 + 2] = 0;
                    continue;
                }
                // -(i - t)^2 = -i^2 + 2 t i - t^2
                out[k * 3] = -sign;
                out[k * 3 + 1] = sign * 2 * t;
                out[k * 3 + 2] = -sign * t * t;
            }
        }
    }

    static int target(int user) {
        return (user * 7) % ITEMS;
    }

    private static int[][][] data() {
        int[][] histories = new int[USERS][];
        int[][] targets = new int[USERS][];
        for (int u = 0; u < USERS; u++) {
            histories[u] = new int[] {(target(u) + 1 + u % 5) % ITEMS, (target(u) + 200) % ITEMS};
            targets[u] = u % 10 == 9 ? new int[0] : new int[] {target(u)};
        }
        return new int[][][] {histories, targets};
    }

    private static EvaluationReport run(int mode, Protocol protocol, int threads) {
        int[][][] d = data();
        return new RankingEvaluation(protocol, new int[] {1, 10}, 5, threads)
                .evaluate(new Fixed(mode), d[0], d[1], new int[ITEMS], CancellationToken.none());
    }

    @Test
    void perfectModelHitsEveryTimeInBothProtocols() {
        for (Protocol p : Protocol.values()) {
            EvaluationReport report = run(0, p, 2);
            assertThat(report.users()).isEqualTo(540);
            assertThat(report.metrics().get("HR@1")).isEqualTo(1.0);
            assertThat(report.metrics().get("NDCG@10")).isEqualTo(1.0);
        }
    }

    @Test
    void worstModelRanksLastUnderFullRanking() {
        EvaluationReport report = run(1, Protocol.FULL, 2);
        assertThat(report.metrics().get("HR@10")).isEqualTo(0.0);
        // Among the 397 unconsumed others, the target scores lowest: rank 397, reciprocal 1/398.
        assertThat(report.metrics().get("MRR")).isCloseTo(1 / 398.0, within(1e-3));
    }

    @Test
    void randomModelHitsTenOfHundredAndOneUnderSampling() {
        EvaluationReport report = run(2, Protocol.SAMPLED100, 2);
        // Each of 540 users hits with probability 10/101; 3 standard errors is about 0.039.
        assertThat(report.metrics().get("HR@10")).isCloseTo(10 / 101.0, within(0.04));
    }

    @Test
    void sameNumbersWhateverTheThreadCount() {
        for (Protocol p : Protocol.values()) {
            assertThat(run(2, p, 1).metrics()).isEqualTo(run(2, p, 4).metrics());
        }
    }

    @Test
    void catalogueMetricsAndUserGroupsAreReported() {
        EvaluationReport report = run(0, Protocol.FULL, 2);
        // The perfect model's top-1 is each user's own target: 540 users, targets (7u mod 400) distinct per 400.
        assertThat(report.metrics()).containsKeys("Coverage@10", "Gini@10", "MeanPopularity@10");
        assertThat(report.groups()).isNotEmpty();
        double users = report.groups().values().stream().mapToDouble(g -> g.get("users")).sum();
        assertThat(users).isEqualTo(540.0);
    }
}
