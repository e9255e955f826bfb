package org.recausal.engine.scm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recausal.engine.model.LinearRegression;
import org.recausal.engine.model.Scale;
import org.recausal.engine.simulate.KnownModels;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

class CounterfactualsTest {

    /** Z ~ N(0,1); X = Z + e; M = 0.5 X + e; Y = 2 M + X + Z + e: X acts on Y directly and through M. */
    private static StructuralCausalModel chain() {
        return new StructuralCausalModel(List.of(
                KnownModels.node("Z", Scale.numeric(), List.of(), (p, r) -> r.nextGaussian()),
                KnownModels.node("X", Scale.numeric(), List.of("Z"), (p, r) -> p[0] + r.nextGaussian()),
                KnownModels.node("M", Scale.numeric(), List.of("X"), (p, r) -> 0.5 * p[0] + r.nextGaussian()),
                KnownModels.node("Y", Scale.numeric(), List.of("M", "X", "Z"),
                        (p, r) -> 2 * p[0] + p[1] + p[2] + r.nextGaussian())));
    }

    private final StructuralCausalModel truth = chain();
    private final Observations data = truth.sample(20_000, 3);
    private final FittedScm fitted = ScmFitter.fit(KnownModels.dagOf(truth), data,
            FitOptions.defaults().withChoice(ModelChoice.LINEAR),
            ProgressListener.NONE, CancellationToken.none());

    private static double coefficient(FittedScm fitted, String node, String parent) {
        return ((LinearRegression) ((AdditiveNoiseMechanism) fitted.model().node(node).mechanism()).model())
                .coefficient(parent);
    }

    @Test
    void additiveNoiseCounterfactualsFollowTheFittedEquationsExactly() {
        double a = coefficient(fitted, "M", "X");
        double b = coefficient(fitted, "Y", "M");
        double c = coefficient(fitted, "Y", "X");
        for (int row : new int[] {0, 17, 4_321}) {
            double x = data.value("X", row);
            var answer = (Counterfactuals.Determined) Counterfactuals.of(fitted.model(), data, row,
                    List.of(Intervention.parse("X=2")), "Y");
            // Abduction keeps each row's noise, so Y moves by (b a + c) times the change in X, to rounding.
            assertThat(answer.counterfactual() - answer.factual()).isCloseTo((b * a + c) * (2 - x), within(1e-9));
            assertThat(answer.factual()).isEqualTo(data.value("Y", row));
            assertThat(answer.changes()).containsOnlyKeys("X", "M", "Y");
            // And the truth moves by (2 * 0.5 + 1) (2 - x); the fitted coefficients are close to it.
            assertThat(answer.counterfactual() - answer.factual()).isCloseTo(2 * (2 - x), within(0.03 * Math.abs(2 - x)));
        }
    }

    @Test
    void doingWhatHappenedChangesNothing() {
        int row = 99;
        var answer = (Counterfactuals.Determined) Counterfactuals.of(fitted.model(), data, row,
                List.of(new Intervention.SetValue("X", Double.toString(data.value("X", row)))), "Y");
        assertThat(answer.counterfactual()).isEqualTo(answer.factual());
        assertThat(answer.changes()).isEmpty();
    }

    @Test
    void shiftsAndRulesUseTheRowsOwnValues() {
        int row = 5;
        double x = data.value("X", row);
        double total = coefficient(fitted, "Y", "M") * coefficient(fitted, "M", "X") + coefficient(fitted, "Y", "X");
        var shifted = (Counterfactuals.Determined) Counterfactuals.of(fitted.model(), data, row,
                List.of(Intervention.parse("X+=1")), "Y");
        assertThat(shifted.counterfactual() - shifted.factual()).isCloseTo(total, within(1e-9));
        var halved = (Counterfactuals.Determined) Counterfactuals.of(fitted.model(), data, row,
                List.of(Intervention.parse("X:=X/2")), "Y");
        assertThat(halved.counterfactual() - halved.factual()).isCloseTo(-total * x / 2, within(1e-9));
        // Z reaches M only through X.
        var viaZ = (Counterfactuals.Determined) Counterfactuals.of(fitted.model(), data, row,
                List.of(Intervention.parse("Z+=1")), "M");
        assertThat(viaZ.changes()).containsOnlyKeys("Z", "X", "M");
    }

    @Test
    void saysSoWhenADiscreteMechanismWouldHaveToBeInverted() {
        StructuralCausalModel model = KnownModels.logisticConfounded();
        Observations binary = model.sample(2_000, 1);
        FittedScm logistic = ScmFitter.fit(KnownModels.dagOf(model), binary,
                FitOptions.defaults().withChoice(ModelChoice.LINEAR), ProgressListener.NONE, CancellationToken.none());
        int untreatedZ = firstRow(binary, "Z", 0);
        int treatedZ = firstRow(binary, "Z", 1);
        // Setting Z to what it was changes nothing downstream, so nothing needs inverting.
        assertThat(Counterfactuals.of(logistic.model(), binary, treatedZ, List.of(Intervention.parse("Z=1")), "Y"))
                .isInstanceOf(Counterfactuals.Determined.class);
        // Changing Z would redraw T, a logistic child of Z, and one row does not reveal T's noise.
        var answer = Counterfactuals.of(logistic.model(), binary, untreatedZ, List.of(Intervention.parse("Z=1")), "Y");
        assertThat(answer).isInstanceOf(Counterfactuals.NotDetermined.class);
        assertThat(((Counterfactuals.NotDetermined) answer).reason()).contains("T would change")
                .contains("not invertible");
    }

    private static int firstRow(Observations data, String name, double value) {
        for (int i = 0; i < data.rows(); i++) {
            if (data.value(name, i) == value) {
                return i;
            }
        }
        throw new AssertionError("no row with " + name + " = " + value);
    }

    @Test
    void refusesRandomRulesAndRowsThatDoNotExist() {
        assertThatThrownBy(() -> Counterfactuals.of(fitted.model(), data, 20_000, List.of(Intervention.parse("X=1")),
                "Y")).hasMessageContaining("row 20001 does not exist");
        assertThatThrownBy(() -> Counterfactuals.of(fitted.model(), data, 0,
                List.of(Intervention.parse("X:=normal(0,1)")), "Y")).hasMessageContaining("random");
    }
}
