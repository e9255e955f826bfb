package org.recausal.engine.simulate;

import java.util.List;
import java.util.random.RandomGenerator;

import org.recausal.engine.scm.Mechanism;

/**
 * A mechanism written as an equation of one row's parent values and random numbers: how the ground-truth models
 * of the simulators are stated. An equation must draw the same number of random values whatever the parents'
 * values (e.g. a Poisson count by inversion of one uniform), so that runs under different interventions share
 * their noise.
 */
public final class RowMechanism implements Mechanism {

    /** The structural equation: the value for the parents' values, in {@link #parents()} order. */
    @FunctionalInterface
    public interface Equation {
        double value(double[] parents, RandomGenerator random);
    }

    private final String description;
    private final List<String> parents;
    private final Equation equation;

    public RowMechanism(String description, List<String> parents, Equation equation) {
        this.description = description;
        this.parents = List.copyOf(parents);
        this.equation = equation;
    }

    @Override
    public List<String> parents() {
        return parents;
    }

    @Override
    public void draw(double[][] parentColumns, int from, int to, RandomGenerator random, double[] out) {
        double[] values = new double[parentColumns.length];
        for (int row = from; row < to; row++) {
            for (int j = 0; j < values.length; j++) {
                values[j] = parentColumns[j][row];
            }
            out[row] = equation.value(values, random);
        }
    }

    @Override
    public String description() {
        return description;
    }
}
