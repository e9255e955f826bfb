package org.recausal.engine.recsys.sasrec;

import org.recausal.engine.recsys.TrainingState;

/**
 * Everything needed to resume training exactly where it stopped: weights, Adam's moments and step count, the
 * epochs done, the wall time spent so far, and the best validated weights yet. The random draws of step t follow
 * from the seed and t alone, so a resumed run continues with the same numbers an uninterrupted one would have drawn.
 * @param bestEpoch  the epoch whose weights scored the highest validation NDCG@10 so far, 0 before any validation
 * @param bestScore  that validation NDCG@10 (NaN before any validation)
 * @param bestParams those weights, or null before any validation
 */
public record SasRecState(float[] params, float[] firstMoment, float[] secondMoment, long steps, int epochsDone,
        double elapsedSeconds, int bestEpoch, double bestScore, float[] bestParams) implements TrainingState {

    /** A state at the given point with no validation yet. */
    public static SasRecState unvalidated(float[] params, float[] firstMoment, float[] secondMoment, long steps,
            int epochsDone, double elapsedSeconds) {
        return new SasRecState(params, firstMoment, secondMoment, steps, epochsDone, elapsedSeconds, 0, Double.NaN, null);
    }
}
