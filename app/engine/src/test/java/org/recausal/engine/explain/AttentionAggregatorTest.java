package org.recausal.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.sasrec.AttentionMap;
import org.recausal.engine.recsys.sasrec.SasRecModel;
import org.recausal.engine.task.CancellationToken;

class AttentionAggregatorTest {
    private static final KeyItemWorld WORLD = KeyItemWorld.trained();

    /** Items 0-4 are keys, 5-9 answers, the rest fillers. */
    private static Map<String, String> categories() {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < KeyItemWorld.ITEMS; i++) {
            map.put(WORLD.item(i), i < 5 ? "key" : i < 10 ? "answer" : "filler");
        }
        return map;
    }

    @Test
    void pairsAndCategorySharesAreTheMeansOfEveryUsersAttention() {
        AttentionAggregate aggregate = WORLD.explainer().aggregator()
                .aggregate(KeyItemWorld.USERS, categories(), 5, 3, 1, CancellationToken.none());
        assertThat(aggregate.users()).isEqualTo(KeyItemWorld.USERS);
        assertThat(aggregate.topPairs()).hasSize(5);
        SasRecModel model = (SasRecModel) WORLD.stored.model();
        ItemAttention top = aggregate.topPairs().get(0);
        double sum = 0;
        int count = 0;
        double[][] byCategory = new double[3][3];
        List<String> names = aggregate.categories().categories();
        for (int[] h : WORLD.histories) {
            AttentionMap map = model.attention(h);
            for (int i = 1; i < h.length; i++) {
                for (int j = 0; j < i; j++) {
                    double w = 0;
                    for (int b = 0; b < 2; b++) {
                        for (int head = 0; head < 2; head++) {
                            w += map.weights()[b][head][i][j] / 4;
                        }
                    }
                    if (WORLD.item(h[i]).equals(top.from()) && WORLD.item(h[j]).equals(top.to())) {
                        sum += w;
                        count++;
                    }
                    byCategory[names.indexOf(categories().get(WORLD.item(h[i])))][names.indexOf(categories().get(WORLD.item(h[j])))] += w;
                }
            }
        }
        assertThat(top.count()).isEqualTo(count).isGreaterThanOrEqualTo(3);
        assertThat(top.meanWeight()).isCloseTo(sum / count, within(1e-9));
        assertThat(aggregate.topPairs()).isSortedAccordingTo((a, b) -> Double.compare(b.meanWeight(), a.meanWeight()));
        assertThat(names).containsExactly("answer", "filler", "key");
        for (int a = 0; a < 3; a++) {
            double total = byCategory[a][0] + byCategory[a][1] + byCategory[a][2];
            for (int b = 0; b < 3; b++) {
                assertThat(aggregate.categories().shares()[a][b]).isCloseTo(total == 0 ? 0 : byCategory[a][b] / total, within(1e-9));
            }
        }
    }

    @Test
    void aSampleOfUsersIsSeededAndCategoriesAreOptional() {
        AttentionAggregate a = WORLD.explainer().aggregator().aggregate(50, null, 10, 1, 4, CancellationToken.none());
        AttentionAggregate b = WORLD.explainer().aggregator().aggregate(50, null, 10, 1, 4, CancellationToken.none());
        assertThat(a.users()).isEqualTo(50);
        assertThat(a.categories()).isNull();
        assertThat(a.topPairs()).isEqualTo(b.topPairs());
    }
}
