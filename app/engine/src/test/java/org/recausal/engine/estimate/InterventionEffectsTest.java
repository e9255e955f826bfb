package org.recausal.engine.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.ModelChoice;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.scm.ScmFitter;
import org.recausal.engine.scm.Scenario;
import org.recausal.engine.scm.StructuralCausalModel;
import org.recausal.engine.simulate.KnownModels;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

class InterventionEffectsTest {

    private final StructuralCausalModel truth = KnownModels.linearConfounded();
    private final Observations data = truth.sample(3_000, 12);
    private final FittedScm fitted = ScmFitter.fit(KnownModels.dagOf(truth), data,
            FitOptions.defaults().withChoice(ModelChoice.LINEAR), ProgressListener.NONE, CancellationToken.none());

    private ScenarioResult run(Scenario scenario, int replicates) {
        return InterventionEffects.run(fitted, data, scenario, replicates, 0.95, ProgressListener.NONE,
                CancellationToken.none());
    }

    @Test
    void effectIntervalsIncludeTheFittingUncertaintyAndCoverTheTruth() {
        Scenario scenario = new Scenario("raise X", List.of(Intervention.parse("X=1")),
                List.of(Intervention.parse("X=0")), List.of("Y"), null, 20_000, 3);
        ScenarioResult result = run(scenario, 60);
        ScenarioResult.QuantityEffect y = result.effects().getFirst();
        assertThat(y.quantity()).isEqualTo("E[Y]");
        assertThat(y.effectCi().contains(2)).isTrue();
        assertThat(y.ci().contains(2)).isTrue();
        assertThat(y.baselineCi().contains(0)).isTrue();
        // The interval reflects the ~0.02 standard error of the fitted slope from 3,000 rows, not only sampling.
        assertThat(y.effectCi().width()).isBetween(0.04, 0.15);
        assertThat(result.distributions().getFirst().edges()).hasSize(31);
    }

    @Test
    void subgroupsGiveConditionalEffects() {
        // E[Y | do(X := X + 1)] - E[Y] is 2 for everybody; the subgroup Z > 1 has higher Y in both worlds.
        Scenario scenario = new Scenario("shift", List.of(Intervention.parse("X+=1")), List.of(), List.of("Y"),
                "Z > 1", 50_000, 3);
        ScenarioResult result = run(scenario, 0);
        // P(Z > 1) = 0.1587; the fitted model draws Z from the 3,000 observed values (standard error 0.007).
        assertThat(result.subgroupShare()).isCloseTo(0.1587, within(0.02));
        assertThat(result.effects().getFirst().effect()).isCloseTo(2, within(0.05));
        // E[Y | Z > 1] = 3.1 E[Z | Z > 1] = 3.1 * 1.525.
        assertThat(result.effects().getFirst().baselineMean()).isCloseTo(3.1 * 1.525, within(0.1));
        assertThatThrownBy(() -> run(new Scenario("s", List.of(Intervention.parse("Z+=1")), List.of(), List.of("Y"),
                "X > 0", 100, 1), 0)).hasMessageContaining("the interventions change");
    }

    @Test
    void discreteOutcomesGiveProbabilities() {
        StructuralCausalModel model = KnownModels.logisticConfounded();
        Observations binary = model.sample(5_000, 2);
        FittedScm logistic = ScmFitter.fit(KnownModels.dagOf(model), binary,
                FitOptions.defaults().withChoice(ModelChoice.LINEAR), ProgressListener.NONE, CancellationToken.none());
        Scenario scenario = new Scenario("treat", List.of(Intervention.parse("T=1")),
                List.of(Intervention.parse("T=0")), List.of("Y"), null, 20_000, 1);
        ScenarioResult result = InterventionEffects.run(logistic, binary, scenario, 40, 0.95, ProgressListener.NONE,
                CancellationToken.none());
        assertThat(result.effects().getFirst().quantity()).isEqualTo("P(Y=1)");
        assertThat(result.effects().getFirst().effectCi().contains(KnownModels.logisticConfoundedAte())).isTrue();
        assertThat(result.distributions().getFirst().levels()).containsExactly("0", "1");
    }

    @Test
    void refusesWhatALatentConfounderWouldBias() {
        Dag dag = KnownModels.dagOf(truth);
        dag.updateVariable(dag.require("Z").withRole(Role.LATENT));
        FittedScm projected = ScmFitter.fit(dag, data.select(List.of("X", "Y")));
        Scenario scenario = new Scenario("raise X", List.of(Intervention.parse("X=1")), List.of(), List.of("Y"), null,
                100, 1);
        assertThatThrownBy(() -> InterventionEffects.run(projected, data, scenario, 0, 0.95, ProgressListener.NONE,
                CancellationToken.none())).isInstanceOf(ScmException.class)
                .hasMessageContaining("latent variable Z affects X and Y").hasMessageContaining("by adjustment");
    }
}
