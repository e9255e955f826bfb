package org.recausal.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.model.BoostedTrees;
import org.recausal.engine.model.PortableMath;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.ModelChoice;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.simulate.RecommenderWorld;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Policies simulated on a log drawn from the ground-truth shop recover the effects the world itself gives under
 * the same policy (both worlds simulated with shared noise), within their intervals.
 */
class PolicySimulationTest {

    private static final int TRUTH_SAMPLES = 1_000_000;

    private static Dag dag;
    private static Observations log;
    /** The penalty simulated on a log with ids and the true propensities, which several tests examine. */
    private static PolicyResult penalty;

    @BeforeAll
    static void world() {
        dag = RecommenderWorld.dag();
        log = RecommenderWorld.observedData(10_000, 11);
        double[] propensity = Arrays.stream(log.column("recommender_score"))
                .map(s -> PortableMath.sigmoid(1.5 * (s - 1.8))).toArray();
        penalty = run(withIds(PolicyData.of(log)).withPropensities(propensity), "popularity-penalty=0.5", 30);
    }

    private static PolicyResult run(PolicyData data, String policy, int replicates) {
        // Mechanism kinds chosen by cross-validation, as the command does by default, on a smaller sample of rows.
        FitOptions fit = new FitOptions(ModelChoice.AUTO, java.util.Map.of(), FitOptions.NoiseKind.EMPIRICAL, 5,
                3_000, BoostedTrees.Settings.DEFAULT, 1);
        PolicyRequest request = PolicyRequest.of(Policy.parse(policy), RankingSetup.recommenderShop())
                .withReplicates(replicates).withFit(fit);
        return PolicySimulation.run(dag, data, request, ProgressListener.NONE, CancellationToken.none());
    }

    private static void assertRecoversTruth(PolicyResult result, String truePolicy, List<String> metrics) {
        List<Intervention> policy = List.of(Intervention.parse(truePolicy));
        for (String metric : metrics) {
            RecommenderWorld.TrueEffect truth = RecommenderWorld.trueEffect(metric, policy, List.of(), TRUTH_SAMPLES, 5);
            PolicyResult.Estimate effect = result.metric(metric, null).orElseThrow().difference();
            assertThat(effect.ci().contains(truth.effect())).as(metric + ": true " + truth.effect() + ", estimated "
                    + effect).isTrue();
        }
    }

    /** Items known by category and popularity, users by tenure: coarse, but ids all the same. */
    private static PolicyData withIds(PolicyData data) {
        String[] items = new String[log.rows()];
        String[] users = new String[log.rows()];
        for (int i = 0; i < items.length; i++) {
            items[i] = log.text("item_category", i) + "/" + (long) log.value("item_popularity", i);
            users[i] = "u" + (long) log.value("user_tenure", i);
        }
        return data.withIds(users, items);
    }

    @Test
    void popularityPenaltyRecoversTheTrueEffect() {
        assertRecoversTruth(penalty, "recommender_score:=recommender_score - 0.5 * log(1 + item_popularity)",
                List.of("exposure", "click", "purchase", "rating"));
        // The penalty shows fewer items, so fewer are clicked and bought: the interval excludes no change.
        assertThat(penalty.metric("purchase", null).orElseThrow().difference().ci().upper()).isNegative();
        assertThat(penalty.metric("gap:purchase", null)).isPresent();
        assertThat(penalty.metric("purchase", "user_activity >= 3")).isPresent();
    }

    @Test
    void upliftsAddUpToTheOverallChange() {
        PolicyResult.Uplifts uplifts = penalty.uplifts();
        int purchase = uplifts.outcomes().indexOf("purchase");
        double perRow = Arrays.stream(uplifts.perRow()[purchase]).sum();
        assertThat(perRow / log.rows()).isCloseTo(penalty.metric("purchase", null).orElseThrow().difference().value(),
                within(1e-12));
        double perUser = uplifts.perUser().stream().mapToDouble(u -> u.uplift()[purchase]).sum();
        assertThat(perUser).isCloseTo(perRow, within(1e-9));
        assertThat(uplifts.perUser().stream().mapToInt(PolicyResult.UserUplift::rows).sum()).isEqualTo(log.rows());
        assertThat(penalty.metric("gini", null).orElseThrow().current().value()).isBetween(0.0, 1.0);
        assertThat(penalty.metric("coverage", null).orElseThrow().current().value()).isBetween(0.0, 1.0);
    }

    @Test
    void showingEverythingCoversTheCatalogueAndExposureFollowsTheLog() {
        PolicyResult all = run(withIds(PolicyData.of(log)), "score-rule=100", 0);
        assertThat(all.metric("coverage", null).orElseThrow().policy().value()).isCloseTo(1, within(1e-9));
        // Every pair shown: each item's exposure count is its number of logged rows.
        java.util.Map<String, Double> rows = new java.util.HashMap<>();
        String[] items = withIds(PolicyData.of(log)).items();
        for (String item : items) {
            rows.merge(item, 1.0, Double::sum);
        }
        double[] counts = rows.values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] present = counts.clone();
        assertThat(all.metric("gini", null).orElseThrow().policy().value())
                .isCloseTo(PolicyMetrics.gini(counts, present), within(1e-6));
    }

    @Test
    void exposureCapRecoversTheTrueEffect() {
        PolicyResult result = run(PolicyData.of(log), "exposure-cap=0.3", 30);
        assertRecoversTruth(result,
                "exposure:=exposure * bernoulli(min(1, 0.3 / sigmoid(1.5 * (recommender_score - 1.8))))",
                List.of("exposure", "click", "purchase"));
    }

    @Test
    void boostRecoversTheTrueEffect() {
        assertRecoversTruth(run(PolicyData.of(log), "boost=0.8:item_category == \"toys\"", 30),
                "recommender_score:=recommender_score + 0.8 * (item_category == \"toys\")",
                List.of("exposure", "click", "purchase"));
    }

    @Test
    void featureRemovalRecoversTheTrueEffect() {
        // The score's category term is 0.2 for electronics, 0.1 for fashion, -0.1 for home; removing it replaces
        // it by its mean over the catalogue's category shares (0.045).
        assertRecoversTruth(run(PolicyData.of(log), "remove-feature=item_category", 30),
                "recommender_score:=recommender_score - 0.2 * (item_category == \"electronics\")"
                        + " - 0.1 * (item_category == \"fashion\") + 0.1 * (item_category == \"home\") + 0.045",
                List.of("exposure", "click"));
    }

    @Test
    void swappingInTheSameScoresChangesNothingAndReversedScoresShowAsManyItemsButWorseOnes() {
        double[] score = log.column("recommender_score");
        PolicyResult same = run(PolicyData.of(log).withAlternativeScores(score.clone()), "swap-model", 0);
        for (PolicyResult.MetricEffect metric : same.metrics()) {
            assertThat(metric.difference().value()).as(metric.label()).isZero();
        }
        double[] reversed = Arrays.stream(score).map(s -> -s).toArray();
        PolicyResult swapped = run(PolicyData.of(log).withAlternativeScores(reversed), "swap-model", 10);
        // Quantile mapping serves the same scores to other rows, and exposure reads only the score.
        assertThat(swapped.metric("exposure", null).orElseThrow().difference().value()).isCloseTo(0, within(1e-9));
        assertThat(swapped.metric("click", null).orElseThrow().difference().ci().upper()).isNegative();
    }

    @Test
    void offPolicyEstimatesAgreeWithTheSimulationAndTheTruthGivenTheTruePropensities() {
        List<Intervention> decisions = List.of(Intervention.parse("exposure:=bernoulli(sigmoid(1.5 * ("
                + "recommender_score - 0.5 * log(1 + item_popularity) - 1.8)))"));
        for (PolicyResult.OffPolicyOutcome outcome : penalty.offPolicy().outcomes()) {
            if (outcome.outcome().equals("rating")) {
                continue;
            }
            double truth = RecommenderWorld.trueEffect(outcome.outcome(), decisions, List.of(), TRUTH_SAMPLES, 5)
                    .effect();
            assertThat(outcome.simulated().ci().contains(truth)).as(outcome.outcome() + " simulated").isTrue();
            for (PolicyResult.Estimator estimator : outcome.estimators()) {
                assertThat(estimator.difference().ci().contains(truth))
                        .as(outcome.outcome() + " " + estimator.name() + " " + estimator.difference()).isTrue();
                assertThat(estimator.disagrees()).isFalse();
            }
        }
        assertThat(penalty.offPolicy().effectiveSampleSize()).isBetween(1.0, (double) log.rows());
    }

    @Test
    void wrongPropensitiesMakeTheEstimatorsDisagreeWithTheSimulation() {
        // The log claims every pair had an even chance of being shown, which hides the score's role.
        double[] even = new double[log.rows()];
        Arrays.fill(even, 0.5);
        PolicyResult result = run(PolicyData.of(log).withPropensities(even), "popularity-penalty=0.5", 10);
        PolicyResult.Estimator ips = result.offPolicy().outcomes().stream().filter(o -> o.outcome().equals("click"))
                .findFirst().orElseThrow().estimators().getFirst();
        assertThat(ips.disagrees()).isTrue();
        assertThat(result.notes()).anyMatch(n -> n.startsWith("IPS and the simulation disagree on click"));
    }

    @Test
    void refusesWhenALatentVariableConfoundsExposureWithThePurchase() {
        Dag confounded = RecommenderWorld.dag();
        confounded.addVariable(Variable.of("mood", Role.LATENT, DataType.CONTINUOUS));
        confounded.addEdge("mood", "exposure");
        confounded.addEdge("mood", "purchase");
        assertThatThrownBy(() -> PolicySimulation.run(confounded, PolicyData.of(log),
                PolicyRequest.of(Policy.parse("popularity-penalty=0.5"), RankingSetup.recommenderShop()),
                ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(ScmException.class)
                .hasMessage("exposure reads recommender_score directly, and a latent variable affects both; the log"
                        + " cannot tell the policy's effect on exposure from that confounding");
    }

    @Test
    void policiesMayReadOnlyWhatThePolicyDoesNotChange() {
        assertThatThrownBy(() -> run(PolicyData.of(log), "boost=1:click == 1", 0))
                .isInstanceOf(ScmException.class)
                .hasMessage("the boost's condition reads click, which is affected by recommender_score; it may read"
                        + " only variables the policy does not change");
        assertThatThrownBy(() -> run(PolicyData.of(log), "remove-feature=device", 0))
                .isInstanceOf(ScmException.class)
                .hasMessageStartingWith("recommender_score does not read device in the graph (it reads item_category, user_activity,");
    }
}
