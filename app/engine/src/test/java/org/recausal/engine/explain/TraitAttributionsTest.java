package org.recausal.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.features.FeatureEncoding;
import org.recausal.engine.recsys.features.SideFeatures;
import org.recausal.engine.recsys.features.TraitWorld;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.sasrec.SasRecConfig;
import org.recausal.engine.recsys.sasrec.SasRecModel;
import org.recausal.engine.recsys.sasrec.SasRecTrainer;
import org.recausal.engine.recsys.split.SequenceData;
import org.recausal.engine.task.CancellationToken;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attributions to the trait variables of a SASRec with side features trained on {@link TraitWorld}: exact values
 * against brute force, efficiency of the whole game, and the signs the world's truth implies.
 */
class TraitAttributionsTest {
    private static final TraitWorld.World WORLD = TraitWorld.World.of(1);
    private static final SequenceData DATA = WORLD.data();
    private static final SideFeatures FEATURES = WORLD.features();
    private static final SasRecModel MODEL = new SasRecTrainer(new SasRecConfig(10, 16, 1, 1, 0.2f, 0.01f, 64, 6, 3), 2)
            .features(FEATURES).train(DATA.train(), DATA.log().users(), DATA.log().items(), null, null, (r, s) -> { },
                    CancellationToken.none());
    private static final StoredModel STORED = new StoredModel(StoredModel.SASREC, MODEL, DATA.log().users(),
            DATA.log().items(), DATA.everything(), JsonMapper.shared().createObjectNode(), null);

    /**
     * The interventional game by its definition: the trait part averaged over the training marginal of the absent
     * variables (every user's values for the absent user variables, every item's for the absent item ones).
     */
    private static double interventional(BitSet present, int u, int i) {
        int userVariables = FEATURES.userEncodings().size();
        double sum = 0;
        for (int v = 0; v < FEATURES.users(); v++) {
            double[] xu = mix(FEATURES.userRow(u), FEATURES.userRow(v), FEATURES.userEncodings(), present, 0);
            for (int j = 0; j < FEATURES.items(); j++) {
                double[] xi = mix(FEATURES.itemRow(i), FEATURES.itemRow(j), FEATURES.itemEncodings(), present, userVariables);
                sum += MODEL.traitScore(xu, xi);
            }
        }
        return sum / FEATURES.users() / FEATURES.items();
    }

    /** {@code own}'s columns of the present variables, {@code drawn}'s of the absent ones. */
    private static double[] mix(double[] own, double[] drawn, List<FeatureEncoding> encodings, BitSet present, int first) {
        double[] row = drawn.clone();
        int at = 0;
        for (int v = 0; v < encodings.size(); v++) {
            if (present.get(first + v)) {
                System.arraycopy(own, at, row, at, encodings.get(v).width());
            }
            at += encodings.get(v).width();
        }
        return row;
    }

    @Test
    void exactValuesEqualTheInterventionalGameEnumerated() {
        int n = FEATURES.variables().size();
        for (int[] pair : new int[][] {{0, 5}, {3, 150}, {17, 42}}) {
            int u = pair[0];
            int i = pair[1];
            TraitAttributions traits = new TraitAttributions(MODEL, u, i);
            double[] closed = traits.values().values();
            ShapleyValues.Result brute = ShapleyValues.exact(n, coalitions -> coalitions.stream()
                    .mapToDouble(c -> interventional(c, u, i)).toArray());
            ShapleyValues.Result plugIn = ShapleyValues.exact(n, coalitions -> coalitions.stream().mapToDouble(c -> {
                boolean[] present = new boolean[n];
                IntStream.range(0, n).forEach(v -> present[v] = c.get(v));
                return traits.coalition(present);
            }).toArray());
            for (int v = 0; v < n; v++) {
                assertThat(closed[v]).isCloseTo(brute.values()[v], within(1e-6));
                assertThat(closed[v]).isCloseTo(plugIn.values()[v], within(1e-9));
            }
            assertThat(IntStream.range(0, n).mapToDouble(v -> closed[v]).sum())
                    .isCloseTo(traits.values().full() - traits.values().baseline(), within(1e-9));
        }
    }

    @Test
    void allValuesSumToTheScoreLessTheBaselineWithAndWithoutSampling() {
        Explainer explainer = new Explainer(STORED);
        for (ExplainOptions options : List.of(ExplainOptions.defaults(), ExplainOptions.defaults().withShapley(2, 200))) {
            for (int u : new int[] {0, 9, 301}) {
                Explanation e = explainer.explain(DATA.log().users().id(u), DATA.log().items().id(100), options,
                        CancellationToken.none());
                Attributions a = e.attributions();
                assertThat(a.variables()).extracting(Attribution::name)
                        .containsExactly("user_group", "item_popularity", "item_category");
                assertThat(a.variableMethod()).isEqualTo(Attributions.VARIABLES_EXACT);
                assertThat(a.fullScore()).isCloseTo(e.score(), within(1e-5));
                assertThat(a.efficiencyGap()).isCloseTo(0, within(1e-6));
                assertThat(a.method()).isEqualTo(options.exactPlayers() == 2 ? Attributions.ANTITHETIC_PERMUTATIONS
                        : Attributions.EXACT);
            }
        }
    }

    @Test
    void popularItemsOweThePopularityAPositiveShareAndUnpopularOnesANegativeOne() {
        Explainer explainer = new Explainer(STORED);
        int[] byPopularity = IntStream.range(0, FEATURES.items()).boxed()
                .sorted((x, y) -> Double.compare(FEATURES.itemRow(x)[0], FEATURES.itemRow(y)[0]))
                .mapToInt(Integer::intValue).toArray();
        String user = DATA.log().users().id(4);
        for (int k = 0; k < 5; k++) {
            double high = popularity(explainer, user, byPopularity[byPopularity.length - 1 - k]);
            double low = popularity(explainer, user, byPopularity[k]);
            assertThat(high).isPositive();
            assertThat(low).isNegative();
        }
    }

    private static double popularity(Explainer explainer, String user, int item) {
        Explanation e = explainer.explain(user, DATA.log().items().id(item), ExplainOptions.defaults(),
                CancellationToken.none());
        Attribution a = e.attributions().variables().stream().filter(v -> v.name().equals("item_popularity"))
                .findFirst().orElseThrow();
        assertThat(a.observed()).isEqualTo(FEATURES.itemValue(item, 0));
        assertThat(a.owner()).isEqualTo(Attribution.ITEM);
        return a.value();
    }

    @Test
    void theJsonListsTheVariablesWithTheirValuesAndTheSummaryNamesALargeOne() {
        Explainer explainer = new Explainer(STORED);
        int popular = IntStream.range(0, FEATURES.items()).boxed()
                .max((x, y) -> Double.compare(FEATURES.itemRow(x)[0], FEATURES.itemRow(y)[0])).orElseThrow();
        Explanation e = explainer.explain(DATA.log().users().id(4), DATA.log().items().id(popular),
                ExplainOptions.defaults(), CancellationToken.none());
        JsonNode json = ExplanationJson.toJson(e);
        JsonNode variable = null;
        for (JsonNode a : json.path("attributions")) {
            if (a.path("name").asString().equals("item_popularity")) {
                variable = a;
            }
        }
        assertThat(variable).isNotNull();
        assertThat(variable.path("kind").asString()).isEqualTo("variable");
        assertThat(variable.path("of").asString()).isEqualTo("item");
        assertThat(variable.path("observed").asString()).isEqualTo(FEATURES.itemValue(popular, 0));
        assertThat(variable.path("standard_error").asDouble()).isZero();
        assertThat(json.path("attribution_method").path("variables").asString()).isEqualTo("exact-interventional");
        Attribution value = e.attributions().variables().get(1);
        double total = e.attributions().values().stream().mapToDouble(a -> Math.abs(a.value())).sum();
        assertThat(Math.abs(value.value())).isGreaterThan(0.2 * total);
        assertThat(e.summary()).contains("the item's popularity (+");
    }
}
