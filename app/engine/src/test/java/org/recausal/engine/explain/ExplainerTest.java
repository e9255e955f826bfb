package org.recausal.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.sasrec.AttentionMap;
import org.recausal.engine.recsys.sasrec.SasRecModel;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.CancelledException;

/** Explanations of a SASRec trained on {@link KeyItemWorld}, checked against the model itself and the world's truth. */
class ExplainerTest {
    private static final KeyItemWorld WORLD = KeyItemWorld.trained();
    private static final ExplainOptions OPTIONS = ExplainOptions.defaults().withK(3);

    private static Explanation explainAnswer(int u, ExplainOptions options) {
        return WORLD.explainer().explain(WORLD.user(u), WORLD.item(5 + WORLD.keys[u]), options, CancellationToken.none());
    }

    /** The target's score for a history, encoded alone: the reference every re-scoring must match. */
    private static double score(int[] history, int target) {
        SasRecModel model = (SasRecModel) WORLD.stored.model();
        int d = model.dimension();
        float[] vector = new float[d];
        model.encode(new int[] {0}, new int[][] {history}, vector);
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += vector[j] * model.itemVectors()[target * d + j];
        }
        return s;
    }

    private static int[] without(int[] history, List<Integer> positions) {
        List<Integer> kept = new ArrayList<>();
        for (int p = 0; p < history.length; p++) {
            if (!positions.contains(p)) {
                kept.add(history[p]);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void theKeyItemIsTheMainReasonForTheAnswer() {
        int topIsKey = 0;
        int users = 40;
        for (int u = 0; u < users; u++) {
            Explanation e = explainAnswer(u, OPTIONS);
            Attribution top = e.attributions().values().stream()
                    .max((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
            if (top.name().equals(WORLD.item(WORLD.keys[u]))) {
                topIsKey++;
            }
        }
        assertThat(topIsKey).isGreaterThanOrEqualTo(users * 9 / 10);
    }

    @Test
    void exactAttributionsSumToTheScoreDifference() {
        for (int u = 0; u < 20; u++) {
            Explanation e = explainAnswer(u, OPTIONS);
            Attributions a = e.attributions();
            assertThat(a.method()).isEqualTo(Attributions.EXACT);
            assertThat(a.fullScore()).isCloseTo(e.score(), within(1e-5));
            assertThat(a.baselineScore()).isZero(); // an empty history has no user state: the model scores 0
            assertThat(a.efficiencyGap()).isCloseTo(0, within(1e-4));
            assertThat(a.values()).allSatisfy(x -> assertThat(x.standardError()).isZero());
        }
    }

    @Test
    void sampledAttributionsAreEfficientAndAgreeWithTheExactOnesWithinTheirErrors() {
        int u = 3;
        Explanation exact = explainAnswer(u, OPTIONS);
        Explanation sampled = explainAnswer(u, OPTIONS.withShapley(0, 20_000));
        assertThat(sampled.attributions().method()).isEqualTo(Attributions.ANTITHETIC_PERMUTATIONS);
        assertThat(sampled.attributions().efficiencyGap()).isCloseTo(0, within(1e-4));
        for (int p = 0; p < exact.attributions().values().size(); p++) {
            Attribution truth = exact.attributions().values().get(p);
            Attribution estimate = sampled.attributions().values().get(p);
            assertThat(estimate.standardError()).isPositive();
            assertThat(estimate.value()).isCloseTo(truth.value(), within(4 * estimate.standardError() + 1e-4));
        }
    }

    @Test
    void attributionsMatchTheShapleyFormulaOverRescoredHistories() {
        int u = 5;
        Explanation e = explainAnswer(u, OPTIONS);
        double[] phi = bruteForceShapley(WORLD.histories[u], 0, 5 + WORLD.keys[u]);
        for (int i = 0; i < phi.length; i++) {
            assertThat(e.attributions().values().get(i).value()).isCloseTo(phi[i], within(1e-5));
        }
    }

    /**
     * Shapley values from the definition over the window h[windowStart..]: a coalition's value is the target's
     * score for the history without the window items outside it, encoded alone (the model reads its last items).
     */
    private static double[] bruteForceShapley(int[] h, int windowStart, int target) {
        int n = h.length - windowStart;
        double[] v = new double[1 << n];
        for (int mask = 0; mask < v.length; mask++) {
            List<Integer> removed = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                if ((mask & (1 << p)) == 0) {
                    removed.add(windowStart + p);
                }
            }
            v[mask] = score(without(h, removed), target);
        }
        double[] phi = new double[n];
        for (int i = 0; i < n; i++) {
            for (int mask = 0; mask < v.length; mask++) {
                if ((mask & (1 << i)) == 0) {
                    int s = Integer.bitCount(mask);
                    phi[i] += factorial(s) * factorial(n - s - 1) / factorial(n) * (v[mask | (1 << i)] - v[mask]);
                }
            }
        }
        return phi;
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    @Test
    void counterfactualsAreTheSmallestSetsThatBruteForceFinds() {
        int checked = 0;
        for (int u = 0; u < 30; u++) {
            String top = WORLD.stored.recommend(WORLD.user(u), 1).get(0).item();
            int target = WORLD.stored.items().indexOf(top);
            Explanation e = WORLD.explainer().explain(WORLD.user(u), top, OPTIONS, CancellationToken.none());
            BruteForce truth = BruteForce.smallest(WORLD, u, target, OPTIONS.k(), OPTIONS.maxRemovals());
            Counterfactual c = e.counterfactual();
            assertThat(c.originalRank()).isEqualTo(1);
            assertThat(c.found()).isEqualTo(truth.size() > 0);
            if (c.found()) {
                assertThat(c.removed()).hasSize(truth.size());
                assertThat(c.verified()).isTrue();
                assertThat(c.newRank()).isGreaterThan(OPTIONS.k());
                int[] reduced = without(WORLD.histories[u], c.removed().stream().map(HistoryItem::position).toList());
                assertThat(c.newRank()).isEqualTo(BruteForce.rank(WORLD, u, reduced, target));
                assertThat(c.newScore()).isCloseTo(score(reduced, target), within(1e-5));
                checked++;
            } else {
                assertThat(c.reason()).startsWith("no explanation within");
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void theBeamFindsVerifiedSetsNoSmallerThanTheMinimum() {
        ExplainOptions beamOnly = OPTIONS.withSearch(OPTIONS.maxRemovals(), 2, 0);
        int found = 0;
        for (int u = 0; u < 30; u++) {
            String top = WORLD.stored.recommend(WORLD.user(u), 1).get(0).item();
            int target = WORLD.stored.items().indexOf(top);
            Counterfactual c = WORLD.explainer().explain(WORLD.user(u), top, beamOnly, CancellationToken.none()).counterfactual();
            BruteForce truth = BruteForce.smallest(WORLD, u, target, OPTIONS.k(), OPTIONS.maxRemovals());
            assertThat(c.search()).startsWith("1: all ");
            if (!c.found() || c.removed().size() > 1) {
                assertThat(c.search()).contains("2: beam ");
            }
            if (c.found()) {
                found++;
                assertThat(c.verified()).isTrue();
                assertThat(c.removed().size()).isGreaterThanOrEqualTo(truth.size());
            }
        }
        assertThat(found).isGreaterThan(10);
    }

    @Test
    void anItemOutsideTheTopKHasNothingToExplainAway() {
        int u = 0;
        List<StoredModel.Recommendation> list = WORLD.stored.recommend(WORLD.user(u), 20);
        String far = list.get(19).item();
        Explanation e = WORLD.explainer().explain(WORLD.user(u), far, OPTIONS, CancellationToken.none());
        assertThat(e.rank()).isEqualTo(20);
        assertThat(e.counterfactual().found()).isFalse();
        assertThat(e.counterfactual().reason()).contains("rank 20", "outside the top 3");
        assertThat(e.summary()).startsWith("Ranked 20, outside the top 3");
    }

    @Test
    void noSetWithinTheLimitIsReportedAsSuch() {
        // The answer is kept in the top 3 by its key alone for most users, so one removal is a true limit for some.
        ExplainOptions one = OPTIONS.withSearch(1, 5, 256);
        int reported = 0;
        for (int u = 0; u < 30; u++) {
            int target = 5 + WORLD.keys[u];
            Explanation e = explainAnswer(u, one);
            if (e.rank() <= 3 && !e.counterfactual().found()) {
                assertThat(BruteForce.smallest(WORLD, u, target, 3, 1).size()).isZero();
                assertThat(e.counterfactual().reason()).isEqualTo("no explanation within 1 removal");
                reported++;
            }
        }
        assertThat(reported).isPositive();
    }

    @Test
    void theRankAndScoreAreTheRecommendationListsOwn() {
        int u = 7;
        List<StoredModel.Recommendation> list = WORLD.stored.recommend(WORLD.user(u), 5);
        for (int r = 0; r < list.size(); r++) {
            Explanation e = WORLD.explainer().explain(WORLD.user(u), list.get(r).item(), OPTIONS, CancellationToken.none());
            assertThat(e.rank()).isEqualTo(r + 1);
            assertThat(e.score()).isCloseTo(list.get(r).score(), within(1e-6));
        }
    }

    @Test
    void attentionIsTheModelsOwnWithARolloutThatSumsToOne() {
        int u = 2;
        Explanation e = explainAnswer(u, OPTIONS);
        AttentionMap map = ((SasRecModel) WORLD.stored.model()).attention(WORLD.histories[u]);
        AttentionView view = e.attention();
        assertThat(view.blocks()).isEqualTo(2);
        assertThat(view.heads()).isEqualTo(2);
        assertThat(view.window()).extracting(HistoryItem::item).containsExactlyElementsOf(map.items());
        for (int b = 0; b < 2; b++) {
            for (int h = 0; h < 2; h++) {
                float[] row = map.lastRow(b, h);
                for (int j = 0; j < row.length; j++) {
                    assertThat(view.lastRows()[b][h][j]).isEqualTo(row[j]);
                }
            }
        }
        double sum = 0;
        for (double w : view.rollout()) {
            assertThat(w).isGreaterThanOrEqualTo(0);
            sum += w;
        }
        assertThat(sum).isCloseTo(1, within(1e-6));
    }

    @Test
    void faithfulnessNumbersAreRescoredAndAttributionBeatsRandomOnAverage() {
        double attributed = 0;
        double random = 0;
        int users = 30;
        for (int u = 0; u < users; u++) {
            Explanation e = explainAnswer(u, OPTIONS);
            int target = 5 + WORLD.keys[u];
            FaithfulnessCheck check = e.faithfulness().checks().stream()
                    .filter(f -> f.ranking().equals(FaithfulnessCheck.ATTRIBUTION) && f.removed() == 1).findFirst().orElseThrow();
            Attribution top = e.attributions().values().stream()
                    .max((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
            double drop = e.score() - score(without(WORLD.histories[u], List.of(top.position())), target);
            assertThat(check.drop()).isCloseTo(drop, within(1e-5));
            assertThat(check.draws()).isEqualTo(OPTIONS.faithfulnessDraws());
            // With one item removed the random mean is close to the mean over all single removals.
            double allSingles = 0;
            int n = WORLD.histories[u].length;
            for (int p = 0; p < n; p++) {
                allSingles += e.score() - score(without(WORLD.histories[u], List.of(p)), target);
            }
            assertThat(check.randomMean()).isCloseTo(allSingles / n, within(4 * check.randomSd() / Math.sqrt(check.draws()) + 1e-6));
            attributed += check.drop();
            random += check.randomMean();
        }
        assertThat(attributed / users).isGreaterThan(random / users);
    }

    @Test
    void theSummaryNamesTheReasonsAndTheCounterfactual() {
        int u = 1;
        Explanation e = explainAnswer(u, OPTIONS);
        Attribution top = e.attributions().values().stream().max((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
        assertThat(e.summary()).startsWith("Recommended at rank " + e.rank() + " of 3").contains("mainly because of " + top.name());
        if (e.counterfactual().found()) {
            assertThat(e.summary()).contains("it would fall to rank " + e.counterfactual().newRank());
        }
    }

    @Test
    void sameSeedSameExplanation() {
        ExplainOptions sampled = OPTIONS.withShapley(0, 500);
        Explanation a = explainAnswer(4, sampled);
        Explanation b = explainAnswer(4, sampled);
        assertThat(a.attributions()).isEqualTo(b.attributions());
        assertThat(a.faithfulness()).isEqualTo(b.faithfulness());
        assertThat(a.summary()).isEqualTo(b.summary());
    }

    @Test
    void olderItemsBeyondTheWindowStayAndMoveIn() {
        // A history of 14 items: the model reads the last 10, the 4 older ones are the background of every coalition.
        int u = 6;
        int[][] histories = WORLD.histories.clone();
        int[] older = {11, 12, 13, 14};
        int[] h = new int[older.length + 10];
        System.arraycopy(older, 0, h, 0, older.length);
        for (int p = older.length; p < h.length; p++) {
            h[p] = 20 + p;
        }
        h[h.length - 3] = WORLD.keys[u];
        histories[u] = h;
        int target = 5 + WORLD.keys[u];
        Explainer explainer = new Explainer(WORLD.stored, histories, null, 2);
        Explanation e = explainer.explain(WORLD.user(u), WORLD.item(target), OPTIONS, CancellationToken.none());
        assertThat(e.history()).hasSize(14);
        assertThat(e.attention().window()).hasSize(10).first().extracting(HistoryItem::position).isEqualTo(4);
        assertThat(e.attributions().values()).hasSize(10);
        assertThat(e.attributions().baselineScore()).isCloseTo(score(older, target), within(1e-5));
        assertThat(e.attributions().efficiencyGap()).isCloseTo(0, within(1e-4));
        // Removing window items lets older ones back into view, as re-encoding the shorter history does.
        double[] phi = bruteForceShapley(h, 4, target);
        for (int i = 0; i < phi.length; i++) {
            assertThat(e.attributions().values().get(i).value()).isCloseTo(phi[i], within(1e-5));
        }
    }

    @Test
    void aUserWithoutHistoryIsExplainedAsSuch() {
        int[][] histories = WORLD.histories.clone();
        histories[8] = new int[0];
        Explanation e = new Explainer(WORLD.stored, histories, null, 2)
                .explain(WORLD.user(8), WORLD.item(0), OPTIONS, CancellationToken.none());
        assertThat(e.attention().window()).isEmpty();
        assertThat(e.attributions().values()).isEmpty();
        assertThat(e.counterfactual().found()).isFalse();
        assertThat(e.faithfulness().checks()).isEmpty();
        if (e.rank() <= OPTIONS.k()) {
            assertThat(e.counterfactual().reason()).isEqualTo("the user has no history to remove from");
        }
        assertThat(e.summary()).endsWith("the user has no history, so nothing in it explains the score.");
    }

    @Test
    void badRequestsAreNamed() {
        Explainer explainer = WORLD.explainer();
        assertThatThrownBy(() -> explainer.explain("nobody", "5", OPTIONS, CancellationToken.none()))
                .isInstanceOf(RecsysException.class).hasMessage("the model knows no user 'nobody'");
        assertThatThrownBy(() -> explainer.explain("u1", "999", OPTIONS, CancellationToken.none()))
                .isInstanceOf(RecsysException.class).hasMessage("the model knows no item '999'");
    }

    @Test
    void aCancelledExplanationStops() {
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        assertThatThrownBy(() -> WORLD.explainer().explain("u1", "5", OPTIONS, cancel)).isInstanceOf(CancelledException.class);
    }
}
