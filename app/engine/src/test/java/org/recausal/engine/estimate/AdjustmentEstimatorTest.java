package org.recausal.engine.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recausal.engine.simulate.KnownModels;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

class AdjustmentEstimatorTest {

    @Test
    void everyMethodCoversTheTrueEffectUnderConfounding() {
        Observations data = KnownModels.logisticConfounded().sample(20_000, 11);
        double truth = KnownModels.logisticConfoundedAte();
        for (EstimationMethod method : EstimationMethod.values()) {
            EffectEstimate estimate = new AdjustmentEstimator(data, "T", "Y", List.of("Z"),
                    AdjustmentEstimator.Settings.of(method).withBootstrap(100))
                    .estimate(ProgressListener.NONE, CancellationToken.none());
            assertThat(estimate.ci().contains(truth)).as(method + " " + estimate).isTrue();
        }
        // Without adjustment the confounder biases the comparison well outside the interval.
        EffectEstimate naive = new AdjustmentEstimator(data, "T", "Y", List.of(),
                AdjustmentEstimator.Settings.of(EstimationMethod.REGRESSION).withBootstrap(100))
                .estimate(ProgressListener.NONE, CancellationToken.none());
        assertThat(naive.ci().contains(truth)).isFalse();
    }
}
