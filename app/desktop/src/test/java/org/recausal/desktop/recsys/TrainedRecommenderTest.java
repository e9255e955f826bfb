package org.recausal.desktop.recsys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.EpochReport;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.model.StoredModel;

import tools.jackson.databind.node.ObjectNode;

/** A model trained by the command line, read back: its kind and its curve's extent come from what the file records. */
class TrainedRecommenderTest {

    @Test
    void aCommandLineMfModelKeepsItsWeightingAndTheStepsItsEpochsSpan() {
        IdIndex users = new IdIndex();
        users.add("u0");
        IdIndex items = new IdIndex();
        items.add("i0");
        ObjectNode details = TrainSettings.JSON.createObjectNode();
        details.put("weighting", "snips");
        // train mf records every 50th full-batch step of a rating model.
        for (int step : new int[] {50, 100, 150}) {
            details.withArrayProperty("epochs").addObject().put("epoch", step).put("loss", 1.0 / step).put("seconds", 0.01)
                    .put("elapsedSeconds", 0.01 * step);
        }
        TrainedRecommender model = TrainedRecommender.of(new StoredModel(StoredModel.MF, new FactorModel(1, 1, 2), users,
                items, new int[][] {{}}, details, null), "coat");
        assertThat(model.kind()).isEqualTo(ModelKind.MF_SNIPS);
        assertThat(model.epochs()).extracting(EpochReport::epoch).containsExactly(50, 100, 150);
        assertThat(model.epochs()).allSatisfy(e -> assertThat(e.epochs()).isEqualTo(150));
        assertThat(model.stopped()).isFalse();
    }
}
