package org.recausal.engine.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.simulate.KnownModels;

class SensitivityTest {

    /**
     * The Darfur example of Cinelli and Hazlett (2020), section 4 and table 1: estimate 0.0973, standard error
     * 0.0232, t = 4.18, 783 residual degrees of freedom; RV 13.9%, RV at 5% 7.6%. A confounder as strong as "female"
     * (t = -2.680 in the treatment and -9.789 in the outcome regression) has partial R² 0.9% with the treatment
     * and 12.5% with the outcome, and moves the estimate to 0.0752.
     */
    @Test
    void reproducesThePublishedDarfurFigures() {
        double df = 783;
        double t = 4.18;
        assertThat(Sensitivity.robustnessValue(t, df, 1)).isCloseTo(0.139, within(0.0005));
        assertThat(Sensitivity.robustnessValue(t, df, 0.05)).isCloseTo(0.076, within(0.0005));

        Sensitivity.Confounder female = Sensitivity.asStrongAs(partialR2(-2.680, df), partialR2(-9.789, df));
        assertThat(female.treatmentR2()).isCloseTo(0.009, within(0.0005));
        assertThat(female.outcomeR2()).isCloseTo(0.125, within(0.0005));
        assertThat(0.0973 - Sensitivity.bias(0.0232, df, female)).isCloseTo(0.0752, within(0.0002));
    }

    private static double partialR2(double t, double df) {
        return t * t / (t * t + df);
    }

    @Test
    void aStrongEffectSurvivesAConfounderAsStrongAsTheObservedOne() {
        Observations data = KnownModels.linearConfounded().sample(5_000, 4);
        Refutation check = Sensitivity.check(data, "X", "Y", List.of("Z"));
        assertThat(check.passed()).isTrue();
        assertThat(check.numbers().get("regression_estimate")).isCloseTo(2, within(0.05));
        assertThat(check.numbers().get("robustness_value")).isBetween(0.5, 1.0);
        assertThat(check.verdict()).contains("Z").contains("keeps its sign");
    }
}
