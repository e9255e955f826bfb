package org.recausal.engine.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recausal.engine.scm.Expression;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.StructuralCausalModel;
import org.recausal.engine.simulate.KnownModels;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/** Off-policy evaluation: the value of treating with a policy's probability, against the world as it is. */
class PolicyEvaluationTest {

    private static final Expression POLICY = Expression.parse("if(Z == 1, 0.9, 0.2)");

    /**
     * In the confounded logistic model, sum over z of P(z) [(pi(z) - e(z)) (P(Y | T=1, z) - P(Y | T=0, z))],
     * e(z) = sigmoid(-0.5 + 1.5 z) being the treatment's own probability.
     */
    private static double trueValue() {
        double value = 0;
        for (int z = 0; z <= 1; z++) {
            double pz = z == 1 ? 0.4 : 0.6;
            double pi = z == 1 ? 0.9 : 0.2;
            double e = KnownModels.sigmoid(-0.5 + 1.5 * z);
            value += pz * (pi - e) * (KnownModels.sigmoid(1.2 * z) - KnownModels.sigmoid(-1 + 1.2 * z));
        }
        return value;
    }

    @Test
    void theClosedFormAgreesWithSimulatingThePolicy() {
        StructuralCausalModel truth = KnownModels.logisticConfounded();
        double policy = truth.sample(List.of(Intervention.parse("T:=bernoulli(if(Z == 1, 0.9, 0.2))")), 1_000_000, 3)
                .mean("Y");
        double natural = truth.sample(1_000_000, 3).mean("Y");
        assertThat(policy - natural).isCloseTo(trueValue(), within(0.002));
    }

    @Test
    void everyMethodCoversThePolicyValue() {
        Observations data = KnownModels.logisticConfounded().sample(10_000, 8);
        for (EstimationMethod method : EstimationMethod.values()) {
            AdjustmentEstimator estimator = new AdjustmentEstimator(data, "T", "Y", List.of("Z"),
                    AdjustmentEstimator.Settings.of(method).withBootstrap(100), POLICY);
            EffectEstimate estimate = estimator.estimate(ProgressListener.NONE, CancellationToken.none());
            assertThat(estimate.ci().contains(trueValue())).as(method + " " + estimate).isTrue();
            assertThat(estimate.definition()).isEqualTo("P(Y=1 | do(T ~ bernoulli(if(Z == 1, 0.9, 0.2)))) - P(Y=1)");
        }
    }

    @Test
    void treatingEverybodyIsTheEffectOfTreatmentOnTheUntreated() {
        // Against the world as it is, "always treat" gains the effect on those not treated now.
        Observations data = KnownModels.logisticConfounded().sample(10_000, 8);
        AdjustmentEstimator.Settings settings = AdjustmentEstimator.Settings.of(EstimationMethod.REGRESSION)
                .withBootstrap(20);
        double always = new AdjustmentEstimator(data, "T", "Y", List.of("Z"), settings, Expression.parse("1"))
                .pointEstimate();
        double never = new AdjustmentEstimator(data, "T", "Y", List.of("Z"), settings, Expression.parse("0"))
                .pointEstimate();
        double ate = new AdjustmentEstimator(data, "T", "Y", List.of("Z"), settings).pointEstimate();
        assertThat(always - never).isCloseTo(ate, within(1e-12));
    }

    @Test
    void refusesPoliciesItCannotEvaluate() {
        Observations data = KnownModels.logisticConfounded().sample(100, 1);
        AdjustmentEstimator.Settings settings = AdjustmentEstimator.Settings.of(EstimationMethod.AIPW);
        assertThatThrownBy(() -> new AdjustmentEstimator(data, "T", "Y", List.of(), settings, POLICY))
                .hasMessageContaining("the policy reads Z, which is not in the adjustment set");
        assertThatThrownBy(() -> new AdjustmentEstimator(data, "T", "Y", List.of("Z"), settings,
                Expression.parse("bernoulli(0.5)"))).hasMessageContaining("not draw random numbers");
        assertThatThrownBy(() -> new AdjustmentEstimator(data, "T", "Y", List.of("Z"), settings,
                Expression.parse("Z * 2")).pointEstimate()).hasMessageContaining("gives 2.0 for row");
    }
}
