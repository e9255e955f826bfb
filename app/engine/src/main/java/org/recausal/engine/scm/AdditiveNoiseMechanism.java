package org.recausal.engine.scm;

import java.util.List;
import java.util.random.RandomGenerator;

import org.recausal.engine.model.Regressor;

/**
 * value = f(parents) + noise, the noise independent of the parents. Invertible: one row's noise is its value minus
 * f(parents), which is what unit-level counterfactuals need.
 */
public final class AdditiveNoiseMechanism implements Mechanism {

    private final Regressor model;
    private final NoiseDistribution noise;

    public AdditiveNoiseMechanism(Regressor model, NoiseDistribution noise) {
        this.model = model;
        this.noise = noise;
    }

    public Regressor model() {
        return model;
    }

    public NoiseDistribution noise() {
        return noise;
    }

    @Override
    public List<String> parents() {
        return model.features().inputs();
    }

    @Override
    public void draw(double[][] parents, int from, int to, RandomGenerator random, double[] out) {
        model.predictAll(parents, from, to, out);
        for (int row = from; row < to; row++) {
            out[row] += noise.draw(random);
        }
    }

    /** f(parents) for one row. */
    public double expected(double[][] parents, int row) {
        return model.predict(parents, row);
    }

    /** The noise that gives {@code value} for this row's parents (abduction). */
    public double abduct(double[][] parents, int row, double value) {
        return value - model.predict(parents, row);
    }

    @Override
    public String description() {
        return (parents().isEmpty() ? "mean" : model.description()) + " + " + noise.description();
    }
}
