package org.recausal.engine.estimate;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.recausal.engine.scm.Seeds;

/**
 * The nonparametric bootstrap as row weights: replicate r counts how often each row was drawn in n draws with
 * replacement, from its own seeded stream, so replicates can run on any thread in any order.
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /** How often each of {@code rows} rows appears in replicate {@code replicate}. */
    public static double[] weights(int rows, long seed, int replicate) {
        SplittableRandom random = Seeds.random(seed, replicate);
        double[] counts = new double[rows];
        for (int i = 0; i < rows; i++) {
            counts[random.nextInt(rows)]++;
        }
        return counts;
    }

    /** The percentile interval of replicate estimates (NaN replicates, from failed fits, are left out). */
    public static Interval percentile(double[] replicates, double level) {
        double[] sorted = Arrays.stream(replicates).filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) {
            return new Interval(Double.NaN, Double.NaN, level);
        }
        double tail = (1 - level) / 2;
        return new Interval(quantile(sorted, tail), quantile(sorted, 1 - tail), level);
    }

    /** The standard deviation of the finite replicates. */
    public static double standardError(double[] replicates) {
        double[] finite = Arrays.stream(replicates).filter(Double::isFinite).toArray();
        double mean = Arrays.stream(finite).average().orElse(Double.NaN);
        double squares = 0;
        for (double v : finite) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / Math.max(1, finite.length - 1));
    }

    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
