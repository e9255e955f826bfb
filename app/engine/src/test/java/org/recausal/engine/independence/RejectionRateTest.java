package org.recausal.engine.independence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Each test on data simulated from structural causal models with a known answer, over many seeds: where x and y are
 * independent given the set, a test at alpha = 0.05 must reject in about 5% of the data sets (over 300 seeds the
 * rate's standard error is 1.3 points, so [2%, 9%] holds it with room to spare); where a clear dependence was put
 * in, it must reject nearly always.
 */
class RejectionRateTest {

    private static final int SEEDS = 300;
    private static final double ALPHA = 0.05;

    /** A simulated data set: variables x, y and the conditioning set z, made from one seed. */
    private interface Scm {
        List<TestVariable> simulate(SplittableRandom random);
    }

    private static double rejectionRate(IndependenceTest test, Scm scm) {
        int rejected = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            List<TestVariable> v = scm.simulate(new SplittableRandom(seed));
            TestResult result = test.test(v.get(0), v.get(1), v.subList(2, v.size()));
            rejected += result.p() < ALPHA ? 1 : 0;
        }
        return (double) rejected / SEEDS;
    }

    /** z -> x, z -> y, and x -> y with the given strength; Gaussian noise. One x value in 50 is missing. */
    private static Scm linearGaussian(double effect, int n) {
        return random -> {
            double[] z1 = new double[n];
            double[] z2 = new double[n];
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                z1[i] = random.nextGaussian();
                z2[i] = random.nextGaussian() + 0.5 * z1[i];
                x[i] = 0.8 * z1[i] - 0.5 * z2[i] + random.nextGaussian();
                y[i] = 0.6 * z1[i] + 0.7 * z2[i] + effect * x[i] + random.nextGaussian();
                if (random.nextInt(50) == 0) {
                    x[i] = Double.NaN;
                }
            }
            return List.of(ContinuousVariable.of("x", x), ContinuousVariable.of("y", y),
                    ContinuousVariable.of("z1", z1), ContinuousVariable.of("z2", z2));
        };
    }

    /** Categorical z (3 values) -> x (3), z -> y (3), and x -> y when {@code dependent}. */
    private static Scm discrete(boolean dependent, int n) {
        double[][] xGivenZ = {{0.6, 0.3, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.2, 0.7}};
        return random -> {
            int[] z = new int[n];
            int[] x = new int[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                z[i] = random.nextInt(3);
                x[i] = draw(random, xGivenZ[z[i]]);
                int shift = dependent ? x[i] : 0;
                y[i] = draw(random, xGivenZ[(z[i] + shift) % 3]);
            }
            return List.of(DiscreteVariable.of("x", x, 3), DiscreteVariable.of("y", y, 3), DiscreteVariable.of("z", z, 3));
        };
    }

    /** Binary z -> continuous x; z -> categorical y (3 values, multinomial logit), and x -> y when dependent. */
    private static Scm mixed(double effect, int n) {
        return random -> {
            int[] z = new int[n];
            double[] x = new double[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                z[i] = random.nextInt(2);
                x[i] = 1.2 * z[i] + random.nextGaussian();
                double[] weights = {1, Math.exp(0.8 * z[i] + effect * x[i]), Math.exp(-0.5 + 0.4 * z[i] - effect * x[i])};
                double total = weights[0] + weights[1] + weights[2];
                y[i] = draw(random, new double[] {weights[0] / total, weights[1] / total, weights[2] / total});
            }
            return List.of(ContinuousVariable.of("x", x), DiscreteVariable.of("y", y, 3), DiscreteVariable.of("z", z, 2));
        };
    }

    private static int draw(SplittableRandom random, double[] probabilities) {
        double u = random.nextDouble();
        for (int k = 0; k < probabilities.length - 1; k++) {
            u -= probabilities[k];
            if (u < 0) {
                return k;
            }
        }
        return probabilities.length - 1;
    }

    @Test
    void fisherZHoldsItsLevelAndFindsALinearEffect() {
        assertThat(rejectionRate(new FisherZTest(), linearGaussian(0, 200))).isBetween(0.02, 0.09);
        assertThat(rejectionRate(new FisherZTest(), linearGaussian(0.3, 200))).isGreaterThan(0.95);
    }

    @Test
    void gTestAndPearsonHoldTheirLevelAndFindADiscreteEffect() {
        for (IndependenceTest test : List.of(ContingencyTest.gTest(), ContingencyTest.pearsonChiSquare())) {
            assertThat(rejectionRate(test, discrete(false, 600))).as(test.name()).isBetween(0.02, 0.09);
            assertThat(rejectionRate(test, discrete(true, 600))).as(test.name()).isGreaterThan(0.95);
        }
    }

    @Test
    void mixedTestHoldsItsLevelAndFindsAMixedEffect() {
        assertThat(rejectionRate(new MixedRegressionTest(), mixed(0, 300))).isBetween(0.02, 0.09);
        assertThat(rejectionRate(new MixedRegressionTest(), mixed(0.6, 300))).isGreaterThan(0.95);
    }

    @Test
    void mixedTestOnContinuousDataAgreesWithFisherZInLargeSamples() {
        // With every variable continuous both directions are the same linear model: LR = -n ln(1 - r^2).
        List<TestVariable> v = linearGaussian(0.05, 5000).simulate(new SplittableRandom(99));
        TestResult lr = new MixedRegressionTest().test(v.get(0), v.get(1), v.subList(2, 4));
        TestResult z = new FisherZTest().test(v.get(0), v.get(1), v.subList(2, 4));
        assertThat(lr.n()).isEqualTo(z.n()).isLessThan(5000);
        assertThat(lr.df()).isEqualTo(1);
        assertThat(Math.sqrt(lr.statistic())).isCloseTo(Math.abs(z.statistic()), org.assertj.core.data.Percentage.withPercentage(1));
    }
}
