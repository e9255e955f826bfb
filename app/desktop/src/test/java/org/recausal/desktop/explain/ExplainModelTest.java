package org.recausal.desktop.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.dialog.ExportFormat;
import org.recausal.desktop.testing.SameThreadExecutor;
import org.recausal.desktop.testing.ScriptedDialogs;
import org.recausal.engine.explain.AttentionAggregate;
import org.recausal.engine.explain.Attributions;
import org.recausal.engine.explain.Counterfactual;
import org.recausal.engine.explain.Explainer;
import org.recausal.engine.explain.Explanation;
import org.recausal.engine.project.StoredRecommender;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.sasrec.AttentionMap;
import org.recausal.engine.task.CancellationToken;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Explain panel's view-model on a real trained SASRec, with the work run on the test thread. */
class ExplainModelTest {
    @TempDir
    static Path shared;
    @TempDir
    Path temp;

    private static Path modelFile;
    private static StoredModel stored;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ExplainModel model = new ExplainModel(dialogs, new SameThreadExecutor(), Runnable::run);

    @BeforeAll
    static void train() {
        modelFile = ExplainFixtures.sasrecFile(shared);
        stored = ModelFile.read(modelFile);
    }

    @Test
    void openingAModelExplainsItsFirstUser() {
        dialogs.answerModel(modelFile);
        model.openModel();

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.getMatchingUsers()).hasSize(ExplainFixtures.USERS);
        assertThat(model.userProperty().get()).isEqualTo("user0");
        assertThat(model.statusProperty().get()).contains("SASRec", "80 users", "24 items");
        List<StoredModel.Recommendation> expected = stored.recommend("user0", ExplainModel.DEFAULT_K);
        assertThat(model.getRecommendations()).hasSize(ExplainModel.DEFAULT_K);
        for (int r = 0; r < expected.size(); r++) {
            assertThat(model.getRecommendations().get(r).item()).isEqualTo(expected.get(r).item());
            assertThat(model.getRecommendations().get(r).rank()).isEqualTo(r + 1);
        }
        assertThat(model.recommendationProperty().get()).isEqualTo(model.getRecommendations().getFirst());
    }

    @Test
    void theAttentionGridHoldsTheModelsWeightsForTheLatestPositionThenTheRollout() {
        model.open(modelFile);
        model.userProperty().set("user7");

        int[] history = stored.histories()[stored.users().indexOf("user7")];
        AttentionMap truth = stored.sasrec().attention(history);
        AttentionGrid grid = model.attentionProperty().get();
        assertThat(grid.items()).isEqualTo(truth.items());
        assertThat(grid.columnCount()).isEqualTo(truth.blocks() * truth.heads() + 1);
        assertThat(grid.columns().get(3).label()).isEqualTo("Layer 2 · head 2");
        assertThat(grid.columns().getLast().label()).isEqualTo("Rollout");
        for (int b = 0; b < truth.blocks(); b++) {
            for (int h = 0; h < truth.heads(); h++) {
                float[] row = truth.lastRow(b, h);
                for (int j = 0; j < row.length; j++) {
                    assertThat(grid.value(j, b * truth.heads() + h)).isEqualTo((double) row[j]);
                }
            }
        }
        double rolloutSum = 0;
        for (int j = 0; j < grid.rowCount(); j++) {
            rolloutSum += grid.value(j, grid.columnCount() - 1);
            assertThat(grid.value(j, grid.columnCount() - 1))
                    .isEqualTo(model.explanationProperty().get().attention().rollout()[j]);
        }
        assertThat(rolloutSum).isCloseTo(1, within(1e-6));
    }

    @Test
    void theTopRecommendationIsExplainedAndPickingAnotherExplainsIt() {
        model.open(modelFile);
        model.userProperty().set("user9");
        Explanation first = model.explanationProperty().get();
        assertThat(first.item()).isEqualTo(model.getRecommendations().getFirst().item());
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.summary()).startsWith("Recommended at rank 1 of 10");

        RecommendationRow third = model.getRecommendations().get(2);
        model.recommendationProperty().set(third);
        Explanation picked = model.explanationProperty().get();
        assertThat(picked.item()).isEqualTo(third.item());
        assertThat(picked.rank()).isEqualTo(3);
        assertThat(picked.score()).isCloseTo(third.score(), within(1e-4));
        Attributions a = picked.attributions();
        assertThat(a.values().stream().mapToDouble(v -> v.value()).sum())
                .isCloseTo(a.fullScore() - a.baselineScore(), within(1e-4));
    }

    @Test
    void theCounterfactualShownDropsTheItemOutOfTheTopKWhenTheHistoryIsScoredAfresh() {
        model.open(modelFile);
        int checked = 0;
        for (String id : List.of("user2", "user11", "user20", "user33")) {
            model.userProperty().set(id);
            Explanation e = model.explanationProperty().get();
            Counterfactual c = e.counterfactual();
            if (!c.found()) {
                assertThat(c.reason()).isNotBlank();
                continue;
            }
            int u = stored.users().indexOf(id);
            java.util.Set<Integer> removed = c.removed().stream().map(h -> h.position()).collect(
                    java.util.stream.Collectors.toSet());
            int[] history = stored.histories()[u];
            int[] kept = java.util.stream.IntStream.range(0, history.length).filter(p -> !removed.contains(p))
                    .map(p -> history[p]).toArray();
            int[][] edited = stored.histories().clone();
            edited[u] = kept;
            StoredModel without = new StoredModel(stored.kind(), stored.model(), stored.users(), stored.items(), edited,
                    stored.details(), null);
            // Ranked as recommendations are: among the items the user had not consumed before the removal.
            java.util.Set<String> had = java.util.Arrays.stream(history).mapToObj(stored.items()::id)
                    .collect(java.util.stream.Collectors.toSet());
            List<StoredModel.Recommendation> ranking = without.recommend(id, ExplainFixtures.ITEMS).stream()
                    .filter(r -> !had.contains(r.item())).toList();
            int rank = ranking.stream().map(StoredModel.Recommendation::item).toList().indexOf(e.item()) + 1;
            assertThat(c.verified()).isTrue();
            assertThat(rank).as("%s without %s ranks %s", id, removed, e.item()).isGreaterThan(e.k());
            assertThat(c.newRank()).isEqualTo(rank);
            assertThat(c.newScore()).isCloseTo(ranking.get(rank - 1).score(), within(1e-6));
            checked++;
        }
        assertThat(checked).isPositive();
    }

    @Test
    void theHistoryListsTheWindowLatestFirst() {
        model.open(modelFile);
        model.userProperty().set("user3");

        AttentionGrid grid = model.attentionProperty().get();
        List<HistoryRow> history = model.getHistory();
        assertThat(history).hasSize(grid.rowCount());
        HistoryRow latest = history.getFirst();
        assertThat(latest.fromEnd()).isEqualTo(1);
        assertThat(latest.row()).isEqualTo(grid.rowCount() - 1);
        assertThat(latest.item()).isEqualTo(grid.items().getLast());
        assertThat(latest.attention()).isEqualTo(grid.value(latest.row(), grid.columnCount() - 1));
    }

    @Test
    void aLongerHistoryThanTheWindowIsSaidSo() {
        model.open(modelFile);
        String longUser = null;
        for (int u = 0; u < stored.histories().length && longUser == null; u++) {
            if (stored.histories()[u].length > 8) {
                longUser = stored.users().id(u);
            }
        }
        model.userProperty().set(longUser);
        assertThat(model.attentionProperty().get().rowCount()).isEqualTo(8);
        assertThat(model.noteProperty().get()).startsWith("The model reads the latest 8 of this user's ");
    }

    @Test
    void aFactorModelRecommendsButSaysItHasNoHistoryToExplain() {
        int users = 3;
        int items = 5;
        int factors = 2;
        float[] weights = new float[1 + users + items + (users + items) * factors];
        java.util.SplittableRandom random = new java.util.SplittableRandom(2);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        IdIndex userIds = IdIndex.of(List.of("a", "b", "c"));
        IdIndex itemIds = IdIndex.of(List.of("i1", "i2", "i3", "i4", "i5"));
        Path file = temp.resolve("mf.model");
        ModelFile.write(file, new StoredModel(StoredModel.BPR, new FactorModel(users, items, factors, weights), userIds,
                itemIds, new int[][] {{0}, {1, 2}, {}}, JsonMapper.builder().build().createObjectNode(), null));
        model.open(file);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.getRecommendations()).hasSize(4);
        assertThat(model.explanationProperty().get()).isNull();
        assertThat(model.attentionProperty().get()).isNull();
        assertThat(model.noteProperty().get()).startsWith("A matrix factorisation (BPR) has no attention");
    }

    @Test
    void attentionAcrossUsersListsTheEnginesItemPairs() {
        model.open(modelFile);
        model.aggregateUsersProperty().set(ExplainFixtures.USERS);
        model.aggregate();
        AttentionAggregate shown = model.aggregateProperty().get();
        AttentionAggregate direct = new Explainer(stored).aggregator().aggregate(ExplainFixtures.USERS, null,
                ExplainModel.TOP_PAIRS, ExplainModel.MIN_PAIR_COUNT, 1, CancellationToken.none());
        assertThat(shown.users()).isEqualTo(direct.users()).isPositive();
        assertThat(shown.topPairs()).isNotEmpty().isEqualTo(direct.topPairs());
        assertThat(shown.topPairs()).allMatch(p -> p.count() >= ExplainModel.MIN_PAIR_COUNT);
        assertThat(model.statusProperty().get()).isEqualTo("Attention read over " + direct.users() + " users.");
    }

    @Test
    void aRecommenderKeptInTheProjectIsExplainedLikeAFile() {
        model.use(new StoredRecommender("rhythm", "Rhythm SASRec", stored, null));
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.loadedProperty().get().name()).isEqualTo("Rhythm SASRec");
        assertThat(model.loadedProperty().get().folder()).isNull();
        assertThat(model.explanationProperty().get().user()).isEqualTo("user0");
        assertThat(model.getRecommendations().getFirst().item())
                .isEqualTo(stored.recommend("user0", 1).getFirst().item());
    }

    @Test
    void theUserSearchFiltersByPartOfTheId() {
        model.open(modelFile);
        model.userQueryProperty().set("ER7");
        assertThat(model.getMatchingUsers()).containsExactly("user7", "user70", "user71", "user72", "user73",
                "user74", "user75", "user76", "user77", "user78", "user79");
        model.userQueryProperty().set("");
        assertThat(model.getMatchingUsers()).hasSize(ExplainFixtures.USERS);
    }

    @Test
    void changingKRecommendsAgain() {
        model.open(modelFile);
        model.kProperty().set(3);
        assertThat(model.getRecommendations()).hasSize(3);
    }

    @Test
    void aFileThatIsNoModelGivesAMessageAndKeepsThePanelUsable() throws Exception {
        Path bad = Files.writeString(temp.resolve("notes.model"), "not a model");
        model.open(bad);
        assertThat(model.errorProperty().get()).startsWith("Opening notes.model failed: notes.model: is not a model file");
        assertThat(model.loadedProperty().get()).isNull();
        model.open(modelFile);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.getRecommendations()).isNotEmpty();
    }

    @Test
    void exportsWriteTheShownExplanationAsCsvAndJson() throws Exception {
        model.open(modelFile);
        model.userProperty().set("user5");
        AttentionGrid grid = model.attentionProperty().get();
        Path csv = temp.resolve("e.csv");
        Path json = temp.resolve("e.json");
        dialogs.answerExport(csv).answerExport(json);
        model.exportExplanation(ExportFormat.CSV);
        model.exportExplanation(ExportFormat.JSON);

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("part,item,position,measure,value");
        String[] first = lines.get(1 + ExplainModel.DEFAULT_K).split(",");
        assertThat(first[0]).isEqualTo("attention");
        assertThat(first[1]).isEqualTo(grid.items().getFirst());
        assertThat(first[2]).isEqualTo(Integer.toString(-grid.rowCount()));
        assertThat(Double.parseDouble(first[4])).isCloseTo(grid.value(0, 0), within(1e-8));
        Explanation e = model.explanationProperty().get();
        assertThat(lines.stream().filter(l -> l.startsWith("attribution,"))).hasSize(2 * e.attributions().values().size());
        assertThat(lines).anyMatch(l -> l.startsWith("faithfulness,,,remove top 1 by attribution: score drop,"));

        JsonNode root = JsonMapper.builder().build().readTree(json.toFile());
        assertThat(root.path("user").asString()).isEqualTo("user5");
        assertThat(root.path("recommendations")).hasSize(ExplainModel.DEFAULT_K);
        assertThat(root.path("attention").path("history")).hasSize(grid.rowCount());
        assertThat(root.path("attention").path("layers").get(1).get(1).get(grid.rowCount() - 1).asDouble())
                .isEqualTo(grid.value(grid.rowCount() - 1, 3));
        assertThat(root.path("attributions")).hasSize(e.attributions().values().size());
        assertThat(root.path("counterfactual").path("found").asBoolean()).isEqualTo(e.counterfactual().found());
        assertThat(root.path("summary").asString()).isEqualTo(e.summary());
        assertThat(model.statusProperty().get()).isEqualTo("Exported e.json.");
        assertThat(dialogs.suggestedNames()).containsExactly("user5-" + e.item() + "-explanation.csv",
                "user5-" + e.item() + "-explanation.json");
    }
}
