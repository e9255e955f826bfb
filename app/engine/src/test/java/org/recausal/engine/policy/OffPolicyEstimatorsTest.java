package org.recausal.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.recausal.engine.estimate.Interval;
import org.recausal.engine.model.PortableMath;
import org.recausal.engine.scm.Seeds;

/**
 * IPS, SNIPS and DR on many simulated logs with known propensities: a context x ~ N(0, 1), exposure with
 * probability sigmoid(x), a binary outcome with probability sigmoid(-1 + 1.5 a + x); the policy shows with
 * probability sigmoid(x - 1). The true value is an integral over x, computed numerically.
 */
class OffPolicyEstimatorsTest {

    private static final int LOGS = 300;
    private static final int ROWS = 2_000;

    private static double logging(double x) {
        return PortableMath.sigmoid(x);
    }

    private static double policy(double x) {
        return PortableMath.sigmoid(x - 1);
    }

    private static double outcome(double x, int a) {
        return PortableMath.sigmoid(-1 + 1.5 * a + x);
    }

    /** E over x ~ N(0, 1) of f(x), by the trapezoid rule on [-10, 10]. */
    private static double integral(java.util.function.DoubleUnaryOperator f) {
        int steps = 20_000;
        double h = 20.0 / steps;
        double sum = 0;
        for (int k = 0; k <= steps; k++) {
            double x = -10 + k * h;
            double weight = (k == 0 || k == steps ? 0.5 : 1) * h * Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
            sum += weight * f.applyAsDouble(x);
        }
        return sum;
    }

    @Test
    void estimatorsAreUnbiasedAndTheirIntervalsCover() {
        double value = integral(x -> policy(x) * outcome(x, 1) + (1 - policy(x)) * outcome(x, 0));
        double logged = integral(x -> logging(x) * outcome(x, 1) + (1 - logging(x)) * outcome(x, 0));
        String[] names = {"IPS", "SNIPS", "DR"};
        double[] sums = new double[3];
        double[] squares = new double[3];
        int[] covered = new int[3];
        for (int log = 0; log < LOGS; log++) {
            SplittableRandom random = Seeds.random(7, log);
            double[] y = new double[ROWS];
            double[] a = new double[ROWS];
            double[] p = new double[ROWS];
            double[] pi = new double[ROWS];
            double[] q0 = new double[ROWS];
            double[] q1 = new double[ROWS];
            for (int i = 0; i < ROWS; i++) {
                double x = Seeds.normal(random);
                p[i] = logging(x);
                pi[i] = policy(x);
                a[i] = random.nextDouble() < p[i] ? 1 : 0;
                y[i] = random.nextDouble() < outcome(x, (int) a[i]) ? 1 : 0;
                // A wrong outcome model: DR must stay unbiased through the right propensities.
                q0[i] = 0.5;
                q1[i] = 0.5;
            }
            double[] w = OffPolicyEstimators.weights(a, p, pi);
            PolicyResult.Estimate none = new PolicyResult.Estimate(Double.NaN, new Interval(Double.NaN, Double.NaN,
                    0.95));
            List<PolicyResult.Estimator> estimates = OffPolicyEstimators.estimate(y, a, pi, w, q0, q1, none, 0.95);
            for (int e = 0; e < 3; e++) {
                PolicyResult.Estimator estimator = estimates.get(e);
                assertThat(estimator.name()).isEqualTo(names[e]);
                assertThat(estimator.disagrees()).isFalse();
                double v = estimator.value().value();
                sums[e] += v;
                squares[e] += v * v;
                covered[e] += estimator.value().ci().contains(value) ? 1 : 0;
                assertThat(estimator.difference().value()).isCloseTo(v - OffPolicyEstimators.mean(y), within(1e-12));
            }
        }
        assertThat(value).isLessThan(logged);
        for (int e = 0; e < 3; e++) {
            double mean = sums[e] / LOGS;
            double sd = Math.sqrt(squares[e] / LOGS - mean * mean);
            assertThat(mean).as(names[e] + " mean over logs").isCloseTo(value, within(3.5 * sd / Math.sqrt(LOGS)));
            assertThat(covered[e] / (double) LOGS).as(names[e] + " coverage").isBetween(0.90, 0.99);
        }
    }

    @Test
    void weightsAndEffectiveSampleSize() {
        double[] w = OffPolicyEstimators.weights(new double[] {1, 0}, new double[] {0.5, 0.25},
                new double[] {0.25, 0.5});
        assertThat(w).containsExactly(0.5, (1 - 0.5) / (1 - 0.25));
        assertThat(OffPolicyEstimators.effectiveSampleSize(new double[] {1, 1, 1, 1})).isEqualTo(4);
        assertThat(OffPolicyEstimators.effectiveSampleSize(new double[] {4, 0, 0, 0})).isEqualTo(1);
    }
}
