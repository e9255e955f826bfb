package org.recausal.engine.independence;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p-values for a list of tests, as R's p.adjust computes them. Holm's step-down method controls the
 * chance of any false rejection (family-wise error); Benjamini and Hochberg's step-up method controls the expected
 * share of false rejections among the rejections (false discovery rate; valid for independent or positively
 * dependent tests).
 */
public final class PValueAdjustment {

    private PValueAdjustment() {
    }

    /** Holm (1979): the i-th smallest of m p-values times (m - i + 1), made monotone, capped at 1. */
    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = ascending(p);
        double[] adjusted = new double[m];
        double running = 0;
        for (int i = 0; i < m; i++) {
            running = Math.max(running, Math.min(1, (m - i) * p[order[i]]));
            adjusted[order[i]] = running;
        }
        return adjusted;
    }

    /** Benjamini and Hochberg (1995): the i-th smallest of m p-values times m / i, made monotone from the top. */
    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = ascending(p);
        double[] adjusted = new double[m];
        double running = 1;
        for (int i = m - 1; i >= 0; i--) {
            running = Math.min(running, Math.min(1, p[order[i]] * m / (i + 1)));
            adjusted[order[i]] = running;
        }
        return adjusted;
    }

    private static Integer[] ascending(double[] p) {
        for (double value : p) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("a p-value must lie in [0, 1], not " + value);
            }
        }
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        return order;
    }
}
