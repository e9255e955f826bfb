package org.recausal.engine.recsys.ips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.InteractionFiles;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.metrics.RatingMetrics;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.mf.MfConfig;
import org.recausal.engine.recsys.mf.RatingMf;
import org.recausal.engine.recsys.mf.Weighting;
import org.recausal.engine.recsys.split.Splits;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * A simulated MNAR log with known truth: every (user, item) pair is considered, exposure follows the DAG
 * user_activity -> exposure <- item_popularity through a known logistic propensity, and every pair has a true
 * rating that also rises with popularity and activity, so the exposed ratings are a biased sample. The DAG's
 * fitted exposure mechanism must recover the true propensities, and its IPS estimate of a model's error on
 * held-out pairs must come closer to the true error (over all held-out pairs) than the naive mean does.
 */
class DagPropensitiesTest {
    static final int USERS = 300;
    static final int ITEMS = 200;

    @TempDir
    static Path dir;
    static double[] trueP;
    static double[] rating;
    static boolean[] exposed;
    static Table table;
    static Interactions log;
    static PropensityTable fitted;

    @BeforeAll
    static void simulate() throws IOException {
        SplittableRandom random = new SplittableRandom(2016);
        double[] activity = new double[USERS];
        double[] popularity = new double[ITEMS];
        Arrays.setAll(activity, u -> gaussian(random));
        Arrays.setAll(popularity, i -> gaussian(random));
        double[][] a = new double[USERS][2];
        double[][] b = new double[ITEMS][2];
        for (double[] row : a) {
            row[0] = 0.7 * gaussian(random);
            row[1] = 0.7 * gaussian(random);
        }
        for (double[] row : b) {
            row[0] = 0.7 * gaussian(random);
            row[1] = 0.7 * gaussian(random);
        }
        int n = USERS * ITEMS;
        trueP = new double[n];
        rating = new double[n];
        exposed = new boolean[n];
        Path file = dir.resolve("log.csv");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("user_id,item_id,user_activity,item_popularity,exposure,rating");
            for (int u = 0; u < USERS; u++) {
                for (int i = 0; i < ITEMS; i++) {
                    int r = u * ITEMS + i;
                    trueP[r] = 1 / (1 + Math.exp(-(-2.2 + 0.9 * activity[u] + 1.2 * popularity[i])));
                    exposed[r] = random.nextDouble() < trueP[r];
                    double score = 3 + 0.7 * popularity[i] + 0.3 * activity[u] + a[u][0] * b[i][0] + a[u][1] * b[i][1]
                            + 0.5 * gaussian(random);
                    rating[r] = Math.max(1, Math.min(5, Math.round(score)));
                    out.printf(Locale.ROOT, "u%d,i%d,%.6f,%.6f,%d,%d%n", u, i, activity[u], popularity[i],
                            exposed[r] ? 1 : 0, (int) rating[r]);
                }
            }
        }
        table = TableReader.read(file).table();
        log = InteractionFiles.read(file);
    }

    static Dag dag() {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("user_activity"));
        dag.addVariable(Variable.of("item_popularity"));
        dag.addVariable(Variable.of("exposure", Role.EXPOSURE, DataType.BINARY));
        dag.addVariable(Variable.of("rating"));
        dag.addEdge("user_activity", "exposure");
        dag.addEdge("item_popularity", "exposure");
        dag.addEdge("exposure", "rating");
        dag.addEdge("item_popularity", "rating");
        dag.addEdge("user_activity", "rating");
        return dag;
    }

    /** Fitted once for the tests that read it. */
    static synchronized PropensityTable fitted() {
        if (fitted == null) {
            fitted = DagPropensities.estimate(dag(), "exposure", table, "user_id", "item_id", log.users(), log.items(),
                    FitOptions.defaults(), CancellationToken.none());
        }
        return fitted;
    }

    @Test
    void theFittedExposureMechanismRecoversTheTruePropensities() {
        PropensityTable p = fitted();
        double error = 0;
        double worst = 0;
        for (int r = 0; r < log.size(); r++) {
            double e = Math.abs(p.propensity(log.user(r), log.item(r), Float.NaN) - trueP[r]);
            error += e;
            worst = Math.max(worst, e);
        }
        assertThat(error / log.size()).isLessThan(0.01);
        assertThat(worst).isLessThan(0.06);
        assertThat(p.description()).contains("P(exposure = 1 | user_activity, item_popularity)");
    }

    @Test
    void ipsWithDagPropensitiesEstimatesTheHeldOutErrorBetterThanTheNaiveMean() {
        PropensityTable p = fitted();
        int[] pairs = IntStream.range(0, log.size()).toArray();
        Splits.shuffle(pairs, new SplittableRandom(7));
        int cut = pairs.length * 4 / 5;
        int[] trainExposed = Arrays.stream(pairs, 0, cut).filter(r -> exposed[r]).toArray();
        int[] test = Arrays.copyOfRange(pairs, cut, pairs.length);
        FactorModel model = new RatingMf(Weighting.IPS, p).fit(log.rows(trainExposed), new MfConfig(4, 1.0, 300, 0.03f, 1),
                CancellationToken.none(), ProgressListener.NONE);
        double truth = 0;
        RatingMetrics observed = new RatingMetrics();
        for (int r : test) {
            double prediction = model.predict(log.user(r), log.item(r));
            truth += (prediction - rating[r]) * (prediction - rating[r]);
            if (exposed[r]) {
                observed.add(prediction, rating[r], p.propensity(log.user(r), log.item(r), Float.NaN));
            }
        }
        truth /= test.length;
        var estimates = observed.values(test.length);
        double naiveGap = Math.abs(estimates.get("MSE") - truth);
        double ipsGap = Math.abs(estimates.get("IPS-MSE") - truth);
        assertThat(ipsGap).isLessThan(naiveGap / 2);
        assertThat(ipsGap).isLessThan(0.1 * truth);
    }

    @Test
    void anExposureWithoutObservedCausesIsRefused() {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("exposure", Role.EXPOSURE, DataType.BINARY));
        assertThatThrownBy(() -> DagPropensities.estimate(dag, "exposure", table, "user_id", "item_id", log.users(),
                log.items(), FitOptions.defaults(), CancellationToken.none()))
                .isInstanceOf(RecsysException.class).hasMessageContaining("no observed causes");
        assertThatThrownBy(() -> DagPropensities.estimate(dag(), "shown", table, "user_id", "item_id", log.users(),
                log.items(), FitOptions.defaults(), CancellationToken.none()))
                .isInstanceOf(RecsysException.class).hasMessageContaining("no variable 'shown'");
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
