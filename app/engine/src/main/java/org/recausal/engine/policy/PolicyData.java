package org.recausal.engine.policy;

import java.util.Objects;

import org.recausal.engine.scm.Observations;

/**
 * The logged data a policy is evaluated on: one row per (user, item) pair the current ranking considered, with
 * the graph's observed variables, and what the log may add: user and item ids (for per-user uplift, catalogue
 * coverage and concentration), the logged probability that the pair was exposed (for off-policy estimates) and
 * another model's score of the pair (for {@link Policy.SwapModel}). Absent parts are null.
 */
public record PolicyData(Observations rows, String[] users, String[] items, double[] propensities,
        double[] alternativeScores) {

    public PolicyData {
        Objects.requireNonNull(rows, "rows");
        check("user ids", users == null ? -1 : users.length, rows.rows());
        check("item ids", items == null ? -1 : items.length, rows.rows());
        check("propensities", propensities == null ? -1 : propensities.length, rows.rows());
        check("alternative scores", alternativeScores == null ? -1 : alternativeScores.length, rows.rows());
        if (propensities != null) {
            for (int i = 0; i < propensities.length; i++) {
                if (!(propensities[i] > 0 && propensities[i] < 1)) {
                    throw new IllegalArgumentException("the logged exposure propensity in row " + (i + 1) + " is "
                            + propensities[i] + "; off-policy estimates need propensities strictly between 0 and 1");
                }
            }
        }
        if (alternativeScores != null) {
            for (int i = 0; i < alternativeScores.length; i++) {
                if (!Double.isFinite(alternativeScores[i])) {
                    throw new IllegalArgumentException("the other model gives no score for row " + (i + 1));
                }
            }
        }
    }

    /** Only the graph's variables. */
    public static PolicyData of(Observations rows) {
        return new PolicyData(rows, null, null, null, null);
    }

    public PolicyData withIds(String[] newUsers, String[] newItems) {
        return new PolicyData(rows, newUsers, newItems, propensities, alternativeScores);
    }

    public PolicyData withPropensities(double[] newPropensities) {
        return new PolicyData(rows, users, items, newPropensities, alternativeScores);
    }

    public PolicyData withAlternativeScores(double[] scores) {
        return new PolicyData(rows, users, items, propensities, scores);
    }

    private static void check(String what, int length, int rows) {
        if (length >= 0 && length != rows) {
            throw new IllegalArgumentException("the " + what + " have " + length + " entries for " + rows + " rows");
        }
    }
}
