package org.recausal.engine.recsys.ips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.InteractionFiles;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.metrics.RatingMetrics;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.mf.MfConfig;
import org.recausal.engine.recsys.mf.RatingMf;
import org.recausal.engine.recsys.mf.Weighting;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * A simulated world with known truth: every user has a rating for every item (low rank plus noise), and
 * a rating is logged with a probability that grows with the rating (users rate what they like, as in
 * Coat and Yahoo!R3). The mean squared error of a predictor over the whole matrix is then known exactly;
 * its naive estimate on the log is biased, its IPS estimate is not.
 */
class IpsSimulationTest {
    static final int USERS = 400;
    static final int ITEMS = 300;
    static final double[] PROPENSITY = {0, 0.02, 0.03, 0.06, 0.15, 0.3};

    final int[][] truth = new int[USERS][ITEMS];
    final Interactions log;
    final Interactions mcar;
    final IdIndex users = IdIndex.of(InteractionFiles.numberedIds(USERS));
    final IdIndex items = IdIndex.of(InteractionFiles.numberedIds(ITEMS));

    IpsSimulationTest() {
        SplittableRandom random = new SplittableRandom(2016);
        double[][] a = new double[USERS][2];
        double[][] b = new double[ITEMS][2];
        for (double[] row : a) {
            row[0] = random.nextGaussian();
            row[1] = random.nextGaussian();
        }
        for (double[] row : b) {
            row[0] = random.nextGaussian();
            row[1] = random.nextGaussian();
        }
        Interactions.Builder logged = Interactions.builder(users, items);
        Interactions.Builder sample = Interactions.builder(users, items);
        for (int u = 0; u < USERS; u++) {
            for (int i = 0; i < ITEMS; i++) {
                double score = 3 + a[u][0] * b[i][0] + a[u][1] * b[i][1] + 0.5 * random.nextGaussian();
                int y = (int) Math.max(1, Math.min(5, Math.round(score)));
                truth[u][i] = y;
                if (random.nextDouble() < PROPENSITY[y]) {
                    logged.add(u, i, y, 0);
                }
                if (random.nextDouble() < 0.01) {
                    sample.add(u, i, y, 0);
                }
            }
        }
        log = logged.build();
        mcar = sample.build();
    }

    /** A predictor that says 4 for everything: its error is large exactly on the low ratings the log hides. */
    @Test
    void ipsEstimateOfTheErrorIsUnbiasedWhereTheNaiveOneIsNot() {
        double trueMse = 0;
        for (int[] row : truth) {
            for (int y : row) {
                trueMse += (4.0 - y) * (4.0 - y);
            }
        }
        trueMse /= USERS * ITEMS;
        PropensityModel known = (u, i, value) -> PROPENSITY[(int) value];
        RatingMetrics metrics = new RatingMetrics();
        for (int r = 0; r < log.size(); r++) {
            metrics.add(4.0, log.value(r), known.propensity(log.user(r), log.item(r), log.value(r)));
        }
        Map<String, Double> v = metrics.values((long) USERS * ITEMS);
        double naiveBias = Math.abs(v.get("MSE") - trueMse);
        assertThat(v.get("IPS-MSE")).isCloseTo(trueMse, within(0.05 * trueMse));
        assertThat(v.get("SNIPS-MSE")).isCloseTo(trueMse, within(0.05 * trueMse));
        assertThat(naiveBias).isGreaterThan(0.3 * trueMse);
    }

    @Test
    void naiveBayesRecoversPropensitiesThatDependOnTheRating() {
        NaiveBayesPropensities nb = NaiveBayesPropensities.fit(log, mcar, (long) USERS * ITEMS);
        for (int y = 1; y <= 5; y++) {
            assertThat(nb.propensity(0, 0, y)).as("rating %d", y).isCloseTo(PROPENSITY[y], within(0.3 * PROPENSITY[y]));
        }
    }

    /** MF trained on the log and judged on the whole matrix, as Coat's random test set judges it. */
    @Test
    void ipsTrainedFactorisationPredictsTheWholeMatrixBetter() {
        PropensityModel known = (u, i, value) -> PROPENSITY[(int) value];
        MfConfig config = new MfConfig(4, 1.0, 400, 0.03f, 1);
        FactorModel naive = new RatingMf(Weighting.NAIVE, null).fit(log, config, CancellationToken.none(), ProgressListener.NONE);
        FactorModel ips = new RatingMf(Weighting.IPS, known).fit(log, config, CancellationToken.none(), ProgressListener.NONE);
        double naiveMse = wholeMatrixMse(naive);
        double ipsMse = wholeMatrixMse(ips);
        assertThat(ipsMse).isLessThan(0.9 * naiveMse);
    }

    private double wholeMatrixMse(FactorModel model) {
        double sum = 0;
        for (int u = 0; u < USERS; u++) {
            for (int i = 0; i < ITEMS; i++) {
                double e = model.predict(u, i) - truth[u][i];
                sum += e * e;
            }
        }
        return sum / (USERS * ITEMS);
    }
}
