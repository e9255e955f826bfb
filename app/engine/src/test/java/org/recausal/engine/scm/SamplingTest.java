package org.recausal.engine.scm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.recausal.engine.model.Scale;
import org.recausal.engine.simulate.KnownModels;

class SamplingTest {

    private final StructuralCausalModel truth = KnownModels.linearConfounded();

    @Test
    void sameSeedSameNumbersWhateverTheThreads() throws Exception {
        Observations a = truth.sample(List.of(Intervention.parse("Z+=1")), 50_000, 42);
        Observations b;
        try (ForkJoinPool single = new ForkJoinPool(1)) {
            b = single.submit(() -> truth.sample(List.of(Intervention.parse("Z+=1")), 50_000, 42)).get();
        }
        for (String name : truth.names()) {
            assertThat(b.column(name)).containsExactly(a.column(name));
        }
        assertThat(truth.sample(50_000, 43).column("Y")).isNotEqualTo(truth.sample(50_000, 42).column("Y"));
    }

    @Test
    void interventionsShareTheNoiseOfWhatTheyLeaveInPlace() {
        Observations natural = truth.sample(20_000, 9);
        Observations treated = truth.sample(List.of(Intervention.parse("X=1")), 20_000, 9);
        assertThat(treated.column("Z")).containsExactly(natural.column("Z"));
        // Y = 2 X + 1.5 Z + e with the same e, so the unit-level difference is exactly 2 (1 - X).
        for (int i = 0; i < 20_000; i += 997) {
            assertThat(treated.value("Y", i) - natural.value("Y", i))
                    .isCloseTo(2 * (1 - natural.value("X", i)), within(1e-9));
        }
    }

    @Test
    void doShiftAndRuleChangeTheOutcomeAsTheEquationsSay() {
        assertThat(truth.sample(List.of(Intervention.parse("X=1")), 200_000, 1).mean("Y")).isCloseTo(2, within(0.02));
        double natural = truth.sample(200_000, 1).mean("Y");
        assertThat(truth.sample(List.of(Intervention.parse("X+=0.5")), 200_000, 1).mean("Y") - natural)
                .isCloseTo(1, within(1e-9));
        // X := -Z/0.8 * 1.5/2 cancels Z's total effect: Y = 2X + 1.5Z + e = e when X = -0.75 Z.
        Observations cancelled = truth.sample(List.of(Intervention.parse("X:=-0.75*Z")), 200_000, 1);
        double variance = 0;
        for (double y : cancelled.column("Y")) {
            variance += y * y;
        }
        assertThat(variance / cancelled.rows()).isCloseTo(1, within(0.02));
    }

    @Test
    void aStochasticPolicyDrawsTheTreatmentFromItsRule() {
        StructuralCausalModel model = KnownModels.logisticConfounded();
        Observations policy = model.sample(List.of(Intervention.parse("T:=bernoulli(if(Z == 1, 0.9, 0.1))")),
                100_000, 3);
        double treatedGivenZ = 0;
        double z = 0;
        for (int i = 0; i < policy.rows(); i++) {
            if (policy.value("Z", i) == 1) {
                z++;
                treatedGivenZ += policy.value("T", i);
            }
        }
        assertThat(treatedGivenZ / z).isCloseTo(0.9, within(0.01));
    }

    @Test
    void refusesInterventionsThatDoNotFit() {
        StructuralCausalModel binary = KnownModels.logisticConfounded();
        assertThatThrownBy(() -> binary.sample(List.of(Intervention.parse("T+=1")), 10, 1))
                .isInstanceOf(ScmException.class).hasMessageContaining("cannot shift T");
        assertThatThrownBy(() -> binary.sample(List.of(Intervention.parse("T=maybe")), 10, 1))
                .hasMessageContaining("cannot set T to maybe");
        assertThatThrownBy(() -> binary.sample(List.of(Intervention.parse("T:=0.3")), 10, 1))
                .hasMessageContaining("gave 0.3").hasMessageContaining("bernoulli");
        assertThatThrownBy(() -> truth.sample(List.of(Intervention.parse("X:=Y")), 10, 1))
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> truth.sample(List.of(Intervention.parse("W=1")), 10, 1))
                .hasMessageContaining("no such variable");
        assertThatThrownBy(() -> truth.sample(List.of(Intervention.parse("X=1"), Intervention.parse("X=2")), 10, 1))
                .hasMessageContaining("two interventions on X");
        assertThatThrownBy(() -> truth.sample(0, 1)).hasMessageContaining("at least 1");
    }

    @Test
    void setsCategoricalVariablesByLabel() {
        StructuralCausalModel model = new StructuralCausalModel(List.of(
                KnownModels.node("device", Scale.categorical(List.of("app", "desktop", "mobile")), List.of(),
                        (p, r) -> r.nextInt(3)),
                KnownModels.node("Y", Scale.numeric(), List.of("device"), (p, r) -> p[0] == 2 ? 5 : 0)));
        assertThat(model.sample(List.of(Intervention.parse("device=mobile")), 100, 1).mean("Y")).isEqualTo(5);
        assertThat(model.sample(List.of(Intervention.parse("device=app")), 100, 1).mean("Y")).isZero();
    }
}
