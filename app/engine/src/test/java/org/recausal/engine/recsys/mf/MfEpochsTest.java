package org.recausal.engine.recsys.mf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.EpochReport;
import org.recausal.engine.recsys.TrainingListener;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.ips.PropensityModel;
import org.recausal.engine.recsys.metrics.Protocol;
import org.recausal.engine.recsys.metrics.RankingEvaluation;
import org.recausal.engine.recsys.split.SequenceData;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.CancelledException;

/**
 * The epochs BPR and rating MF report: each report's numbers are those of the model as it stood at that epoch
 * (recomputed here from the state handed over with it), and a fit cancelled and resumed from its last state ends
 * with exactly the parameters of an uninterrupted one.
 */
class MfEpochsTest {
    private static final double[] PROPENSITY = {0, 0.05, 0.08, 0.15, 0.3, 0.5};
    private static final PropensityModel KNOWN = (u, i, value) -> PROPENSITY[Math.round(value)];

    /** Users who each consume items of one of four taste groups, last item held out for testing, the one before for validation. */
    private static SequenceData tastes() {
        Interactions.Builder log = Interactions.builder(new IdIndex(), new IdIndex());
        SplittableRandom random = new SplittableRandom(12);
        for (int u = 0; u < 120; u++) {
            for (int t = 0; t < 8; t++) {
                log.add("u" + u, "i" + (u % 4 * 25 + random.nextInt(25)), 1, t);
            }
        }
        return SequenceData.leaveOneOut(log.build());
    }

    private record Run(FactorModel model, List<EpochReport> reports, List<MfState> states) {
    }

    /** Fits with {@code fit}, keeping each epoch's report and state, cancelled after epoch {@code stopAfter} (-1: never). */
    private static Run record(int epochs, int stopAfter, Fit fit) {
        List<EpochReport> reports = new ArrayList<>();
        List<MfState> states = new ArrayList<>();
        CancellationToken cancel = new CancellationToken();
        FactorModel model = null;
        try {
            model = fit.run((report, state) -> {
                reports.add(report);
                states.add(state);
                if (report.epoch() == stopAfter) {
                    cancel.cancel();
                }
            }, cancel);
        } catch (CancelledException e) {
            assertThat(stopAfter).isLessThan(epochs);
        }
        return new Run(model, reports, states);
    }

    @FunctionalInterface
    private interface Fit {
        FactorModel run(TrainingListener<MfState> listener, CancellationToken cancel);
    }

    private static Run bpr(SequenceData data, int epochs, MfState resume, int stopAfter) {
        EpochValidation validation = EpochValidation.ranking(data.trainInputs(), data.validation(), 7, 2, 1);
        return record(epochs, stopAfter, (listener, cancel) -> Bpr.train(data.split().train(),
                new MfConfig(8, 0.01, epochs, 0.02f, 3), null, validation, resume, listener, cancel));
    }

    @Test
    void bprReportsTheValidationOfTheModelAtEachEpoch() {
        SequenceData data = tastes();
        Run run = bpr(data, 20, null, -1);
        assertThat(run.reports()).extracting(EpochReport::epoch).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, 20).boxed().toArray(Integer[]::new));
        for (int e = 0; e < 20; e++) {
            FactorModel at = new FactorModel(120, 100, 8, run.states().get(e).params());
            Map<String, Double> direct = new RankingEvaluation(Protocol.SAMPLED100, new int[] {10}, 7, 1)
                    .catalogueMetrics(false).evaluate(at, data.trainInputs(), data.validation(), null,
                            CancellationToken.none()).metrics();
            assertThat(run.reports().get(e).validation().get("HR@10")).isEqualTo(direct.get("HR@10"));
            assertThat(run.reports().get(e).validation().get("NDCG@10")).isEqualTo(direct.get("NDCG@10"));
        }
        assertThat(run.states().getLast().params()).containsExactly(run.model().params());
        // Learning shows: the loss falls from ln 2 (untrained scores are near equal) and validation HR@10 rises to
        // twice chance (10 of 101 candidates); about a fifth of the sampled items share the user's taste group.
        assertThat(run.reports().getFirst().loss()).isCloseTo(Math.log(2), within(0.05));
        assertThat(run.reports().getLast().loss()).isLessThan(run.reports().getFirst().loss() - 0.1);
        assertThat(run.reports().getLast().validation().get("HR@10")).isGreaterThan(2 * 10 / 101.0)
                .isGreaterThan(run.reports().getFirst().validation().get("HR@10"));
    }

    @Test
    void bprResumedFromTheLastEpochBeforeCancellingEndsAsAnUninterruptedFit() {
        SequenceData data = tastes();
        Run straight = bpr(data, 5, null, -1);
        Run stopped = bpr(data, 5, null, 2);
        assertThat(stopped.reports()).extracting(EpochReport::epoch).containsExactly(1, 2);
        Run resumed = bpr(data, 5, stopped.states().getLast(), -1);
        assertThat(resumed.reports()).extracting(EpochReport::epoch).containsExactly(3, 4, 5);
        assertThat(resumed.model().params()).containsExactly(straight.model().params());
        assertThat(resumed.reports().get(2).validation()).isEqualTo(straight.reports().get(4).validation());
        assertThat(resumed.reports().get(0).loss()).isEqualTo(straight.reports().get(2).loss());
        assertThat(resumed.reports().getFirst().elapsedSeconds()).isGreaterThan(stopped.reports().getLast().elapsedSeconds());
    }

    /** Ratings 1..5 of a rank-2 taste matrix, logged with a propensity that grows with the rating (MNAR). */
    private static Interactions[] ratings() {
        SplittableRandom random = new SplittableRandom(5);
        Interactions.Builder train = Interactions.builder(new IdIndex(), new IdIndex());
        Interactions.Builder held = Interactions.builder(train.users(), train.items());
        for (int u = 0; u < 60; u++) {
            train.users().add("u" + u);
        }
        for (int i = 0; i < 50; i++) {
            train.items().add("i" + i);
        }
        for (int u = 0; u < 60; u++) {
            for (int i = 0; i < 50; i++) {
                int y = (int) Math.max(1, Math.min(5, Math.round(3 + 1.5 * Math.sin(u) * Math.cos(i) + Math.cos(u + 2 * i))));
                if (random.nextDouble() < PROPENSITY[y]) {
                    (random.nextDouble() < 0.8 ? train : held).add(u, i, y, 0);
                }
            }
        }
        return new Interactions[] {train.build(), held.build()};
    }

    private static Run ratingMf(RatingMf mf, Interactions[] data, int epochs, MfState resume, int stopAfter) {
        return record(epochs, stopAfter, (listener, cancel) -> mf.train(data[0], new MfConfig(3, 1.0, epochs, 0.03f, 1),
                mf.validation(data[1], KNOWN, share(data), 1), resume, listener, cancel));
    }

    @Test
    void ipsMfReportsItsObjectiveAndTheIpsValidationErrorOfEachEpoch() {
        Interactions[] data = ratings();
        RatingMf mf = new RatingMf(Weighting.IPS, KNOWN);
        Run run = ratingMf(mf, data, 40, null, -1);
        assertThat(run.reports()).hasSize(40);
        assertThat(run.reports().getFirst().validation()).containsOnlyKeys("IPS-MSE", "IPS-MAE");
        double[] w = mf.weights(data[0]);
        for (int e = 1; e < 40; e++) {
            // An epoch's loss is the objective where its step was taken: at the parameters the epoch before left.
            float[] before = run.states().get(e - 1).params();
            assertThat(run.reports().get(e).loss()).isCloseTo(objective(before, data[0], w, 1.0), within(1e-9));
            float[] after = run.states().get(e).params();
            double share = share(data);
            assertThat(run.reports().get(e).validation().get("IPS-MSE")).isCloseTo(ipsError(after, data[1], 2, share),
                    within(1e-9));
            assertThat(run.reports().get(e).validation().get("IPS-MAE")).isCloseTo(ipsError(after, data[1], 1, share),
                    within(1e-9));
        }
        assertThat(run.reports().getLast().loss()).isLessThan(0.5 * run.reports().getFirst().loss());
    }

    @Test
    void naiveMfNamesItsValidationPlainMseAndMae() {
        Interactions[] data = ratings();
        Run run = ratingMf(new RatingMf(Weighting.NAIVE, null), data, 3, null, -1);
        FactorModel at = new FactorModel(60, 50, 3, run.states().getLast().params());
        double squared = 0;
        for (int r = 0; r < data[1].size(); r++) {
            double e = at.predict(data[1].user(r), data[1].item(r)) - data[1].value(r);
            squared += e * e;
        }
        assertThat(run.reports().getLast().validation()).containsOnlyKeys("MSE", "MAE");
        assertThat(run.reports().getLast().validation().get("MSE")).isCloseTo(squared / data[1].size(), within(1e-9));
    }

    @Test
    void snipsMfResumedFromTheLastStepBeforeCancellingEndsAsAnUninterruptedFit() {
        Interactions[] data = ratings();
        RatingMf mf = new RatingMf(Weighting.SNIPS, KNOWN);
        Run straight = ratingMf(mf, data, 30, null, -1);
        Run stopped = ratingMf(mf, data, 30, null, 12);
        assertThat(stopped.reports()).hasSize(12);
        Run resumed = ratingMf(mf, data, 30, stopped.states().getLast(), -1);
        assertThat(resumed.reports().getFirst().epoch()).isEqualTo(13);
        assertThat(resumed.model().params()).containsExactly(straight.model().params());
        assertThat(resumed.reports().getLast().validation()).isEqualTo(straight.reports().getLast().validation());
    }

    @Test
    void aStateOfOtherSettingsIsRefused() {
        Interactions[] data = ratings();
        RatingMf mf = new RatingMf(Weighting.NAIVE, null);
        MfState threeFactors = ratingMf(mf, data, 2, null, -1).states().getLast();
        assertThatThrownBy(() -> mf.train(data[0], new MfConfig(4, 1.0, 5, 0.03f, 1), EpochValidation.NONE, threeFactors,
                (report, state) -> { }, CancellationToken.none())).hasMessageContaining("does not match");
        assertThatThrownBy(() -> mf.train(data[0], new MfConfig(3, 2.0, 5, 0.03f, 1), EpochValidation.NONE, threeFactors,
                (report, state) -> { }, CancellationToken.none())).hasMessage("the checkpoint was fit with lambda 1.0,"
                + " learning rate 0.03 and seed 1; resume it with those, not 2.0, 0.03 and 1");
    }

    /** The weighted squared error plus (lambda / n) times the squared parameters, mu left out. */
    private static double objective(float[] p, Interactions log, double[] w, double lambda) {
        FactorModel model = new FactorModel(60, 50, 3, p);
        double loss = 0;
        for (int r = 0; r < log.size(); r++) {
            double e = model.predict(log.user(r), log.item(r)) - log.value(r);
            loss += w[r] * e * e;
        }
        for (int j = 1; j < p.length; j++) {
            loss += lambda / log.size() * p[j] * p[j];
        }
        return loss;
    }

    /** The held-out ratings' share of the log: each logged rating was held out with this chance. */
    private static double share(Interactions[] data) {
        return data[1].size() / (double) (data[0].size() + data[1].size());
    }

    /**
     * Sum of |error|^power / (propensity x share) over the held-out ratings, divided by the number of matrix cells:
     * a cell is among them with its propensity times the held-out share.
     */
    private static double ipsError(float[] p, Interactions held, int power, double share) {
        FactorModel model = new FactorModel(60, 50, 3, p);
        double sum = 0;
        for (int r = 0; r < held.size(); r++) {
            double e = Math.abs(model.predict(held.user(r), held.item(r)) - held.value(r));
            sum += Math.pow(e, power) / (PROPENSITY[Math.round(held.value(r))] * share);
        }
        return sum / (60 * 50);
    }
}
