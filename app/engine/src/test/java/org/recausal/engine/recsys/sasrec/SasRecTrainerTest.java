package org.recausal.engine.recsys.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.EpochReport;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.InteractionFiles;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.metrics.EvaluationReport;
import org.recausal.engine.recsys.metrics.Protocol;
import org.recausal.engine.recsys.metrics.RankingEvaluation;
import org.recausal.engine.recsys.split.SequenceData;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.CancelledException;

/**
 * SASRec trained on generated sequences with a rule a sequential model must find: after item i comes item
 * i + 1 (mod 30) for even users and i + 2 for odd ones, so the next item depends on the whole history's rhythm,
 * not only on the last item.
 */
class SasRecTrainerTest {
    static final int ITEMS = 30;

    static SequenceData data() {
        IdIndex users = new IdIndex();
        IdIndex items = IdIndex.of(InteractionFiles.numberedIds(ITEMS));
        Interactions.Builder log = Interactions.builder(users, items);
        SplittableRandom random = new SplittableRandom(9);
        for (int u = 0; u < 120; u++) {
            int step = u % 2 == 0 ? 1 : 2;
            int item = random.nextInt(ITEMS);
            int length = 6 + random.nextInt(8);
            for (int t = 0; t < length; t++) {
                log.add("u" + u, Integer.toString(item), 1, t);
                item = (item + step) % ITEMS;
            }
        }
        return SequenceData.leaveOneOut(log.build());
    }

    static SasRecConfig config(int epochs) {
        return new SasRecConfig(10, 16, 2, 2, 0.1f, 0.01f, 32, epochs, 5);
    }

    static SasRecModel train(SequenceData data, SasRecConfig config, int threads, SasRecState resume, List<SasRecState> states) {
        return new SasRecTrainer(config, threads).train(data.train(), data.log().users(), data.log().items(), data.validation(),
                resume, (report, state) -> states.add(state), CancellationToken.none());
    }

    @Test
    void learnsTheRuleBehindTheSequences() {
        SequenceData data = data();
        SasRecModel model = train(data, config(40), 2, null, new ArrayList<>());
        EvaluationReport report = new RankingEvaluation(Protocol.FULL, new int[] {1}, 1, 2)
                .evaluate(model, data.testInputs(), data.test(), data.popularity(), CancellationToken.none());
        assertThat(report.metrics().get("HR@1")).isGreaterThan(0.8);
    }

    @Test
    void sameWeightsWhateverTheThreadCount() {
        SequenceData data = data();
        float[] one = train(data, config(2), 1, null, new ArrayList<>()).params();
        float[] three = train(data, config(2), 3, null, new ArrayList<>()).params();
        assertThat(three).containsExactly(one);
    }

    @Test
    void resumingFromACheckpointContinuesExactly() {
        SequenceData data = data();
        List<SasRecState> states = new ArrayList<>();
        float[] straight = train(data, config(4), 2, null, states).params();
        float[] resumed = train(data, config(4), 2, states.get(1), new ArrayList<>()).params();
        assertThat(resumed).containsExactly(straight);
        assertThat(states.get(1).epochsDone()).isEqualTo(2);
    }

    @Test
    void cancellingAndResumingFromTheLastCheckpointContinuesExactly() {
        SequenceData data = data();
        float[] straight = train(data, config(4), 2, null, new ArrayList<>()).params();
        CancellationToken cancel = new CancellationToken();
        List<SasRecState> states = new ArrayList<>();
        List<EpochReport> reports = new ArrayList<>();
        SasRecTrainer trainer = new SasRecTrainer(config(4), 2);
        assertThatThrownBy(() -> trainer.train(data.train(), data.log().users(), data.log().items(), null, null,
                (report, state) -> {
                    reports.add(report);
                    states.add(state);
                    if (report.epoch() == 2) {
                        cancel.cancel();
                    }
                }, cancel)).isInstanceOf(CancelledException.class);
        assertThat(reports).extracting(EpochReport::epoch).containsExactly(1, 2);
        assertThat(reports).allSatisfy(r -> assertThat(r.epochs()).isEqualTo(4));
        assertThat(reports.get(1).elapsedSeconds()).isGreaterThan(reports.get(0).elapsedSeconds());
        List<EpochReport> resumed = new ArrayList<>();
        float[] continued = trainer.train(data.train(), data.log().users(), data.log().items(), null, states.get(1),
                (report, state) -> resumed.add(report), CancellationToken.none()).params();
        assertThat(continued).containsExactly(straight);
        assertThat(resumed).extracting(EpochReport::epoch).containsExactly(3, 4);
        assertThat(resumed.get(0).elapsedSeconds()).isGreaterThan(reports.get(1).elapsedSeconds());
    }

    @Test
    void returnsTheWeightsOfTheBestValidatedEpoch() {
        SequenceData data = data();
        List<SasRecState> states = new ArrayList<>();
        List<EpochReport> reports = new ArrayList<>();
        SasRecModel model = new SasRecTrainer(config(6), 2).validateEvery(2).train(data.train(), data.log().users(),
                data.log().items(), data.validation(), null, (report, state) -> {
                    reports.add(report);
                    states.add(state);
                }, CancellationToken.none());
        List<EpochReport> validated = reports.stream().filter(r -> !r.validation().isEmpty()).toList();
        assertThat(validated).extracting(EpochReport::epoch).containsExactly(2, 4, 6);
        EpochReport best = validated.stream().max(Comparator.comparingDouble(r -> r.validation().get("NDCG@10"))).orElseThrow();
        SasRecState last = states.getLast();
        assertThat(last.bestEpoch()).isEqualTo(best.epoch());
        assertThat(last.bestScore()).isEqualTo(best.validation().get("NDCG@10"));
        assertThat(model.params()).containsExactly(states.get(best.epoch() - 1).params());
        assertThat(states.getFirst().bestParams()).isNull();
    }

    @Test
    void attentionWeightsAreCausalDistributionsPerBlockAndHead() {
        SequenceData data = data();
        SasRecModel model = train(data, config(3), 2, null, new ArrayList<>());
        AttentionMap map = model.attention(data.testInputs()[0]);
        assertThat(map.blocks()).isEqualTo(2);
        assertThat(map.heads()).isEqualTo(2);
        int n = map.items().size();
        assertThat(n).isEqualTo(Math.min(10, data.testInputs()[0].length));
        for (float[][][] block : map.weights()) {
            for (float[][] head : block) {
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    for (int j = 0; j < n; j++) {
                        if (j > i) {
                            assertThat(head[i][j]).isZero();
                        }
                        sum += head[i][j];
                    }
                    assertThat(sum).isCloseTo(1.0, within(1e-5));
                }
            }
        }
    }
}
