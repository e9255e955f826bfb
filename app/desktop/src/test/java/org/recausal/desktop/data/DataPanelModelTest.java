package org.recausal.desktop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.canvas.CanvasOverlay;
import org.recausal.desktop.testing.SameThreadExecutor;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.edit.AddVariable;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.dag.edit.RenameVariable;
import org.recausal.engine.dag.edit.UpdateVariable;
import org.recausal.engine.data.ColumnType;
import org.recausal.engine.independence.DataCheck;
import org.recausal.engine.project.DatasetJoin;
import org.recausal.engine.project.Project;

class DataPanelModelTest {

    @TempDir
    Path dir;

    private final ScriptedDataDialogs dialogs = new ScriptedDataDialogs();
    private final DataPanelModel model = new DataPanelModel(dialogs, new SameThreadExecutor(), DataFixtures.NOW);

    @Test
    void addingADatasetGoesThroughTheDialogsAndShowsItsCards() {
        Path file = DataFixtures.write(dir, "ratings.csv", "user,rating,liked\nu1,4,true\nu2,5,false\nu3,,true\n");
        dialogs.answerFile(file).answerImport(dialog -> {
            assertThat(dialog.fileProperty().get()).isEqualTo(file);
            assertThat(dialog.previewProperty().get().table().rowCount()).isEqualTo(3);
            dialog.startImport();
            return Optional.of(dialog.importedProperty().get());
        });

        model.addDataset();

        DatasetEntry entry = model.selectedProperty().get();
        assertThat(entry.name()).isEqualTo("ratings");
        assertThat(entry.table().rowCount()).isEqualTo(3);
        assertThat(model.getCards()).extracting(ColumnFacts::name).containsExactly("user", "rating", "liked");
        ColumnFacts rating = model.getCards().get(1);
        assertThat(rating.facts()).contains(new ColumnFacts.Fact("Missing", "1 (33%)"),
                new ColumnFacts.Fact("Mean", "4.5"), new ColumnFacts.Fact("Min \u2013 max", "4 \u2013 5"));
        assertThat(rating.chart().bars()).extracting(ColumnFacts.Bar::label, ColumnFacts.Bar::count)
                .containsExactly(tuple("4", 1L), tuple("5", 1L));
        assertThat(model.getCards().get(2).chart().bars()).extracting(ColumnFacts.Bar::label)
                .containsExactly("true", "false");
    }

    @Test
    void cancellingTheImportDialogAddsNothing() {
        Path file = DataFixtures.write(dir, "x.csv", "a\n1\n");
        dialogs.answerFile(file).answerImport(_ -> Optional.empty());
        model.addDataset();
        assertThat(model.getDatasets()).isEmpty();
        assertThat(model.overlayProperty().get()).isEqualTo(CanvasOverlay.NONE);
    }

    @Test
    void columnsMapToNodesByNameAndNodesWithoutDataAreLatentOnTheCanvas() {
        Dag dag = DataFixtures.chain();
        dag.addVariable(Variable.of("u", Role.LATENT, DataType.CONTINUOUS));
        DataFixtures.show(model, dag);
        Path file = DataFixtures.write(dir, "abc.csv", "A,b,x\n1,2,3\n4,5,6\n");

        model.add(DataFixtures.imported(file, DatasetRole.INTERACTIONS, null));

        assertThat(model.getMappingRows()).extracting(MappingRow::column, MappingRow::node, MappingRow::status)
                .containsExactly(tuple("A", "a", "\u2192 a (same name)"),
                        tuple("b", "b", "\u2192 b (same name)"),
                        tuple("x", null, "no node has this name"));
        // A latent node has no data by design; only observed nodes without a column are marked.
        assertThat(model.getNodesWithoutData()).containsExactly("c", "d");
        CanvasOverlay overlay = model.overlayProperty().get();
        assertThat(overlay.nodeStyles()).isEqualTo(Map.of("c", DataPanelModel.LATENT_BY_DATA,
                "d", DataPanelModel.LATENT_BY_DATA));
        assertThat(overlay.legend()).containsExactly(
                new CanvasOverlay.LegendEntry(DataPanelModel.LATENT_BY_DATA, "No data: latent for this data"));
    }

    @Test
    void editingTheMappingLinksLeavesOutAndFollowsRenames() {
        EditHistory history = showChain();
        model.add(DataFixtures.imported(DataFixtures.write(dir, "abc.csv", "a,b,x\n1,2,3\n4,5,6\n"),
                DatasetRole.INTERACTIONS, null));

        model.chooseNode("x", NodeChoice.node("c"));
        model.chooseNode("b", NodeChoice.NONE);

        assertThat(model.getMappingRows()).extracting(MappingRow::column, MappingRow::choice, MappingRow::node)
                .containsExactly(tuple("a", NodeChoice.BY_NAME, "a"),
                        tuple("b", NodeChoice.NONE, null),
                        tuple("x", NodeChoice.node("c"), "c"));
        assertThat(model.getNodesWithoutData()).containsExactly("b", "d");

        history.execute(new RenameVariable("c", "conversion"));
        assertThat(model.selectedProperty().get().mapping().links()).containsEntry("x", "conversion");
        assertThat(model.getMappingRows().get(2).node()).isEqualTo("conversion");

        model.chooseNode("b", NodeChoice.BY_NAME);
        assertThat(model.getNodesWithoutData()).containsExactly("d");
        assertThat(model.nodeChoices()).startsWith(NodeChoice.BY_NAME, NodeChoice.NONE, NodeChoice.node("a"));
    }

    @Test
    void aColumnWhoseTypeDoesNotSuitItsNodeIsFlagged() {
        EditHistory history = showChain();
        model.add(DataFixtures.imported(DataFixtures.write(dir, "t.csv", "a,b\nlow,1\nhigh,2\nmid,3\n"),
                DatasetRole.INTERACTIONS, null));

        MappingRow a = model.getMappingRows().getFirst();
        assertThat(a.type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(a.conflict()).startsWith("column 'a' holds text labels (3 distinct), but a continuous node needs "
                + "numbers");
        assertThat(a.status()).isEqualTo(a.conflict());
        assertThat(model.overlayProperty().get().nodeStyles()).containsEntry("a", DataPanelModel.CONFLICT);
        assertThat(model.overlayProperty().get().legend()).extracting(CanvasOverlay.LegendEntry::styleClass)
                .contains(DataPanelModel.CONFLICT);

        history.execute(new UpdateVariable("a", v -> v.withType(DataType.CATEGORICAL), "Make a categorical"));
        assertThat(model.getMappingRows().getFirst().conflict()).isNull();
        assertThat(model.overlayProperty().get().nodeStyles()).doesNotContainKey("a");
    }

    @Test
    void theCheckRejectsAnIndependenceTheDataDenyAndShowsThePairOnTheCanvas() {
        EditHistory history = showChain();
        model.add(DataFixtures.imported(DataFixtures.chainData(dir, "sim.csv", 2000, 0.5, 7),
                DatasetRole.INTERACTIONS, null));

        model.runCheck();

        DataCheckModel check = model.check();
        assertThat(check.errorProperty().get()).isEmpty();
        DataCheckModel.Row denied = row(check, "a", "c");
        assertThat(denied.text()).isEqualTo("a \u22a5 c | b");
        assertThat(denied.tested().result().test()).contains("Fisher");
        assertThat(denied.tested().result().p()).isLessThan(1e-6);
        assertThat(denied.rejected()).isTrue();
        assertThat(denied.verdict()).isEqualTo("rejected");
        // d is independent of the chain in the data as in the graph.
        assertThat(check.getRows()).filteredOn(r -> r.implication().x().equals("d")
                || r.implication().y().equals("d")).isNotEmpty().noneMatch(DataCheckModel.Row::rejected);
        assertThat(check.summaryProperty().get()).startsWith(check.getRows().size() + " implications tested: 1 "
                + "rejected at \u03b1 = 0.05 after Holm's adjustment");
        assertThat(model.overlayProperty().get().nodeStyles()).containsEntry("a", DataPanelModel.REJECTED)
                .containsEntry("c", DataPanelModel.REJECTED).doesNotContainKey("d");

        check.selectedProperty().set(denied);
        assertThat(model.overlayProperty().get().nodeStyles()).isEqualTo(Map.of("a", DataPanelModel.REJECTED,
                "c", DataPanelModel.REJECTED, "b", DataPanelModel.GIVEN));
        assertThat(model.overlayProperty().get().legend()).extracting(CanvasOverlay.LegendEntry::label)
                .containsExactly("Pair whose independence the data reject", "Conditioned on");

        history.execute(new AddVariable(Variable.of("e")));
        assertThat(check.staleProperty().get()).isTrue();
        assertThat(model.overlayProperty().get().nodeStyles()).doesNotContainValue(DataPanelModel.REJECTED);
    }

    @Test
    void theCheckFindsNothingWrongWhenTheDataFollowTheGraph() {
        showChain();
        model.add(DataFixtures.imported(DataFixtures.chainData(dir, "sim.csv", 2000, 0.0, 11),
                DatasetRole.INTERACTIONS, null));

        model.runCheck();

        assertThat(model.check().getRows()).isNotEmpty().noneMatch(DataCheckModel.Row::rejected);
        assertThat(row(model.check(), "a", "c").tested().result().p()).isGreaterThan(0.01);
    }

    @Test
    void verdictsFollowTheLevelAndTheAdjustmentWithoutTestingAgain() {
        showChain();
        model.add(DataFixtures.imported(DataFixtures.chainData(dir, "weak.csv", 400, 0.2, 3),
                DatasetRole.INTERACTIONS, null));
        model.runCheck();
        DataCheckModel check = model.check();
        DataCheckModel.Row ac = row(check, "a", "c");
        double p = ac.tested().result().p();
        DataCheck.Report report = check.reportProperty().get();

        check.adjustmentProperty().set(DataCheck.Adjustment.NONE);
        check.alphaProperty().set(2 * p);
        assertThat(row(check, "a", "c").adjustedP()).isEqualTo(p);
        assertThat(row(check, "a", "c").rejected()).isTrue();
        check.alphaProperty().set(p / 2);
        assertThat(row(check, "a", "c").rejected()).isFalse();
        check.adjustmentProperty().set(DataCheck.Adjustment.BENJAMINI_HOCHBERG);
        assertThat(row(check, "a", "c").adjustedP()).isEqualTo(ac.tested().pBH()).isGreaterThanOrEqualTo(p);
        check.adjustmentProperty().set(DataCheck.Adjustment.HOLM);
        double holm = ac.tested().pHolm();
        assertThat(row(check, "a", "c").adjustedP()).isEqualTo(holm).isGreaterThan(p);
        check.alphaProperty().set(Math.min(0.99, holm * 1.5));
        assertThat(row(check, "a", "c").rejected()).isTrue();
        assertThat(check.summaryProperty().get()).contains("after Holm's adjustment");
        // Re-deciding reuses the stored p-values: no new test run.
        assertThat(check.reportProperty().get()).isSameAs(report);
    }

    @Test
    void attributeTablesAreJoinedOntoTheirInteractionsForTheCheck() {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("age", Role.ORDINARY, DataType.CONTINUOUS));
        dag.addVariable(Variable.of("price", Role.ORDINARY, DataType.CONTINUOUS));
        dag.addVariable(Variable.of("rating", Role.ORDINARY, DataType.CONTINUOUS));
        dag.addEdge("age", "rating");
        dag.addEdge("price", "rating");
        DataFixtures.show(model, dag);
        java.util.Random random = new java.util.Random(5);
        StringBuilder users = new StringBuilder("user_id,age\n");
        double[] ages = new double[50];
        for (int u = 0; u < 50; u++) {
            ages[u] = 20 + random.nextInt(50);
            users.append("u").append(u).append(',').append(ages[u]).append('\n');
        }
        StringBuilder ratings = new StringBuilder("user_id,price,rating\n");
        for (int row = 0; row < 3000; row++) {
            int u = random.nextInt(52);
            double price = random.nextGaussian();
            // The data deny age ⊥ price: dearer items go to older users.
            double shown = price + (u < 50 ? 0.05 * (ages[u] - 45) : 0);
            ratings.append("u").append(u).append(',').append(shown).append(',').append(random.nextGaussian())
                    .append('\n');
        }
        DatasetEntry interactions = model.add(DataFixtures.imported(DataFixtures.write(dir, "ratings.csv",
                ratings.toString()), DatasetRole.INTERACTIONS, null));
        ImportDialogModel.JoinTarget target = new ImportDialogModel.JoinTarget(interactions.id(), "ratings",
                List.of("user_id", "price", "rating"));
        DatasetEntry attributes = model.add(DataFixtures.imported(DataFixtures.write(dir, "users.csv",
                users.toString()), DatasetRole.USERS, new ImportDialogModel.Join(target, "user_id", "user_id")));

        assertThat(model.getNodesWithoutData()).isEmpty();
        assertThat(model.getJoinReports()).singleElement().satisfies(r -> {
            assertThat(r.unmatchedKeys()).isEqualTo(2);
            assertThat(r.unmatchedExamples()).containsExactlyInAnyOrder("u50", "u51");
        });
        model.runCheck();

        DataCheckModel.Row agePrice = row(model.check(), "age", "price");
        assertThat(agePrice.tested().table()).isEqualTo("ratings");
        assertThat(agePrice.tested().result().dropped()).isPositive();
        assertThat(agePrice.rejected()).isTrue();
        assertThat(attributes.join()).isEqualTo(new DatasetJoin(interactions.id(), "user_id", "user_id"));
    }

    @Test
    void aNodeWithDataInTwoJoinedDatasetsIsReportedWithTheCheck() {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("age", Role.ORDINARY, DataType.CONTINUOUS));
        dag.addVariable(Variable.of("rating", Role.ORDINARY, DataType.CONTINUOUS));
        DataFixtures.show(model, dag);
        StringBuilder ratings = new StringBuilder("user_id,age,rating\n");
        StringBuilder users = new StringBuilder("user_id,age\n");
        java.util.Random random = new java.util.Random(3);
        for (int u = 0; u < 40; u++) {
            users.append("u").append(u).append(',').append(20 + u).append('\n');
            ratings.append("u").append(u).append(',').append(20 + u).append(',').append(random.nextGaussian())
                    .append('\n');
        }
        DatasetEntry interactions = model.add(DataFixtures.imported(DataFixtures.write(dir, "ratings.csv",
                ratings.toString()), DatasetRole.INTERACTIONS, null));
        ImportDialogModel.JoinTarget target = new ImportDialogModel.JoinTarget(interactions.id(), "ratings",
                List.of("user_id", "age", "rating"));
        model.add(DataFixtures.imported(DataFixtures.write(dir, "users.csv", users.toString()), DatasetRole.USERS,
                new ImportDialogModel.Join(target, "user_id", "user_id")));

        model.runCheck();

        assertThat(model.check().issuesProperty().get())
                .isEqualTo("node 'age' has data in both 'ratings' and 'users'; the column of 'ratings' is used");
    }

    /** Shows a project holding the chain graph; edits go through the returned history. */
    private EditHistory showChain() {
        Dag dag = DataFixtures.chain();
        EditHistory history = new EditHistory(dag);
        model.setProject(new Project("test", dag), history);
        return history;
    }

    private static DataCheckModel.Row row(DataCheckModel check, String x, String y) {
        return check.getRows().stream().filter(r -> r.implication().x().equals(x) && r.implication().y().equals(y))
                .findFirst().orElseThrow(() -> new AssertionError("no test of " + x + " and " + y + " in "
                        + check.getRows()));
    }
}
