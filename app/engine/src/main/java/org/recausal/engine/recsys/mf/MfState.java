package org.recausal.engine.recsys.mf;

/**
 * Everything needed to resume a matrix factorisation fit exactly where it stopped: the parameters, Adam's moments
 * and step count, the epochs done and the wall time spent so far. An epoch's random draws follow from the seed and
 * the epoch alone, so a resumed fit continues with the numbers an uninterrupted one would have drawn.
 */
public record MfState(float[] params, float[] firstMoment, float[] secondMoment, long steps, int epochsDone,
        double elapsedSeconds) {
}
