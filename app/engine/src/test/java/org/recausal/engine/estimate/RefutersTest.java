package org.recausal.engine.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.simulate.KnownModels;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

class RefutersTest {

    private static final AdjustmentEstimator.Settings SETTINGS =
            AdjustmentEstimator.Settings.of(EstimationMethod.REGRESSION).withBootstrap(50);

    private static List<Refutation> refute(Observations data) {
        EffectEstimate original = new AdjustmentEstimator(data, "X", "Y", List.of("Z"), SETTINGS)
                .estimate(ProgressListener.NONE, CancellationToken.none());
        return Refuters.run(data, "X", "Y", List.of("Z"), SETTINGS, original, 20, ProgressListener.NONE,
                CancellationToken.none());
    }

    @Test
    void aSoundEstimatePassesEveryCheck() {
        List<Refutation> checks = refute(KnownModels.linearConfounded().sample(3_000, 6));
        assertThat(checks).extracting(Refutation::check)
                .containsExactly("placebo treatment", "random common cause", "data subsets", "unobserved confounder");
        assertThat(checks).allSatisfy(c -> assertThat(c.passed()).as(c.verdict()).isTrue());
        Refutation placebo = checks.getFirst();
        assertThat(placebo.numbers().get("placebo_mean")).isLessThan(0.2);
        assertThat(placebo.numbers().get("p_value")).isLessThan(0.05);
        assertThat(placebo.verdict()).contains("around zero").contains("larger than placebo effects");
    }

    @Test
    void anEstimateTheDataDoNotReproduceFailsTheSubsetCheck() {
        // The estimate under test came from other data, where X's effect on Y was 2; these data say 2 + 1.
        Observations data = KnownModels.linearConfounded().sample(3_000, 6);
        Observations other = data.with("Y", data.scale("Y"), plus(data.column("Y"), data.column("X")));
        EffectEstimate reported = new AdjustmentEstimator(data, "X", "Y", List.of("Z"), SETTINGS)
                .estimate(ProgressListener.NONE, CancellationToken.none());
        Refutation subsets = Refuters.subsets(other, "X", "Y", List.of("Z"), SETTINGS, reported, 20,
                CancellationToken.none());
        assertThat(subsets.passed()).as(subsets.verdict()).isFalse();
        assertThat(subsets.verdict()).contains("disagree with the full estimate");
        assertThat(subsets.numbers().get("subset_mean")).isCloseTo(3, org.assertj.core.api.Assertions.within(0.1));
    }

    private static double[] plus(double[] a, double[] b) {
        double[] sum = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }
}
