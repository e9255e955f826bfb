package org.recausal.engine.recsys.mf;

import org.recausal.engine.recsys.RecsysException;

/**
 * Settings of a matrix factorisation fit.
 * @param factors      length of the user and item vectors
 * @param lambda       L2 regularisation strength
 * @param steps        optimiser steps (full-batch Adam for ratings, epochs for BPR)
 * @param learningRate Adam's step size
 * @param seed         the initial factors' seed
 */
public record MfConfig(int factors, double lambda, int steps, float learningRate, long seed) {
    public MfConfig {
        if (factors < 1 || factors > 1024 || !(lambda >= 0) || steps < 1 || !(learningRate > 0)) {
            throw new RecsysException("matrix factorisation needs 1..1024 factors, lambda >= 0, steps >= 1 and a"
                    + " positive learning rate");
        }
    }

    public MfConfig withFactors(int f) {
        return new MfConfig(f, lambda, steps, learningRate, seed);
    }

    public MfConfig withLambda(double l) {
        return new MfConfig(factors, l, steps, learningRate, seed);
    }
}
