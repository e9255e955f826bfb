package org.recausal.engine.scm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recausal.engine.simulate.KnownModels;
import org.recausal.engine.model.LinearRegression;

class ScmFitterTest {

    @Test
    void linearMechanismsRecoverTheCoefficientsAndInterventionsMoveTheOutcome() {
        StructuralCausalModel truth = KnownModels.linearConfounded();
        Observations data = truth.sample(20_000, 7);
        FittedScm fitted = ScmFitter.fit(KnownModels.dagOf(truth), data,
                FitOptions.defaults().withChoice(ModelChoice.LINEAR), (f, m) -> { }, new org.recausal.engine.task.CancellationToken());

        AdditiveNoiseMechanism y = (AdditiveNoiseMechanism) fitted.model().node("Y").mechanism();
        LinearRegression regression = (LinearRegression) y.model();
        assertThat(regression.coefficient("X")).isCloseTo(2, within(0.03));
        assertThat(regression.coefficient("Z")).isCloseTo(1.5, within(0.04));

        double treated = fitted.model().sample(List.of(Intervention.parse("X=1")), 50_000, 3).mean("Y");
        double control = fitted.model().sample(List.of(Intervention.parse("X=0")), 50_000, 3).mean("Y");
        assertThat(treated - control).isCloseTo(2, within(0.03));
    }
}
