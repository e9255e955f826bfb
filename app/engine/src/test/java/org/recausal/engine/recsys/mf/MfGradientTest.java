package org.recausal.engine.recsys.mf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The MF, IPS-MF and (weighted) BPR gradients against central finite differences. */
class MfGradientTest {

    private static void check(Objective objective, float[] p) {
        float[] grad = new float[p.length];
        objective.lossAndGradient(p, grad);
        int nonZero = 0;
        for (int j = 0; j < p.length; j++) {
            float original = p[j];
            float h = 1e-2f;
            p[j] = original + h;
            double up = objective.lossAndGradient(p, new float[p.length]);
            p[j] = original - h;
            double down = objective.lossAndGradient(p, new float[p.length]);
            p[j] = original;
            double numeric = (up - down) / (2 * h);
            assertThat(grad[j]).as("parameter %d", j).isCloseTo((float) numeric,
                    org.assertj.core.api.Assertions.within((float) (1e-3 + 1e-2 * Math.abs(numeric))));
            nonZero += Math.abs(grad[j]) > 1e-4 ? 1 : 0;
        }
        assertThat(nonZero).isGreaterThan(p.length / 2);
    }

    private static float[] params(FactorModel model, long seed) {
        float[] p = model.params();
        SplittableRandom r = new SplittableRandom(seed);
        for (int j = 0; j < p.length; j++) {
            p[j] = (float) (r.nextDouble() - 0.5);
        }
        return p;
    }

    @Test
    void squaredErrorNaiveAndInverseWeighted() {
        FactorModel model = new FactorModel(3, 4, 2);
        int[] u = {0, 0, 1, 2, 2, 1};
        int[] i = {0, 3, 1, 2, 0, 3};
        float[] y = {5, 1, 3, 4, 2, 2};
        double[] naive = {1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0};
        double[] ips = {1 / (0.5 * 12), 1 / (0.1 * 12), 1 / (0.3 * 12), 1 / (0.9 * 12), 1 / (0.2 * 12), 1 / (0.6 * 12)};
        check(new RatingObjective(model, u, i, y, naive, 0.3), params(model, 1));
        check(new RatingObjective(model, u, i, y, ips, 0.3), params(model, 2));
    }

    @Test
    void bprPlainAndWeighted() {
        FactorModel model = new FactorModel(3, 5, 3);
        int[] u = {0, 1, 2, 0};
        int[] i = {1, 2, 3, 4};
        int[] j = {0, 4, 1, 2};
        check(new BprObjective(model, u, i, j, null, 4, 0.1), params(model, 3));
        check(new BprObjective(model, u, i, j, new float[] {0.5f, 2f, 1f, 0.5f}, 4, 0.1), params(model, 4));
    }
}
