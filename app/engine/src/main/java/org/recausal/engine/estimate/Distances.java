package org.recausal.engine.estimate;

import java.util.Arrays;

/** How far apart two distributions are: for checking simulated distributions against true ones. */
public final class Distances {

    private Distances() {
    }

    /**
     * The Wasserstein-1 (earth mover's) distance between two samples: the mean absolute difference between their
     * quantile functions, evaluated at {@code max(a.length, b.length)} evenly spaced levels.
     */
    public static double wasserstein(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int n = Math.max(x.length, y.length);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double level = (i + 0.5) / n;
            sum += Math.abs(x[(int) (level * x.length)] - y[(int) (level * y.length)]);
        }
        return sum / n;
    }

    /** Total variation distance between two distributions over the same levels: half the L1 distance. */
    public static double totalVariation(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException(p.length + " levels against " + q.length);
        }
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            sum += Math.abs(p[k] - q[k]);
        }
        return sum / 2;
    }
}
