package org.recausal.engine.recsys.mf;

import java.util.Map;

import org.recausal.engine.recsys.metrics.Protocol;
import org.recausal.engine.recsys.metrics.RankingEvaluation;
import org.recausal.engine.task.CancellationToken;

/**
 * What a fit measures on held-out data after an epoch, for the live training curve: validation HR@10 and NDCG@10
 * for a ranking model ({@link #ranking}), the validation rating error for a rating model
 * ({@link RatingMf#validation}). It runs every {@code every} epochs and after the last.
 */
public final class EpochValidation {
    /** Measures nothing. */
    public static final EpochValidation NONE = new EpochValidation(0, (model, cancel) -> Map.of());

    /** Scores the model as it stands after an epoch. */
    @FunctionalInterface
    public interface Measure {
        Map<String, Double> of(FactorModel model, CancellationToken cancel);
    }

    private final int every;
    private final Measure measure;

    /** @param every validate after every this many epochs (and after the last); 0 = never */
    public EpochValidation(int every, Measure measure) {
        if (every < 0) {
            throw new IllegalArgumentException("validation every " + every + " epochs");
        }
        this.every = every;
        this.measure = measure;
    }

    /**
     * HR@10 and NDCG@10 (with Recall@10 and MRR) of each user's held-out items against 100 sampled items the user
     * never consumed, the protocol SASRec validates with.
     * @param histories each user's training items: the items never sampled as negatives
     * @param targets   each user's validation items (empty: not validated)
     */
    public static EpochValidation ranking(int[][] histories, int[][] targets, long seed, int threads, int every) {
        RankingEvaluation evaluation = new RankingEvaluation(Protocol.SAMPLED100, new int[] {10}, seed, threads)
                .catalogueMetrics(false);
        return new EpochValidation(every, (model, cancel) -> evaluation.evaluate(model, histories, targets, null, cancel)
                .metrics());
    }

    /** The metrics after epoch {@code epoch} (1-based) of {@code epochs}, or none when this epoch is not validated. */
    Map<String, Double> after(int epoch, int epochs, FactorModel model, CancellationToken cancel) {
        if (every == 0 || (epoch % every != 0 && epoch != epochs)) {
            return Map.of();
        }
        return measure.of(model, cancel);
    }
}
