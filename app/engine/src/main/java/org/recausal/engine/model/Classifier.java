package org.recausal.engine.model;

/** A fitted model of a discrete target: the probability of each level given the inputs. Immutable and thread-safe. */
public interface Classifier {

    Features features();

    /** The number of levels (classes). */
    int levels();

    /** Writes P(level k | inputs of {@code row}) into {@code out[k]} for every level. */
    void probabilities(double[][] columns, int row, double[] out);

    /** What kind of model this is, for the analyst ("logistic regression", ...). */
    String description();
}
