package org.recausal.desktop.explain;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.sasrec.AttentionMap;

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
    void theAttentionGridHoldsTheModelsWeightsForTheLatestPosition() {
        model.open(modelFile);
        model.userProperty().set("user7");

        int[] history = stored.histories()[stored.users().indexOf("user7")];
        AttentionMap truth = stored.sasrec().attention(history);
        AttentionGrid grid = model.attentionProperty().get();
        assertThat(grid.items()).isEqualTo(truth.items());
        assertThat(grid.columnCount()).isEqualTo(truth.blocks() * truth.heads());
        assertThat(grid.columns().get(3).label()).isEqualTo("Layer 2 · head 2");
        for (int b = 0; b < truth.blocks(); b++) {
            for (int h = 0; h < truth.heads(); h++) {
                float[] row = truth.lastRow(b, h);
                for (int j = 0; j < row.length; j++) {
                    assertThat(grid.value(j, b * truth.heads() + h)).isEqualTo((double) row[j]);
                }
            }
        }
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
        assertThat(model.explanationProperty().get().note()).startsWith("The model reads the latest 8 of ");
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
        assertThat(lines).hasSize(1 + ExplainModel.DEFAULT_K + grid.rowCount() * grid.columnCount());
        String[] first = lines.get(1 + ExplainModel.DEFAULT_K).split(",");
        assertThat(first[1]).isEqualTo(grid.items().getFirst());
        assertThat(first[2]).isEqualTo(Integer.toString(-grid.rowCount()));
        assertThat(Double.parseDouble(first[4])).isCloseTo(grid.value(0, 0), org.assertj.core.data.Offset.offset(1e-8));

        JsonNode root = JsonMapper.builder().build().readTree(json.toFile());
        assertThat(root.path("user").asString()).isEqualTo("user5");
        assertThat(root.path("recommendations")).hasSize(ExplainModel.DEFAULT_K);
        assertThat(root.path("attention").path("history")).hasSize(grid.rowCount());
        assertThat(root.path("attention").path("weights").get(grid.rowCount() - 1).get(3).asDouble())
                .isEqualTo(grid.value(grid.rowCount() - 1, 3));
        assertThat(model.statusProperty().get()).isEqualTo("Exported e.json.");
        assertThat(dialogs.suggestedNames()).containsExactly("user5-explanation.csv", "user5-explanation.json");
    }
}
