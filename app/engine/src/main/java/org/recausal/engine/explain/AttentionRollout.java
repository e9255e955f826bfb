package org.recausal.engine.explain;

import org.recausal.engine.recsys.sasrec.AttentionMap;

/**
 * Attention rollout (Abnar &amp; Zuidema 2020, "Quantifying attention flow in transformers"): raw attention of one
 * block ignores the residual connection that carries each position's own state past the attention, and ignores
 * the earlier blocks. Rollout mixes each block's head-averaged attention with the identity,
 * {@code 0.5 A + 0.5 I} (rows still sum to 1), and multiplies the blocks from the first to the last. In SASRec the
 * residual adds the layer-normalised query, which the identity stands for as in the paper.
 */
final class AttentionRollout {
    private AttentionRollout() {
    }

    /** The rolled-out attention matrix [window x window]; row i is position i's attention over positions 0..i. */
    static double[][] matrix(AttentionMap map) {
        int n = map.items().size();
        double[][] rolled = identity(n);
        for (int b = 0; b < map.blocks(); b++) {
            double[][] mixed = new double[n][n];
            for (int h = 0; h < map.heads(); h++) {
                float[][] w = map.weights()[b][h];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        mixed[i][j] += 0.5 * w[i][j] / map.heads();
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                mixed[i][i] += 0.5;
            }
            rolled = multiply(mixed, rolled);
        }
        return rolled;
    }

    /** The last row of {@link #matrix}: the prediction's rolled-out attention over the window. */
    static double[] lastRow(AttentionMap map) {
        int n = map.items().size();
        return n == 0 ? new double[0] : matrix(map)[n - 1];
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < n; p++) {
                double x = a[i][p];
                if (x == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    c[i][j] += x * b[p][j];
                }
            }
        }
        return c;
    }
}
