package org.recausal.engine.scm;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How a node's value comes about from its parents' values and its own noise: one structural equation of a
 * {@link StructuralCausalModel}. Implementations are immutable and thread-safe.
 */
public interface Mechanism {

    /** The parents, in the order of the columns {@link #draw} receives. */
    List<String> parents();

    /**
     * Draws the node's values for rows [from, to) into {@code out[from, to)}, given {@code parents[j]}, the values
     * of parent j. Must consume the same number of random values per row whatever the parents' values, so that
     * two runs with the same seed share their noise (common random numbers) even under different interventions.
     */
    void draw(double[][] parents, int from, int to, RandomGenerator random, double[] out);

    /** What the mechanism is, in words ("linear regression + empirical noise"). */
    String description();
}
