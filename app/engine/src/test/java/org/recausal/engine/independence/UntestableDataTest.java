package org.recausal.engine.independence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.CancelledException;

/** Data that cannot answer the question is said so, with the reason, rather than given a made-up p-value. */
class UntestableDataTest {

    private static double[] gaussian(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    @Test
    void tooFewCompleteRows() {
        double[] x = {1, 2, Double.NaN, 4, 5};
        double[] y = {2, 1, 3, Double.NaN, 5};
        assertThatThrownBy(() -> new FisherZTest().test(ContinuousVariable.of("x", x), ContinuousVariable.of("y", y),
                List.of(ContinuousVariable.of("z", new double[] {1, 0, 1, 0, 2}))))
                .isInstanceOf(NotTestableException.class)
                .hasMessage("3 complete rows are too few for a partial correlation given 1 variables (at least 5 needed)");
    }

    @Test
    void aVariableTheSetDeterminesHasNothingLeftToTest() {
        double[] z = gaussian(100, 1);
        double[] x = z.clone();
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 * z[i] - 2;
        }
        assertThatThrownBy(() -> new FisherZTest().test(ContinuousVariable.of("x", x),
                ContinuousVariable.of("y", gaussian(100, 2)), List.of(ContinuousVariable.of("z", z))))
                .hasMessage("'x' has no variation left given z");
        assertThatThrownBy(() -> new MixedRegressionTest().test(ContinuousVariable.of("x", x),
                DiscreteVariable.of("y", new int[100], 2), List.of(ContinuousVariable.of("z", z))))
                .hasMessage("'y' takes a single value in the complete rows");
    }

    @Test
    void contingencyTestsNeedTwoValuesOfBothSomewhere() {
        int[] x = {0, 0, 1, 1, 0, 1};
        int[] y = {0, 0, 1, 1, 0, 1};
        int[] z = {0, 0, 1, 1, 0, 1};
        assertThatThrownBy(() -> ContingencyTest.gTest().test(DiscreteVariable.of("x", x, 2),
                DiscreteVariable.of("y", y, 2), List.of(DiscreteVariable.of("z", z, 2))))
                .hasMessage("no stratum of the conditioning set holds two values each of 'x' and 'y'");
    }

    @Test
    void manyStrataAreCountedSparsely() {
        // Four conditioning variables of 40 values: 2.56 million possible strata, far more than the rows.
        int n = 20_000;
        SplittableRandom random = new SplittableRandom(3);
        int[] x = new int[n];
        int[] y = new int[n];
        int[][] z = new int[4][n];
        for (int i = 0; i < n; i++) {
            for (int[] zj : z) {
                zj[i] = random.nextInt(40);
            }
            x[i] = z[0][i] % 2 == 0 ? random.nextInt(2) : random.nextInt(3);
            y[i] = random.nextInt(3);
        }
        List<TestVariable> given = List.of(DiscreteVariable.of("a", z[0], 40), DiscreteVariable.of("b", z[1], 40),
                DiscreteVariable.of("c", z[2], 40), DiscreteVariable.of("d", z[3], 40));
        TestResult sparse = ContingencyTest.gTest().test(DiscreteVariable.of("x", x, 3), DiscreteVariable.of("y", y, 3),
                given);
        // Nearly every stratum holds a single row, so almost none adds degrees of freedom.
        assertThat(sparse.n()).isEqualTo(n);
        assertThat(sparse.df()).isLessThan(200);
        assertThat(sparse.detail()).contains("20000 rows in ");
    }

    @Test
    void cancellationStopsBetweenPasses() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThatThrownBy(() -> new FisherZTest().test(ContinuousVariable.of("x", gaussian(50, 1)),
                ContinuousVariable.of("y", gaussian(50, 2)), List.of(), token))
                .isInstanceOf(CancelledException.class);
    }
}
