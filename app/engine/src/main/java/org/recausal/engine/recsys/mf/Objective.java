package org.recausal.engine.recsys.mf;

/** A differentiable training loss over a flat parameter array. */
public interface Objective {
    /** Adds the gradient at {@code params} into {@code grad} (which the caller zeroes) and returns the loss. */
    double lossAndGradient(float[] params, float[] grad);
}
