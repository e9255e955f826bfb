package org.recausal.engine.scm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.estimate.Distances;
import org.recausal.engine.model.LinearRegression;
import org.recausal.engine.model.LogisticRegression;
import org.recausal.engine.model.Scale;
import org.recausal.engine.simulate.KnownModels;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.CancelledException;
import org.recausal.engine.task.ProgressListener;

class ScmFitterTest {

    private static FittedScm fit(StructuralCausalModel truth, Observations data, FitOptions options) {
        return ScmFitter.fit(KnownModels.dagOf(truth), data, options, ProgressListener.NONE, CancellationToken.none());
    }

    /** X ~ U(-2, 2); Y = sin(2X) + X² / 2 + N(0, 0.3²): far from linear. */
    private static StructuralCausalModel nonlinear() {
        return new StructuralCausalModel(List.of(
                KnownModels.node("X", Scale.numeric(), List.of(), (p, r) -> 4 * r.nextDouble() - 2),
                KnownModels.node("Y", Scale.numeric(), List.of("X"),
                        (p, r) -> Math.sin(2 * p[0]) + p[0] * p[0] / 2 + 0.3 * r.nextGaussian())));
    }

    @Test
    void linearMechanismsRecoverTheCoefficientsAndInterventionsMoveTheOutcome() {
        StructuralCausalModel truth = KnownModels.linearConfounded();
        FittedScm fitted = fit(truth, truth.sample(20_000, 7), FitOptions.defaults().withChoice(ModelChoice.LINEAR));

        LinearRegression y = (LinearRegression) ((AdditiveNoiseMechanism) fitted.model().node("Y").mechanism()).model();
        assertThat(y.coefficient("X")).isCloseTo(2, within(0.03));
        assertThat(y.coefficient("Z")).isCloseTo(1.5, within(0.04));
        // Var(Y) = 3.1² + 2² + 1 = 14.61, of which the parents explain all but the unit noise.
        NodeFit.NumericQuality quality = (NodeFit.NumericQuality) fitted.fit("Y").quality();
        assertThat(quality.rSquared()).isCloseTo(13.61 / 14.61, within(0.01));
        assertThat(quality.rmse()).isCloseTo(1, within(0.02));
        assertThat(quality.bins()).hasSize(10).allSatisfy(b -> assertThat(b.meanResidual()).isCloseTo(0, within(0.1)));
        assertThat(fitted.fit("Z").family()).isNull();
        assertThat(fitted.fit("Z").mechanism()).isEqualTo("mean + empirical noise");

        double treated = fitted.model().sample(List.of(Intervention.parse("X=1")), 50_000, 3).mean("Y");
        double control = fitted.model().sample(List.of(Intervention.parse("X=0")), 50_000, 3).mean("Y");
        assertThat(treated - control).isCloseTo(2, within(0.03));
    }

    @Test
    void logisticMechanismsRecoverTheLogOddsAndRankWell() {
        StructuralCausalModel truth = KnownModels.logisticConfounded();
        FittedScm fitted = fit(truth, truth.sample(50_000, 5), FitOptions.defaults().withChoice(ModelChoice.LINEAR));
        LogisticRegression y = (LogisticRegression) ((DiscreteMechanism) fitted.model().node("Y").mechanism()).model();
        assertThat(y.intercept()).isCloseTo(-1, within(0.05));
        assertThat(y.coefficient("T")).isCloseTo(1, within(0.06));
        assertThat(y.coefficient("Z")).isCloseTo(1.2, within(0.06));
        NodeFit.DiscreteQuality quality = (NodeFit.DiscreteQuality) fitted.fit("Y").quality();
        assertThat(quality.auc()).isBetween(0.6, 0.8);
        assertThat(quality.logLoss()).isLessThan(quality.baselineLogLoss());
        double ate = fitted.model().sample(List.of(Intervention.parse("T=1")), 200_000, 2).mean("Y")
                - fitted.model().sample(List.of(Intervention.parse("T=0")), 200_000, 2).mean("Y");
        assertThat(ate).isCloseTo(KnownModels.logisticConfoundedAte(), within(0.015));
    }

    @Test
    void automaticChoiceKeepsLinearForLinearDataAndBoostsNonlinearData() {
        StructuralCausalModel linear = KnownModels.linearConfounded();
        FittedScm linearFit = fit(linear, linear.sample(2_000, 1), FitOptions.defaults());
        assertThat(linearFit.fit("Y").family()).isEqualTo(ModelChoice.LINEAR);
        assertThat(linearFit.fit("Y").candidates()).extracting(NodeFit.CandidateScore::family)
                .containsExactly(ModelChoice.LINEAR, ModelChoice.BOOSTED);

        StructuralCausalModel curved = nonlinear();
        FittedScm curvedFit = fit(curved, curved.sample(2_000, 1), FitOptions.defaults());
        assertThat(curvedFit.fit("Y").family()).isEqualTo(ModelChoice.BOOSTED);
        NodeFit.CandidateScore linearScore = curvedFit.fit("Y").candidates().getFirst();
        NodeFit.CandidateScore boostedScore = curvedFit.fit("Y").candidates().get(1);
        assertThat(boostedScore.loss()).isLessThan(linearScore.loss() / 2);
    }

    @Test
    void boostedMechanismsGiveInterventionalDistributionsCloseToTheTruth() {
        StructuralCausalModel truth = nonlinear();
        Observations data = truth.sample(10_000, 8);
        FittedScm boosted = fit(truth, data, FitOptions.defaults());
        FittedScm linear = fit(truth, data, FitOptions.defaults().withChoice(ModelChoice.LINEAR));
        List<Intervention> shift = List.of(Intervention.parse("X:=X/2 + 0.5"));
        double[] expected = truth.sample(shift, 20_000, 4).column("Y");
        double boostedDistance = Distances.wasserstein(boosted.model().sample(shift, 20_000, 5).column("Y"), expected);
        double linearDistance = Distances.wasserstein(linear.model().sample(shift, 20_000, 5).column("Y"), expected);
        assertThat(boostedDistance).isLessThan(0.05);
        assertThat(linearDistance).isGreaterThan(4 * boostedDistance);
    }

    @Test
    void discreteNodesWithDiscreteParentsCanUseProbabilityTables() {
        // Y depends on the interaction of A and B: a main-effects logistic model cannot express it, a table can.
        StructuralCausalModel truth = new StructuralCausalModel(List.of(
                KnownModels.node("A", Scale.binary(), List.of(), (p, r) -> r.nextDouble() < 0.5 ? 1 : 0),
                KnownModels.node("B", Scale.categorical(List.of("x", "y", "z")), List.of(), (p, r) -> r.nextInt(3)),
                KnownModels.node("Y", Scale.binary(), List.of("A", "B"),
                        (p, r) -> r.nextDouble() < (p[0] == p[1] % 2 ? 0.9 : 0.1) ? 1 : 0)));
        FittedScm fitted = fit(truth, truth.sample(4_000, 3), FitOptions.defaults());
        assertThat(fitted.fit("Y").family()).isEqualTo(ModelChoice.TABLE);
        double pY = fitted.model().sample(List.of(Intervention.parse("A=1"), Intervention.parse("B=y")), 50_000, 1)
                .mean("Y");
        assertThat(pY).isCloseTo(0.9, within(0.02));
    }

    @Test
    void sameSeedSameModelWhateverTheThreads() throws Exception {
        StructuralCausalModel truth = nonlinear();
        Observations data = truth.sample(1_500, 8);
        FittedScm first = fit(truth, data, FitOptions.defaults());
        FittedScm second;
        try (ForkJoinPool single = new ForkJoinPool(1)) {
            second = single.submit(() -> fit(truth, data, FitOptions.defaults())).get();
        }
        assertThat(second.model().sample(5_000, 2).column("Y")).containsExactly(first.model().sample(5_000, 2).column("Y"));
        assertThat(second.fits().toString()).isEqualTo(first.fits().toString());
    }

    @Test
    void latentConfoundersAreProjectedOutAndQuestionsTheyBiasRefused() {
        // U -> X, U -> Y, X -> M -> Y, W -> X: the effect of X on Y runs through M, but U confounds X and Y.
        Dag dag = new Dag();
        for (String name : List.of("U", "W", "X", "M", "Y")) {
            dag.addVariable(Variable.of(name, name.equals("U") ? Role.LATENT : Role.ORDINARY, DataType.CONTINUOUS));
        }
        dag.addEdge("U", "X");
        dag.addEdge("U", "Y");
        dag.addEdge("W", "X");
        dag.addEdge("X", "M");
        dag.addEdge("M", "Y");
        StructuralCausalModel truth = new StructuralCausalModel(List.of(
                KnownModels.node("U", Scale.numeric(), List.of(), (p, r) -> r.nextGaussian()),
                KnownModels.node("W", Scale.numeric(), List.of(), (p, r) -> r.nextGaussian()),
                KnownModels.node("X", Scale.numeric(), List.of("U", "W"), (p, r) -> p[0] + p[1] + r.nextGaussian()),
                KnownModels.node("M", Scale.numeric(), List.of("X"), (p, r) -> p[0] + r.nextGaussian()),
                KnownModels.node("Y", Scale.numeric(), List.of("U", "M"), (p, r) -> p[0] + p[1] + r.nextGaussian())));
        Observations data = truth.sample(2_000, 1).select(List.of("W", "X", "M", "Y"));
        FittedScm fitted = ScmFitter.fit(dag, data, FitOptions.defaults().withChoice(ModelChoice.LINEAR),
                ProgressListener.NONE, CancellationToken.none());
        assertThat(fitted.model().names()).containsExactly("W", "X", "M", "Y");
        assertThat(fitted.model().confounding()).containsExactly(new Confounding("U", List.of("X", "Y")));
        assertThat(fitted.model().unanswerable(List.of("X"), List.of("Y"), true)).get().asString()
                .contains("U affects X and Y");
        // Setting M cuts X off: Y's mechanism given M is still confounded through X, so that is refused too.
        assertThat(fitted.model().unanswerable(List.of("M"), List.of("Y"), true)).isPresent();
        // W's effect on X alone does not involve Y.
        assertThat(fitted.model().unanswerable(List.of("W"), List.of("X"), true)).isEmpty();
    }

    @Test
    void refusesDataWithoutAColumnAndKindsThatDoNotApply() {
        StructuralCausalModel truth = KnownModels.linearConfounded();
        Observations data = truth.sample(100, 1);
        assertThatThrownBy(() -> ScmFitter.fit(KnownModels.dagOf(truth), data.select(List.of("Z", "X"))))
                .isInstanceOf(ScmException.class).hasMessageContaining("no values for Y")
                .hasMessageContaining("mark them latent");
        assertThatThrownBy(() -> fit(truth, data, FitOptions.defaults().withChoice("Y", ModelChoice.TABLE)))
                .hasMessageContaining("a table model does not apply to Y");
        assertThatThrownBy(() -> fit(truth, data, FitOptions.defaults().withChoice("Q", ModelChoice.LINEAR)))
                .hasMessageContaining("'Q'");
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() {
        StructuralCausalModel truth = KnownModels.linearConfounded();
        Observations data = truth.sample(1_000, 1);
        List<Double> fractions = new ArrayList<>();
        ScmFitter.fit(KnownModels.dagOf(truth), data, FitOptions.defaults(),
                (fraction, message) -> {
                    synchronized (fractions) {
                        fractions.add(fraction);
                    }
                }, CancellationToken.none());
        assertThat(fractions).contains(0.0, 1.0).hasSize(4);
        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        assertThatThrownBy(() -> ScmFitter.fit(KnownModels.dagOf(truth), data, FitOptions.defaults(),
                ProgressListener.NONE, cancelled)).isInstanceOf(CancelledException.class);
    }

    @Test
    void warnsAboutParentsThatExplainNothing() {
        StructuralCausalModel truth = new StructuralCausalModel(List.of(
                KnownModels.node("A", Scale.numeric(), List.of(), (p, r) -> r.nextGaussian()),
                KnownModels.node("B", Scale.numeric(), List.of("A"), (p, r) -> r.nextGaussian())));
        FittedScm fitted = fit(truth, truth.sample(2_000, 1), FitOptions.defaults().withChoice(ModelChoice.LINEAR));
        assertThat(fitted.fit("B").warnings()).singleElement().asString().contains("explain little of B");
    }
}
