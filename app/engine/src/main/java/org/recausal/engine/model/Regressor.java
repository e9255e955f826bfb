package org.recausal.engine.model;

/** A fitted model of a numeric target: its expected value given the inputs. Immutable and thread-safe. */
public interface Regressor {

    Features features();

    /** The prediction for one row; {@code columns[j]} holds input j. */
    double predict(double[][] columns, int row);

    /** Predictions for rows [from, to) into {@code out[from, to)}. */
    default void predictAll(double[][] columns, int from, int to, double[] out) {
        for (int row = from; row < to; row++) {
            out[row] = predict(columns, row);
        }
    }

    /** What kind of model this is, for the analyst ("linear regression", ...). */
    String description();
}
