package org.recausal.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RegressionModelsTest {

    private static final Features TWO = Features.of(List.of("x", "group"),
            List.of(Scale.numeric(), Scale.categorical(List.of("a", "b", "c"))));

    /** x ~ N(0, 1) scaled to milliseconds-like size, group uniform over 3 levels. */
    private static double[][] inputs(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] columns = new double[2][n];
        for (int i = 0; i < n; i++) {
            columns[0][i] = 1e12 + 1e9 * random.nextGaussian();
            columns[1][i] = random.nextInt(3);
        }
        return columns;
    }

    private static double linear(double[][] x, int i, double b0, double bx, double bb, double bc) {
        double z = (x[0][i] - 1e12) / 1e9;
        return b0 + bx * z + (x[1][i] == 1 ? bb : 0) + (x[1][i] == 2 ? bc : 0);
    }

    @Test
    void leastSquaresIsExactOnNoiselessDataWhateverTheUnits() {
        double[][] x = inputs(500, 1);
        double[] y = new double[500];
        for (int i = 0; i < 500; i++) {
            y[i] = linear(x, i, 1, 2, -3, 0.5);
        }
        LinearRegression fit = LinearRegression.fit(new TrainingSet(TWO, x, y, null));
        assertThat(fit.coefficient("x")).isCloseTo(2e-9, within(1e-15));
        assertThat(fit.coefficient("group=b")).isCloseTo(-3, within(1e-9));
        assertThat(fit.coefficient("group=c")).isCloseTo(0.5, within(1e-9));
        assertThat(fit.residualSquares()).isLessThan(1e-12);
        assertThat(fit.predict(x, 7)).isCloseTo(y[7], within(1e-9));
    }

    @Test
    void weightsCountRowsAsOften() {
        double[][] x = inputs(300, 2);
        SplittableRandom random = new SplittableRandom(3);
        double[] y = new double[300];
        double[] w = new double[300];
        for (int i = 0; i < 300; i++) {
            y[i] = linear(x, i, 1, 2, -3, 0.5) + random.nextGaussian();
            w[i] = random.nextInt(3);
        }
        int total = 0;
        for (double weight : w) {
            total += (int) weight;
        }
        int[] repeated = new int[total];
        for (int i = 0, at = 0; i < 300; i++) {
            for (int c = 0; c < w[i]; c++) {
                repeated[at++] = i;
            }
        }
        TrainingSet set = new TrainingSet(TWO, x, y, null);
        LinearRegression weighted = LinearRegression.fit(set.withWeights(w));
        LinearRegression expanded = LinearRegression.fit(set.gather(repeated));
        assertThat(weighted.coefficient("group=b")).isCloseTo(expanded.coefficient("group=b"), within(1e-9));
        LogisticRegression weightedLogit = LogisticRegression.fit(new TrainingSet(TWO, x, binary(y), w));
        LogisticRegression expandedLogit = LogisticRegression.fit(new TrainingSet(TWO, x, binary(y), null)
                .gather(repeated));
        assertThat(weightedLogit.coefficient("x")).isCloseTo(expandedLogit.coefficient("x"), within(1e-12));
    }

    private static double[] binary(double[] y) {
        double[] b = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            b[i] = y[i] > 1 ? 1 : 0;
        }
        return b;
    }

    /** Large enough to start Newton from a subsample fit: the solution must still solve the score equations. */
    @Test
    void logisticFitsSolveTheScoreEquationsOnLargeData() {
        int n = 4 * LogisticRegression.WARM_START_ROWS + 1_000;
        double[][] x = inputs(n, 4);
        double[] y = new double[n];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            y[i] = random.nextDouble() < LogisticRegression.sigmoid(linear(x, i, -0.5, 0.8, 1, -1)) ? 1 : 0;
        }
        LogisticRegression fit = LogisticRegression.fit(new TrainingSet(TWO, x, y, null));
        double[] score = new double[4];
        double[] features = new double[3];
        for (int i = 0; i < n; i++) {
            double residual = y[i] - fit.probability(x, i);
            TWO.fill(x, i, features);
            score[0] += residual;
            score[1] += residual * (features[0] - 1e12) / 1e9;
            score[2] += residual * features[1];
            score[3] += residual * features[2];
        }
        for (double s : score) {
            assertThat(Math.abs(s) / n).isLessThan(1e-6);
        }
        assertThat(fit.coefficient("x") * 1e9).isCloseTo(0.8, within(0.02));
        assertThat(fit.coefficient("group=b")).isCloseTo(1, within(0.03));
    }

    @Test
    void multinomialFitsSolveTheScoreEquationsOnLargeData() {
        int n = 4 * LogisticRegression.WARM_START_ROWS + 1_000;
        double[][] x = inputs(n, 6);
        double[] y = new double[n];
        SplittableRandom random = new SplittableRandom(7);
        double[] p = new double[3];
        for (int i = 0; i < n; i++) {
            double a = Math.exp(linear(x, i, 0.2, 0.5, 1, 0));
            double b = Math.exp(linear(x, i, -0.3, -0.7, 0, 1));
            double u = random.nextDouble() * (1 + a + b);
            y[i] = u < 1 ? 0 : u < 1 + a ? 1 : 2;
        }
        MultinomialRegression fit = MultinomialRegression.fit(new TrainingSet(TWO, x, y, null), 3);
        double[][] score = new double[3][2];
        for (int i = 0; i < n; i++) {
            fit.probabilities(x, i, p);
            for (int level = 1; level < 3; level++) {
                double residual = (y[i] == level ? 1 : 0) - p[level];
                score[level][0] += residual;
                score[level][1] += residual * (x[0][i] - 1e12) / 1e9;
            }
        }
        for (int level = 1; level < 3; level++) {
            assertThat(Math.abs(score[level][0]) / n).isLessThan(1e-6);
            assertThat(Math.abs(score[level][1]) / n).isLessThan(1e-6);
        }
    }

    @Test
    void tablesSmoothTowardsTheMarginal() {
        Features one = Features.of(List.of("g"), List.of(Scale.binary()));
        double[][] g = {{0, 0, 0, 1}};
        double[] y = {1, 1, 0, 0};
        ConditionalTable table = ConditionalTable.fit(new TrainingSet(one, g, y, null), 2);
        double[] p = new double[2];
        table.probabilities(g, 0, p);
        // Level 1 has marginal 1/2; with three rows, 2 of them 1: (2 + 1/2) / (3 + 1).
        assertThat(p[1]).isCloseTo(2.5 / 4, within(1e-12));
        table.probabilities(g, 3, p);
        assertThat(p[1]).isCloseTo(0.5 / 2, within(1e-12));
    }

    @Test
    void metricsAgreeWithTheirDefinitions() {
        SplittableRandom random = new SplittableRandom(8);
        double[] labels = new double[300];
        double[] scores = new double[300];
        for (int i = 0; i < 300; i++) {
            labels[i] = random.nextInt(2);
            scores[i] = random.nextInt(10) + labels[i] * random.nextInt(5);
        }
        double wins = 0;
        double pairs = 0;
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 300; j++) {
                if (labels[i] == 1 && labels[j] == 0) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        assertThat(Metrics.auc(labels, scores)).isCloseTo(wins / pairs, within(1e-12));
        assertThat(Metrics.rSquared(new double[] {1, 2, 3}, new double[] {1, 2, 4})).isCloseTo(0.5, within(1e-12));
        assertThat(Metrics.logLoss(new double[] {0, 1}, new double[][] {{0.5, 0.5}, {0.2, 0.8}}))
                .isCloseTo(-(Math.log(0.5) + Math.log(0.8)) / 2, within(1e-12));
    }
}
