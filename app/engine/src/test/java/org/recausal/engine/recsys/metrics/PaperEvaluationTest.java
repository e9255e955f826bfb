package org.recausal.engine.recsys.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.split.SequenceData;
import org.recausal.engine.task.CancellationToken;

class PaperEvaluationTest {
    /**
     * Every user consumes items 0, 1 (training), 2 (validation) and 3 (test); items 4.. are never consumed. The
     * model scores items by their bias alone, the same for every user.
     */
    private static PaperEvaluation evaluation(int users, int items, float validationScore, float testScore) {
        IdIndex itemIds = new IdIndex();
        for (int i = 0; i < items; i++) {
            itemIds.add("i" + i);
        }
        Interactions.Builder log = Interactions.builder(new IdIndex(), itemIds);
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < 4; i++) {
                log.add("u" + u, "i" + i, 1, i);
            }
        }
        FactorModel model = new FactorModel(users, items, 1);
        float[] p = model.params();
        for (int i = 0; i < items; i++) {
            p[1 + users + i] = i == 2 ? validationScore : i == 3 ? testScore : -i;
        }
        return new PaperEvaluation(model, SequenceData.leaveOneOut(log.build()), 2);
    }

    @Test
    void aTestItemAboveEveryOtherItemIsAlwaysAHit() {
        PaperEvaluation evaluation = evaluation(50, 30, -100, 100);
        assertThat(evaluation.evaluatedUsers()).isEqualTo(50);
        for (PaperEvaluation.Draw d : evaluation.draws(20, 1, 2, CancellationToken.none())) {
            assertThat(d.hr()).isEqualTo(1.0);
            assertThat(d.ndcg()).isEqualTo(1.0);
        }
    }

    @Test
    void theValidationItemCanBeDrawnAsANegativeAndOutrankTheTestItem() {
        // Negatives come from items 2.. (not the training items 0 and 1): the validation item (2) beats the test
        // item, everything else loses, and draws of the test item itself do not count. A user's rank is how often
        // item 2 was among the 100 draws, each picking it with probability 1 / (items - 2).
        int items = 102;
        PaperEvaluation evaluation = evaluation(400, items, 100, 50);
        PaperEvaluation.Draw[] draws = evaluation.draws(40, 7, 2, CancellationToken.none());
        double q = 1.0 / (items - 2);
        double expectedHr = 0;
        double expectedNdcg = 0;
        double binomial = Math.pow(1 - q, 100);
        for (int k = 0; k < 100; k++) {
            if (k < 10) {
                expectedHr += binomial;
                expectedNdcg += binomial / (Math.log(k + 2) / Math.log(2));
            }
            binomial *= (100 - k) / (double) (k + 1) * q / (1 - q);
        }
        double hr = Arrays.stream(draws).mapToDouble(PaperEvaluation.Draw::hr).average().orElseThrow();
        double ndcg = Arrays.stream(draws).mapToDouble(PaperEvaluation.Draw::ndcg).average().orElseThrow();
        assertThat(hr).isCloseTo(expectedHr, within(1e-3));
        assertThat(ndcg).isCloseTo(expectedNdcg, within(0.01));
        assertThat(ndcg).isLessThan(0.8); // the draws do reach the validation item
    }

    @Test
    void drawsFollowTheSeedNotTheThreads() {
        PaperEvaluation evaluation = evaluation(200, 40, 1, 0.5f);
        assertThat(evaluation.draws(8, 3, 1, CancellationToken.none()))
                .isEqualTo(evaluation.draws(8, 3, 2, CancellationToken.none()))
                .isNotEqualTo(evaluation.draws(8, 4, 2, CancellationToken.none()));
    }
}
