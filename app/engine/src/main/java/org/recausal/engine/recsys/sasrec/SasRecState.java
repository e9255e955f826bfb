package org.recausal.engine.recsys.sasrec;

/**
 * Everything needed to resume training exactly where it stopped: weights, Adam's moments and step count, and
 * the epochs done. The random draws of step t follow from the seed and t alone, so a resumed run continues
 * with the same numbers an uninterrupted one would have drawn.
 */
public record SasRecState(float[] params, float[] firstMoment, float[] secondMoment, long steps, int epochsDone) {
}
