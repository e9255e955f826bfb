package org.recausal.engine.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.estimate.AdjustmentEstimator;
import org.recausal.engine.estimate.EffectEstimate;
import org.recausal.engine.estimate.EstimationMethod;
import org.recausal.engine.estimate.Identification;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

class RecommenderLogTest {

    private static RecommenderLog log;
    private static Observations rows;

    @BeforeAll
    static void generate() {
        log = RecommenderLog.generate(RecommenderLog.Settings.sample());
        rows = log.observed();
    }

    @Test
    void logsAShopOfPersistentUsersAndItems() {
        assertThat(log.rows()).isBetween(50_000, 100_000).isEqualTo(rows.rows());
        assertThat(rows.mean("exposure")).isBetween(0.3, 0.65);
        assertThat(rows.mean("click")).isBetween(0.05, 0.4);
        assertThat(rows.mean("purchase")).isBetween(0.01, 0.15);
        // A user's activity is the number of sessions they open, 10 candidates each.
        double sessions = 0;
        for (double activity : log.users().column("user_activity")) {
            sessions += activity;
        }
        assertThat(log.rows()).isEqualTo((int) sessions * 10);
    }

    @Test
    void sessionAndItemVariablesHoldForTheirUnits(@TempDir Path folder) throws Exception {
        log.writeCsv(folder);
        Table interactions = TableReader.read(folder.resolve("interactions.csv")).table();
        Map<String, String> deviceOfSession = new HashMap<>();
        Map<String, Double> popularityOfItem = new HashMap<>();
        long previous = Long.MIN_VALUE;
        for (int row = 0; row < interactions.rowCount(); row++) {
            String session = interactions.column("session_id").text(row);
            String device = interactions.column("device").text(row);
            assertThat(deviceOfSession.computeIfAbsent(session, s -> device)).isEqualTo(device);
            long time = (long) interactions.numeric("timestamp").asDouble(row);
            assertThat(time).isGreaterThanOrEqualTo(previous);
            previous = time;
        }
        Table items = TableReader.read(folder.resolve("items.csv")).table();
        assertThat(items.rowCount()).isEqualTo(500);
        for (int row = 0; row < items.rowCount(); row++) {
            popularityOfItem.put(items.column("item_id").text(row), items.numeric("item_popularity").asDouble(row));
        }
        assertThat(popularityOfItem).containsKey("i1").containsKey("i500");
        assertThat(TableReader.read(folder.resolve("users.csv")).table().rowCount()).isEqualTo(2_000);
        assertThat(Files.size(folder.resolve("interactions.csv"))).isLessThan(8_000_000);
    }

    @Test
    void adjustingForTheScoreRecoversTheTrueEffectOfExposureOnClicks() {
        RecommenderWorld.TrueEffect truth = log.trueEffect("click", List.of(Intervention.parse("exposure=1")),
                List.of(Intervention.parse("exposure=0")), 10);
        assertThat(truth.standardError()).isLessThan(1e-3);
        assertThat(truth.effect()).isBetween(0.05, 0.4);

        Identification identified = Identification.of(RecommenderWorld.dag(), "exposure", "click", null);
        EffectEstimate estimate = new AdjustmentEstimator(rows, "exposure", "click", identified.adjustmentSet(),
                AdjustmentEstimator.Settings.of(EstimationMethod.AIPW).withBootstrap(60))
                .estimate(ProgressListener.NONE, CancellationToken.none());
        double slack = 2 * truth.standardError();
        assertThat(truth.effect()).as(estimate + " vs " + truth)
                .isBetween(estimate.ci().lower() - slack, estimate.ci().upper() + slack);
        assertThat(naiveDifference(rows, "click")).isGreaterThan(estimate.ci().upper());
    }

    private static double naiveDifference(Observations data, String outcome) {
        double[] sum = new double[2];
        double[] count = new double[2];
        for (int i = 0; i < data.rows(); i++) {
            int shown = (int) data.value("exposure", i);
            sum[shown] += data.value(outcome, i);
            count[shown]++;
        }
        return sum[1] / count[1] - sum[0] / count[0];
    }

    @Test
    void refusesInterventionsOnPopulationTraits() {
        assertThatThrownBy(() -> log.sample(List.of(Intervention.parse("item_popularity=3")), 0))
                .isInstanceOf(ScmException.class).hasMessageContaining("item population");
    }

    @Test
    void theSameSeedGivesTheSameLog() {
        Observations again = RecommenderLog.generate(RecommenderLog.Settings.sample()).observed();
        assertThat(again.column("click")).isEqualTo(rows.column("click"));
        assertThat(again.column("recommender_score")).isEqualTo(rows.column("recommender_score"));
    }
}
