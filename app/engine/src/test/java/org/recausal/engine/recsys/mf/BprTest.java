package org.recausal.engine.recsys.mf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.metrics.EvaluationReport;
import org.recausal.engine.recsys.metrics.Protocol;
import org.recausal.engine.recsys.metrics.RankingEvaluation;
import org.recausal.engine.recsys.split.SequenceData;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/** BPR on users who each consume items of one of four taste groups: it must rank unseen items of the group first. */
class BprTest {

    @Test
    void learnsTasteGroupsFromImplicitFeedback() {
        Interactions.Builder log = Interactions.builder(new IdIndex(), new IdIndex());
        SplittableRandom random = new SplittableRandom(12);
        for (int u = 0; u < 200; u++) {
            int group = u % 4;
            for (int t = 0; t < 8; t++) {
                log.add("u" + u, "i" + (group * 25 + random.nextInt(25)), 1, t);
            }
        }
        SequenceData data = SequenceData.leaveOneOut(log.build());
        FactorModel model = Bpr.fit(data.split().train(), new MfConfig(8, 0.01, 20, 0.02f, 3), null, CancellationToken.none(),
                ProgressListener.NONE);
        EvaluationReport report = new RankingEvaluation(Protocol.FULL, new int[] {10}, 1, 2)
                .evaluate(model, data.testInputs(), data.test(), data.popularity(), CancellationToken.none());
        // Random ranking of ~95 unseen items would hit about 10%; the group's ~20 unseen items fill most of a top 10.
        assertThat(report.metrics().get("HR@10")).isGreaterThan(0.35);
        FactorModel again = Bpr.fit(data.split().train(), new MfConfig(8, 0.01, 20, 0.02f, 3), null, CancellationToken.none(),
                ProgressListener.NONE);
        assertThat(again.params()).containsExactly(model.params());
    }
}
