package org.recausal.engine.recsys;

/**
 * Where a training run stands after an epoch, enough to resume it exactly: the weights, Adam's moments and step
 * count, the epochs done and the wall time spent so far. Each model adds what else its trainer needs
 * ({@link org.recausal.engine.recsys.sasrec.SasRecState}, {@link org.recausal.engine.recsys.mf.MfState}); a model
 * file keeps it as its checkpoint. (Not sealed: the engine is an unnamed module, where a sealed type's subtypes
 * would have to share its package.)
 */
public interface TrainingState {
    float[] params();

    float[] firstMoment();

    float[] secondMoment();

    /** Adam's step count. */
    long steps();

    int epochsDone();

    double elapsedSeconds();
}
