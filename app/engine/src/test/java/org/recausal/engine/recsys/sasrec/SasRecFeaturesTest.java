package org.recausal.engine.recsys.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.features.SideFeatures;
import org.recausal.engine.recsys.features.TraitWorld;
import org.recausal.engine.recsys.metrics.Protocol;
import org.recausal.engine.recsys.metrics.RankingEvaluation;
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.split.SequenceData;
import org.recausal.engine.task.CancellationToken;

import tools.jackson.databind.json.JsonMapper;

/** SASRec with side features: the history-only model unchanged, and trait effects of a simulated log recovered. */
class SasRecFeaturesTest {

    /** The fixture was written by the code before side features existed (same data, settings and seed). */
    @Test
    void withoutFeaturesTheModelIsByteForByteTheHistoryOnlySasRec() throws IOException {
        SequenceData data = SasRecTrainerTest.data();
        SasRecModel model = SasRecTrainerTest.train(data, SasRecTrainerTest.config(3), 2, null, new ArrayList<>());
        byte[] bytes = ModelFile.toBytes(new StoredModel(StoredModel.SASREC, model, data.log().users(), data.log().items(),
                data.everything(), JsonMapper.shared().createObjectNode().put("data", "rhythm"), null));
        try (InputStream in = getClass().getResourceAsStream("/fixtures/recsys/sasrec-rhythm-main.model")) {
            assertThat(bytes).isEqualTo(in.readAllBytes());
        }
    }

    private static SasRecModel train(SequenceData data, SideFeatures features) {
        SasRecConfig config = new SasRecConfig(10, 16, 1, 1, 0.2f, 0.01f, 64, 6, 3);
        return new SasRecTrainer(config, 2).features(features).train(data.train(), data.log().users(),
                data.log().items(), null, null, (report, state) -> { }, CancellationToken.none());
    }

    private static double validationNdcg(SasRecModel model, SequenceData data) {
        return new RankingEvaluation(Protocol.FULL, new int[] {10}, 1, 2).catalogueMetrics(false)
                .evaluate(model, data.trainInputs(), data.validation(), null, CancellationToken.none())
                .metrics().get("NDCG@10");
    }

    @Test
    void learnsTheTraitEffectsWithTheirSignsAndBeatsTheHistoryOnlyModel() {
        TraitWorld.World world = TraitWorld.World.of(1);
        SequenceData data = world.data();
        SasRecModel withTraits = train(data, world.features());
        SasRecModel historyOnly = train(data, null);
        // x_u = [group b], x_i = [popularity, category y]: the popularity weight and b's affinity for y are positive,
        // group a's (the reference's) liking of y negative.
        double[] a = {0};
        double[] b = {1};
        double[] popular = {1, 0};
        double[] unpopular = {-1, 0};
        double[] y = {0, 1};
        double[] x = {0, 0};
        assertThat(withTraits.traitScore(a, popular) - withTraits.traitScore(a, unpopular)).isGreaterThan(0.05);
        assertThat(withTraits.traitScore(a, y) - withTraits.traitScore(a, x)).isLessThan(-0.05);
        double affinity = withTraits.traitScore(b, y) - withTraits.traitScore(b, x)
                - (withTraits.traitScore(a, y) - withTraits.traitScore(a, x));
        assertThat(affinity).isGreaterThan(0.05);
        assertThat(validationNdcg(withTraits, data)).isGreaterThan(validationNdcg(historyOnly, data) + 0.01);
    }

    @Test
    void theScoreIsTheHistoryPartPlusTheWidePart() {
        TraitWorld.World world = TraitWorld.World.of(2);
        SequenceData data = world.data();
        SideFeatures features = world.features();
        SasRecModel model = train(data, features);
        SasRecModel transformer = new SasRecModel(model.config(), model.users(), model.items(),
                Arrays.copyOf(model.params(), model.params().length - features.weightCount()));
        int d = model.config().dimension();
        int[] users = {0, 7, 42};
        int[][] histories = IntStream.of(users).mapToObj(u -> data.train().items(u)).toArray(int[][]::new);
        float[] full = new float[users.length * model.dimension()];
        float[] history = new float[users.length * d];
        model.encode(users, histories, full);
        transformer.encode(users, histories, history);
        for (int k = 0; k < users.length; k++) {
            for (int item : new int[] {0, 17, 59}) {
                double alone = 0;
                for (int j = 0; j < d; j++) {
                    alone += history[k * d + j] * transformer.itemVectors()[item * d + j];
                }
                double score = 0;
                for (int j = 0; j < model.dimension(); j++) {
                    score += full[k * model.dimension() + j] * model.itemVectors()[item * model.dimension() + j];
                }
                double wide = model.traitScore(features.userRow(users[k]), features.itemRow(item));
                assertThat(score).isCloseTo(alone + wide, within(1e-4));
            }
        }
    }
}
