package org.recausal.desktop.recsys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.recausal.engine.recsys.Scoring;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.metrics.BeyondAccuracy;
import org.recausal.engine.recsys.metrics.EvaluationReport;
import org.recausal.engine.recsys.metrics.Protocol;
import org.recausal.engine.recsys.metrics.RankingEvaluation;
import org.recausal.engine.recsys.metrics.RatingMetrics;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.Recommender;
import org.recausal.engine.recsys.split.SequenceData;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Evaluates a trained model on its split's test part, as the evaluation report shows it: each user's test items
 * ranked after their training and validation items under both protocols, the top-10 lists' catalogue metrics and
 * popularity profile, and for rating models the rating errors of the test ratings.
 */
final class ModelEvaluator {
    /** The list length the catalogue metrics and the popularity plot describe. */
    static final int LIST = 10;

    private final long seed;
    private final int threads;

    ModelEvaluator(long seed, int threads) {
        this.seed = seed;
        this.threads = threads;
    }

    /** @param ratings whether the model predicts ratings (MF on ratings), so its test errors are measured too */
    ModelReport evaluate(Recommender model, boolean ratings, SequenceData data, ProgressListener progress,
            CancellationToken cancel) {
        int[] ks = ModelReport.KS.stream().mapToInt(Integer::intValue).toArray();
        Map<String, EvaluationReport> ranking = new LinkedHashMap<>();
        for (Protocol protocol : Protocol.values()) {
            progress.progress(ranking.size() / 3.0, "Evaluating (" + protocol.label() + ")");
            ranking.put(protocol.label(), new RankingEvaluation(protocol, ks, seed, threads).catalogueMetrics(false)
                    .evaluate(model, data.testInputs(), data.test(), data.popularity(), cancel));
        }
        progress.progress(2 / 3.0, "Evaluating the top-" + LIST + " lists");
        int[] users = IntStream.range(0, data.test().length).filter(u -> data.test()[u].length > 0).toArray();
        int[][] inputs = new int[users.length][];
        int[][] heldOut = new int[users.length][];
        for (int k = 0; k < users.length; k++) {
            inputs[k] = data.testInputs()[users[k]];
            heldOut[k] = data.test()[users[k]];
        }
        int[][] lists = new int[users.length][];
        Scoring.allItems(model, users, inputs, threads, (from, to, scores) -> {
            cancel.throwIfCancelled();
            for (int k = from; k < to; k++) {
                lists[k] = Scoring.topK(scores, (k - from) * model.itemCount(), model.itemCount(), LIST, inputs[k], null);
            }
        });
        Map<String, Double> errors = ratings && model instanceof FactorModel mf ? ratingErrors(mf, data.split().test(),
                data.split().test().size() / (double) data.log().size())
                : Map.of();
        return new ModelReport(ModelReport.KS, ranking, BeyondAccuracy.of(lists, data.popularity(), LIST), errors,
                PopularityProfile.of(LIST, lists, heldOut, data.popularity()));
    }

    /**
     * MSE and MAE of the test ratings, with IPS and SNIPS estimates when the log carries propensities. A cell of the
     * matrix is among the test ratings with its propensity times the test's share of the log, which IPS divides by.
     */
    static Map<String, Double> ratingErrors(FactorModel model, Interactions test, double share) {
        RatingMetrics metrics = new RatingMetrics();
        for (int r = 0; r < test.size(); r++) {
            metrics.add(model.predict(test.user(r), test.item(r)), test.value(r),
                    test.hasPropensity() ? test.propensity(r) : Double.NaN);
        }
        if (metrics.count() == 0) {
            return Map.of();
        }
        Map<String, Double> values = new LinkedHashMap<>(metrics.values((long) test.users().size() * test.items().size()));
        values.replaceAll((name, value) -> name.startsWith("IPS-") ? value / share : value);
        return values;
    }
}
