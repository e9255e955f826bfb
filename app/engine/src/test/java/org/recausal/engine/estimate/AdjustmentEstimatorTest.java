package org.recausal.engine.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.recausal.engine.model.Scale;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.StructuralCausalModel;
import org.recausal.engine.simulate.KnownModels;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

class AdjustmentEstimatorTest {

    private static EffectEstimate estimate(Observations data, String t, String y, List<String> z,
            AdjustmentEstimator.Settings settings) {
        return new AdjustmentEstimator(data, t, y, z, settings).estimate(ProgressListener.NONE, CancellationToken.none());
    }

    @Test
    void everyMethodCoversTheTrueEffectUnderConfounding() {
        Observations data = KnownModels.logisticConfounded().sample(10_000, 11);
        double truth = KnownModels.logisticConfoundedAte();
        for (EstimationMethod method : EstimationMethod.values()) {
            EffectEstimate estimate = estimate(data, "T", "Y", List.of("Z"),
                    AdjustmentEstimator.Settings.of(method).withBootstrap(100));
            assertThat(estimate.ci().contains(truth)).as(method + " " + estimate).isTrue();
            assertThat(estimate.standardError()).isBetween(0.003, 0.02);
            assertThat(estimate.definition()).isEqualTo("P(Y=1 | do(T=1)) - P(Y=1 | do(T=0))");
        }
        // Without adjustment the confounder biases the comparison well outside the interval.
        EffectEstimate naive = estimate(data, "T", "Y", List.of(),
                AdjustmentEstimator.Settings.of(EstimationMethod.REGRESSION).withBootstrap(100));
        assertThat(naive.ci().contains(truth)).isFalse();
    }

    /**
     * Z ~ N(0, 1); T ~ Bernoulli(sigmoid(Z)); Y = T (1 + Z) + 3 Z + N(0, 1): the effect differs by Z and averages 1.
     */
    private static StructuralCausalModel heterogeneous() {
        return new StructuralCausalModel(List.of(
                KnownModels.node("Z", Scale.numeric(), List.of(), (p, r) -> r.nextGaussian()),
                KnownModels.node("T", Scale.binary(), List.of("Z"),
                        (p, r) -> r.nextDouble() < KnownModels.sigmoid(p[0]) ? 1 : 0),
                KnownModels.node("Y", Scale.numeric(), List.of("T", "Z"),
                        (p, r) -> p[0] * (1 + p[1]) + 3 * p[1] + r.nextGaussian())));
    }

    @Test
    void continuousOutcomesWithEffectsThatVaryByTheConfounder() {
        Observations data = heterogeneous().sample(10_000, 22);
        for (EstimationMethod method : EstimationMethod.values()) {
            EffectEstimate estimate = estimate(data, "T", "Y", List.of("Z"),
                    AdjustmentEstimator.Settings.of(method).withBootstrap(100));
            assertThat(estimate.ci().contains(1)).as(method + " " + estimate).isTrue();
            if (method != EstimationMethod.REGRESSION) {
                assertThat(estimate.overlap()).isNotNull();
                assertThat(estimate.overlap().treated() + estimate.overlap().control()).isEqualTo(10_000);
            }
        }
    }

    @Test
    void numericTreatmentsGiveTheEffectOfOneMoreUnit() {
        Observations data = KnownModels.linearConfounded().sample(5_000, 2);
        EffectEstimate estimate = estimate(data, "X", "Y", List.of("Z"),
                AdjustmentEstimator.Settings.of(EstimationMethod.REGRESSION).withBootstrap(50));
        assertThat(estimate.ci().contains(2)).isTrue();
        assertThat(estimate.estimate()).isCloseTo(2, within(0.05));
        assertThat(estimate.definition()).isEqualTo("E[Y | do(X := X + 1)] - E[Y]");
        assertThatThrownBy(() -> new AdjustmentEstimator(data, "X", "Y", List.of("Z"),
                AdjustmentEstimator.Settings.of(EstimationMethod.AIPW))).hasMessageContaining("needs a binary treatment");
    }

    @Test
    void warnsWhenTreatedAndUntreatedHardlyOverlap() {
        // T is nearly decided by Z: propensities pile up at 0 and 1.
        StructuralCausalModel model = new StructuralCausalModel(List.of(
                KnownModels.node("Z", Scale.numeric(), List.of(), (p, r) -> r.nextGaussian()),
                KnownModels.node("T", Scale.binary(), List.of("Z"),
                        (p, r) -> r.nextDouble() < KnownModels.sigmoid(6 * p[0]) ? 1 : 0),
                KnownModels.node("Y", Scale.numeric(), List.of("T", "Z"), (p, r) -> p[0] + p[1] + r.nextGaussian())));
        EffectEstimate estimate = estimate(model.sample(5_000, 3), "T", "Y", List.of("Z"),
                AdjustmentEstimator.Settings.of(EstimationMethod.IPW).withBootstrap(30));
        assertThat(estimate.overlap().shareExtreme()).isGreaterThan(0.3);
        assertThat(estimate.warnings()).anySatisfy(w -> assertThat(w).startsWith("poor overlap"));
        assertThat(estimate.overlap().clipped()).isPositive();
        EffectEstimate balanced = estimate(KnownModels.logisticConfounded().sample(5_000, 3), "T", "Y", List.of("Z"),
                AdjustmentEstimator.Settings.of(EstimationMethod.IPW).withBootstrap(30));
        assertThat(balanced.warnings()).isEmpty();
    }

    @Test
    void sameSeedSameIntervalWhateverTheThreads() throws Exception {
        Observations data = KnownModels.logisticConfounded().sample(3_000, 5);
        AdjustmentEstimator.Settings settings = AdjustmentEstimator.Settings.of(EstimationMethod.AIPW).withBootstrap(40);
        EffectEstimate first = estimate(data, "T", "Y", List.of("Z"), settings);
        EffectEstimate second;
        try (ForkJoinPool single = new ForkJoinPool(1)) {
            second = single.submit(() -> estimate(data, "T", "Y", List.of("Z"), settings)).get();
        }
        assertThat(second).isEqualTo(first);
        assertThat(estimate(data, "T", "Y", List.of("Z"), settings.withSeed(2)).ci()).isNotEqualTo(first.ci());
    }

    @Test
    void refusesTreatmentsAndOutcomesItCannotHandle() {
        Observations data = KnownModels.logisticConfounded().sample(100, 1);
        Observations categorical = data.with("C", Scale.categorical(List.of("a", "b", "c")), new double[100]);
        assertThatThrownBy(() -> new AdjustmentEstimator(categorical, "C", "Y", List.of(),
                AdjustmentEstimator.Settings.of(EstimationMethod.REGRESSION))).hasMessageContaining("has 3 levels");
        assertThatThrownBy(() -> new AdjustmentEstimator(categorical, "T", "C", List.of(),
                AdjustmentEstimator.Settings.of(EstimationMethod.REGRESSION))).hasMessageContaining("outcome C has 3");
        Observations allTreated = data.with("T", Scale.binary(), filled(100, 1));
        assertThatThrownBy(() -> new AdjustmentEstimator(allTreated, "T", "Y", List.of(),
                AdjustmentEstimator.Settings.of(EstimationMethod.IPW))).hasMessageContaining("every row has T = 1");
        assertThatThrownBy(() -> new AdjustmentEstimator(data, "T", "Y", List.of("W"),
                AdjustmentEstimator.Settings.of(EstimationMethod.IPW))).hasMessageContaining("no variable 'W'");
        assertThatThrownBy(() -> AdjustmentEstimator.Settings.of(EstimationMethod.IPW).withBootstrap(5))
                .hasMessageContaining("at least 20");
    }

    private static double[] filled(int n, double value) {
        double[] values = new double[n];
        java.util.Arrays.fill(values, value);
        return values;
    }
}
