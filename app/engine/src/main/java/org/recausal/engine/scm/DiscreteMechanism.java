package org.recausal.engine.scm;

import java.util.List;
import java.util.random.RandomGenerator;

import org.recausal.engine.model.Classifier;

/**
 * A level drawn from the probabilities a classifier gives for the parents' values, by one uniform number per row.
 * Not invertible: many noise values give the same level, so one observed row does not pin its noise down.
 */
public final class DiscreteMechanism implements Mechanism {

    private final Classifier model;

    public DiscreteMechanism(Classifier model) {
        this.model = model;
    }

    public Classifier model() {
        return model;
    }

    @Override
    public List<String> parents() {
        return model.features().inputs();
    }

    @Override
    public void draw(double[][] parents, int from, int to, RandomGenerator random, double[] out) {
        int levels = model.levels();
        double[] probabilities = new double[levels];
        for (int row = from; row < to; row++) {
            model.probabilities(parents, row, probabilities);
            double u = random.nextDouble();
            int level = 0;
            double cumulative = probabilities[0];
            while (u >= cumulative && level < levels - 1) {
                level++;
                cumulative += probabilities[level];
            }
            out[row] = level;
        }
    }

    @Override
    public String description() {
        return parents().isEmpty() ? "level frequencies" : model.description();
    }
}
