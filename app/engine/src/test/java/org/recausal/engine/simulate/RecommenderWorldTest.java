package org.recausal.engine.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.estimate.AdjustmentEstimator;
import org.recausal.engine.estimate.EffectEstimate;
import org.recausal.engine.estimate.EstimationMethod;
import org.recausal.engine.estimate.Identification;
import org.recausal.engine.estimate.InterventionEffects;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.scm.Expression;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.ModelChoice;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.scm.ScmFitter;
import org.recausal.engine.scm.Scenario;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

class RecommenderWorldTest {

    private static final List<Intervention> SHOWN = List.of(Intervention.parse("exposure=1"));
    private static final List<Intervention> HIDDEN = List.of(Intervention.parse("exposure=0"));

    @Test
    void hasTheSampleProjectsVariablesAndEdges() throws Exception {
        Dag sample = ProjectFiles.open(Path.of("../../sample-projects/recommender-shop.recausal")).dag();
        Dag world = RecommenderWorld.dag();
        assertThat(world.names()).containsExactlyInAnyOrderElementsOf(sample.names());
        assertThat(edges(world)).isEqualTo(edges(sample));
        for (Variable variable : sample.variables()) {
            assertThat(world.require(variable.name()).type()).as(variable.name()).isEqualTo(variable.type());
            assertThat(world.require(variable.name()).isLatent()).as(variable.name()).isEqualTo(variable.isLatent());
        }
        assertThat(world.withRole(Role.EXPOSURE)).isEqualTo(sample.withRole(Role.EXPOSURE));
        assertThat(world.withRole(Role.OUTCOME)).isEqualTo(sample.withRole(Role.OUTCOME));
    }

    private static Set<String> edges(Dag dag) {
        return dag.edges().stream().map(e -> e.from() + "->" + e.to()).collect(Collectors.toSet());
    }

    @Test
    void looksLikeAShop() {
        Observations data = RecommenderWorld.observedData(100_000, 1);
        assertThat(data.names()).hasSize(14).doesNotContain("user_preference", "item_quality");
        assertThat(data.mean("exposure")).isBetween(0.2, 0.45);
        assertThat(data.mean("click")).isBetween(0.05, 0.25);
        assertThat(data.mean("purchase")).isBetween(0.01, 0.15);
        assertThat(data.mean("position")).isBetween(3.0, 8.0);
        for (double rating : data.column("rating")) {
            assertThat(rating).isIn(1.0, 2.0, 3.0, 4.0, 5.0);
        }
    }

    @Test
    void exposureIsConfoundedSoTheNaiveComparisonOverstatesItsEffect() {
        RecommenderWorld.TrueEffect truth = RecommenderWorld.trueEffect("purchase", SHOWN, HIDDEN, 400_000, 7);
        assertThat(truth.standardError()).isLessThan(6e-4);
        assertThat(truth.effect()).isBetween(0.01, 0.1);

        Observations data = RecommenderWorld.observedData(50_000, 3);
        double shown = 0;
        double shownPurchases = 0;
        double hiddenPurchases = 0;
        for (int i = 0; i < data.rows(); i++) {
            if (data.value("exposure", i) == 1) {
                shown++;
                shownPurchases += data.value("purchase", i);
            } else {
                hiddenPurchases += data.value("purchase", i);
            }
        }
        double naive = shownPurchases / shown - hiddenPurchases / (data.rows() - shown);
        assertThat(naive).isGreaterThan(truth.effect() + 0.01);

        Identification identified = Identification.of(RecommenderWorld.dag(), "exposure", "purchase", null);
        assertThat(identified.adjustmentSet()).containsExactly("recommender_score");
        EffectEstimate estimate = new AdjustmentEstimator(data, "exposure", "purchase", identified.adjustmentSet(),
                AdjustmentEstimator.Settings.of(EstimationMethod.AIPW).withBootstrap(60))
                .estimate(ProgressListener.NONE, CancellationToken.none());
        assertThat(estimate.ci().contains(truth.effect())).as(estimate.toString()).isTrue();
    }

    @Test
    void showingFewerPopularItemsIsEvaluatedOffPolicy() {
        // The shop shows items with probability sigmoid(1.5 (score - 1.8)); the new rule discounts popularity.
        String rule = "sigmoid(1.5 * (recommender_score - 1.8) - 0.5 * log(1 + item_popularity))";
        List<Intervention> policy = List.of(Intervention.parse("exposure:=bernoulli(" + rule + ")"));
        RecommenderWorld.TrueEffect truth = RecommenderWorld.trueEffect("purchase", policy, List.of(), 1_000_000, 4);
        assertThat(truth.effect()).isLessThan(-0.005);

        Expression probability = Expression.parse(rule);
        Identification identified = Identification.of(RecommenderWorld.dag(), "exposure", "purchase", null,
                probability.variables());
        assertThat(identified.adjustmentSet()).containsExactly("item_popularity", "recommender_score");
        Observations data = RecommenderWorld.observedData(50_000, 6);
        EffectEstimate estimate = new AdjustmentEstimator(data, "exposure", "purchase", identified.adjustmentSet(),
                AdjustmentEstimator.Settings.of(EstimationMethod.AIPW).withBootstrap(60), probability)
                .estimate(ProgressListener.NONE, CancellationToken.none());
        // The truth is itself simulated: allow for its Monte Carlo error too.
        double slack = 2 * truth.standardError();
        assertThat(truth.effect()).as(estimate + " vs " + truth)
                .isBetween(estimate.ci().lower() - slack, estimate.ci().upper() + slack);
        assertThat(estimate.ci().upper()).isLessThan(0);
    }

    @Test
    void aModelFittedToTheObservedVariablesRefusesToSimulateTheConfoundedEffect() {
        Observations data = RecommenderWorld.observedData(5_000, 3);
        FittedScm fitted = ScmFitter.fit(RecommenderWorld.dag(), data,
                FitOptions.defaults().withChoice(ModelChoice.LINEAR), ProgressListener.NONE, CancellationToken.none());
        assertThat(fitted.model().names()).hasSize(14);
        Scenario scenario = new Scenario("show", SHOWN, HIDDEN, List.of("purchase"), null, 1_000, 1);
        assertThatThrownBy(() -> InterventionEffects.run(fitted, data, scenario, 0, 0.95, ProgressListener.NONE,
                CancellationToken.none())).isInstanceOf(ScmException.class).hasMessageContaining("user_preference");
        // The discount's effect on the price involves no latent variable.
        Scenario discount = new Scenario("discount", List.of(Intervention.parse("discount=1")),
                List.of(Intervention.parse("discount=0")), List.of("item_price"), null, 20_000, 1);
        double effect = InterventionEffects.run(fitted, data, discount, 0, 0.95, ProgressListener.NONE,
                CancellationToken.none()).effects().getFirst().effect();
        RecommenderWorld.TrueEffect truth = RecommenderWorld.trueEffect("item_price",
                discount.interventions(), discount.baseline(), 200_000, 2);
        assertThat(effect).isCloseTo(truth.effect(), within(0.15 * Math.abs(truth.effect())));
    }

    @Test
    void edgesOfTheModelAreTheGraphsEdges() {
        Dag dag = RecommenderWorld.dag();
        for (CausalEdge edge : dag.edges()) {
            assertThat(RecommenderWorld.model().parents(edge.to())).contains(edge.from());
        }
        assertThat(dag.edgeCount()).isEqualTo(28);
    }
}
