package org.recausal.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class HistoryScorerTest {
    private static final KeyItemWorld WORLD = KeyItemWorld.trained();

    @Test
    void poolRanksNeverPutTheTargetLowerThanTheFullListDoes() {
        SplittableRandom random = new SplittableRandom(2);
        int outByPool = 0;
        for (int u = 0; u < 40; u++) {
            int[] h = WORLD.histories[u];
            int target = random.nextInt(KeyItemWorld.ITEMS);
            HistoryScorer scorer = new HistoryScorer(WORLD.stored.model(), u, h, h.length, target, 2);
            List<int[]> variants = new ArrayList<>();
            for (int v = 0; v < 8; v++) {
                BitSet removed = new BitSet();
                for (int p = 0; p < h.length - 1; p++) {
                    if (random.nextBoolean()) {
                        removed.set(p);
                    }
                }
                variants.add(scorer.without(removed));
            }
            HistoryScorer.Ranking[] full = scorer.rankings(variants, 3);
            HistoryScorer.Ranking[] pooled = scorer.poolRankings(variants, scorer.pool(10), 3);
            double[] scores = scorer.targetScores(variants);
            for (int v = 0; v < variants.size(); v++) {
                assertThat(pooled[v].rank()).isLessThanOrEqualTo(full[v].rank());
                assertThat(pooled[v].gap()).isGreaterThanOrEqualTo(full[v].gap() - 1e-5);
                assertThat(pooled[v].score()).isCloseTo(full[v].score(), within(1e-4));
                assertThat(scores[v]).isCloseTo(full[v].score(), within(1e-4));
                if (!pooled[v].inTop(3)) {
                    outByPool++;
                    assertThat(full[v].inTop(3)).isFalse();
                }
                HistoryScorer.Ranking alone = scorer.rescoreAlone(variants.get(v), 3);
                assertThat(alone.rank()).isEqualTo(full[v].rank());
            }
        }
        assertThat(outByPool).isPositive();
    }
}
