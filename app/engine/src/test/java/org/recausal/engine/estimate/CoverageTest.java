package org.recausal.engine.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.simulate.KnownModels;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Interval coverage over repeated simulations: the share of 95% intervals that contain the true effect should be
 * near 95%. The quick version runs in the default suite; the thorough one ({@code -Dgroups=slow}) uses more
 * datasets so that a miscalibration of a few points would show.
 */
class CoverageTest {

    private static double coverage(EstimationMethod method, int datasets, int rows, int replicates) {
        double truth = KnownModels.logisticConfoundedAte();
        int covered = 0;
        for (int d = 0; d < datasets; d++) {
            Observations data = KnownModels.logisticConfounded().sample(rows, 1_000 + d);
            EffectEstimate estimate = new AdjustmentEstimator(data, "T", "Y", List.of("Z"),
                    AdjustmentEstimator.Settings.of(method).withBootstrap(replicates).withSeed(d))
                    .estimate(ProgressListener.NONE, CancellationToken.none());
            covered += estimate.ci().contains(truth) ? 1 : 0;
        }
        return (double) covered / datasets;
    }

    @Test
    void aipwIntervalsCoverNearTheirLevel() {
        // 60 datasets: a binomial standard deviation of 2.8 points around 95%.
        assertThat(coverage(EstimationMethod.AIPW, 60, 1_000, 100)).isBetween(0.85, 1.0);
    }

    @Test
    @Tag("slow")
    void everyMethodCoversNearItsLevelOverManyDatasets() {
        // 400 datasets: a standard deviation of 1.1 points.
        for (EstimationMethod method : EstimationMethod.values()) {
            assertThat(coverage(method, 400, 2_000, 200)).as(method.id()).isBetween(0.92, 0.98);
        }
    }
}
