package org.recausal.engine.recsys.mf;

import org.recausal.engine.recsys.TrainingState;

/**
 * Everything needed to resume a matrix factorisation fit exactly where it stopped: the parameters, Adam's moments
 * and step count, the epochs done, the wall time spent so far, and the settings of the fit. An epoch's random draws
 * follow from the seed and the epoch alone, so a resumed fit continues with the numbers an uninterrupted one would
 * have drawn.
 * @param config the fit's settings; a resumed fit keeps all of them but {@code steps}, the epochs to reach
 */
public record MfState(float[] params, float[] firstMoment, float[] secondMoment, long steps, int epochsDone,
        double elapsedSeconds, MfConfig config) implements TrainingState {
}
