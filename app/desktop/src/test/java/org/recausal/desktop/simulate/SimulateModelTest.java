package org.recausal.desktop.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.testing.SameThreadExecutor;
import org.recausal.desktop.testing.ScriptedDialogs;
import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.estimate.EstimationMethod;
import org.recausal.engine.estimate.Interval;
import org.recausal.engine.estimate.ScenarioResult;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.project.Dataset;
import org.recausal.engine.project.DatasetSource;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectData;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.scm.ModelChoice;
import org.recausal.engine.scm.NodeFit;

/**
 * The Simulate panel's model on the known SCM of {@link SimulateFixtures}: every effect is checked against its
 * value computed from the true mechanisms (by quadrature where it involves P(t = 1 | z)).
 */
class SimulateModelTest {

    private static final ColumnMapping MAPPING = ColumnMapping.automatic().withLink("treated", "t");

    @TempDir
    Path dir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Project project;
    private Table table;
    private int changes;
    private SimulateModel model;
    private ScenarioDraft draft;

    @BeforeEach
    void fitModel() throws IOException {
        Path file = SimulateFixtures.data(dir, 3000, 7);
        table = TableReader.read(file).table();
        project = new Project("shop", SimulateFixtures.dag());
        project.addDataset(dataset("shop", file));
        model = newModel();
        draft = model.draft();
        model.fit();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    private SimulateModel newModel() {
        SimulateModel created = new SimulateModel(() -> new SimulateModel.Inputs(project, () -> new ProjectData(
                List.of(MappedTable.of(project.dag(), table, MAPPING)), List.of(), List.of())), () -> changes++,
                dialogs, new SameThreadExecutor(), Runnable::run);
        created.projectOpened();
        return created;
    }

    private Dataset dataset(String id, Path file) throws IOException {
        Table read = TableReader.read(file).table();
        return new Dataset(id, id, DatasetSource.embed(file), ImportOptions.defaults(), ColumnInfo.of(read), MAPPING,
                null);
    }

    @Test
    void fitShowsEachNodesMechanismAndQuality() {
        assertThat(model.getNodes()).containsExactly("z", "t", "y");
        FitRow z = row("z");
        assertThat(z.fitted()).isEqualTo("marginal");
        assertThat(z.quality()).matches("no parents · SD (0\\.9\\d*|1\\.0\\d*)"); // z ~ N(0, 1)
        assertThat(row("t").quality()).startsWith("AUC");
        assertThat(row("y").quality()).startsWith("R²");
        // Var(2t + 1.5z) / Var(y) is about 3.6 / 4.6 here; a fit that missed a parent would fall far below.
        NodeFit.NumericQuality y = (NodeFit.NumericQuality) row("y").fit().quality();
        assertThat(y.rSquared()).isBetween(0.70, 0.85);
        assertThat(y.bins()).isNotEmpty();
        assertThat(row("y").weak()).isFalse();
        assertThat(row("y").choice()).isEqualTo(ModelChoice.AUTO);
    }

    @Test
    void effectOfDoingTheTreatmentIsWithinItsIntervalOfTheTruth() {
        ScenarioResult.QuantityEffect effect = run("t", ScenarioDraft.Kind.SET, "1");
        assertCovers(effect, SimulateFixtures.EFFECT_OF_DO_T1);
        assertThat(effect.effectCi().width()).isLessThan(0.5);
        ScenarioResult.OutcomeDistribution y = model.resultProperty().get().distributions().getFirst();
        assertThat(y.intervenedQuantiles().median()).isGreaterThan(y.baselineQuantiles().median());
    }

    @Test
    void againstABaselineOfOtherInterventionsTheEffectIsTheContrast() {
        draft.nodeProperty().set("t");
        draft.valueProperty().set("0");
        model.addIntervention(true);
        ScenarioResult.QuantityEffect effect = run("t", ScenarioDraft.Kind.SET, "1");
        // E[y | do(t = 1)] - E[y | do(t = 0)] is the average treatment effect.
        assertCovers(effect, SimulateFixtures.AVERAGE_TREATMENT_EFFECT);
    }

    @Test
    void aStochasticPolicyTreatsNinetyPercent() {
        // E[y | t := bernoulli(0.9)] = 2 * 0.9, against E[y] = 2 * P(t = 1) = 1.
        assertCovers(run("t", ScenarioDraft.Kind.RULE, "bernoulli(0.9)"), 0.8);
    }

    @Test
    void aRuleReadsTheNaturalValueAndOtherVariables() {
        // Treat every unit with z > 0, leave the others as they were: the effect is 2 P(z > 0, t = 0).
        double treatedAbove = integrate(z -> sigmoid(0.8 * z) * phi(z), 0, 9);
        assertCovers(run("t", ScenarioDraft.Kind.RULE, "if(z > 0, 1, t)"), 2 * (0.5 - treatedAbove));
    }

    @Test
    void aSubgroupEffectIsTheEffectAmongItsUnits() {
        draft.subgroupProperty().set("z > 0");
        ScenarioResult.QuantityEffect effect = run("t", ScenarioDraft.Kind.SET, "1");
        // Among z > 0: E[y | do(t = 1)] - E[y] = 2 (1 - P(t = 1 | z > 0)).
        double treatedGivenAbove = 2 * integrate(z -> sigmoid(0.8 * z) * phi(z), 0, 9);
        assertCovers(effect, 2 * (1 - treatedGivenAbove));
        assertThat(model.resultProperty().get().subgroupShare()).isBetween(0.48, 0.52);
        assertThat(model.statusProperty().get()).contains("subgroup z > 0");
    }

    @Test
    void aSubgroupThatDoesNotParseIsNamed() {
        draft.subgroupProperty().set("z >");
        draft.nodeProperty().set("t");
        draft.valueProperty().set("1");
        model.addIntervention(false);
        draft.getOutcomes().add("y");
        model.simulate();
        assertThat(model.errorProperty().get()).startsWith("Subgroup:");
        assertThat(model.resultProperty().get()).isNull();
    }

    @Test
    void keptScenariosAreComparedSideBySideWithIntervals() {
        keep("treat all", "1");
        keep("treat none", "0");
        draft.replicatesProperty().set(20);
        model.compare(List.copyOf(model.getScenarios()));

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.getComparison()).extracting(ComparisonRow::scenario).containsExactly("treat all",
                "treat none");
        assertThat(model.getComparison().get(0).effect().values().effectCi().contains(1.0)).isTrue();
        assertThat(model.getComparison().get(1).effect().values().effectCi().contains(-1.0)).isTrue();
        assertThat(model.getComparison().get(1).against()).isEqualTo("world as it is");
        // Kept in the project with their results, from the model they were run on.
        assertThat(project.scenarios()).extracting(s -> s.name()).containsExactly("treat all", "treat none");
        assertThat(project.scenarioResult("treat none")).hasValueSatisfying(r -> assertThat(r.isStale(project))
                .isFalse());
    }

    @Test
    void aCounterfactualForARowAddsTheTreatmentEffectToItsOutcome() {
        int untreated = firstRowWith(0);
        draft.nodeProperty().set("t");
        draft.valueProperty().set("1");
        model.addIntervention(false);
        model.counterfactualOutcomeProperty().set("y");
        model.counterfactualRowProperty().set(untreated + 1);
        model.counterfactual();

        assertThat(model.errorProperty().get()).isEmpty();
        CounterfactualRow y = model.getCounterfactualChanges().stream().filter(r -> r.variable().equals("y"))
                .findFirst().orElseThrow();
        // y is additive in t with coefficient 2: the row's own noise is kept, so only 2 is added (up to the fit).
        double gain = Double.parseDouble(y.counterfactual()) - Double.parseDouble(y.factual());
        assertThat(gain).isBetween(1.85, 2.15);
        assertThat(model.counterfactualProperty().get()).startsWith("Row " + (untreated + 1) + " (")
                .contains("would have been");
    }

    @Test
    void aCounterfactualThatChangesNothingSaysTheOutcomeIsAsObserved() {
        int treated = firstRowWith(1);
        draft.nodeProperty().set("t");
        draft.valueProperty().set("1");
        model.addIntervention(false);
        model.counterfactualOutcomeProperty().set("y");
        model.counterfactualRowProperty().set(treated + 1);
        model.counterfactual();
        assertThat(model.getCounterfactualChanges()).isEmpty();
        assertThat(model.counterfactualProperty().get()).contains("as observed");
    }

    @Test
    void aCounterfactualThroughADiscreteMechanismSaysItIsNotDetermined() {
        draft.nodeProperty().set("z");
        draft.kindProperty().set(ScenarioDraft.Kind.SHIFT);
        draft.valueProperty().set("1");
        model.addIntervention(false);
        model.counterfactualOutcomeProperty().set("y");
        model.counterfactualRowProperty().set(1);
        model.counterfactual();

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.counterfactualProperty().get()).contains("not determined").contains("t would change")
                .contains("not invertible");
        assertThat(model.getCounterfactualChanges()).isEmpty();
    }

    @Test
    void aRowOutsideTheDataIsNamed() {
        draft.nodeProperty().set("t");
        draft.valueProperty().set("1");
        model.addIntervention(false);
        model.counterfactualOutcomeProperty().set("y");
        model.counterfactualRowProperty().set(3001);
        model.counterfactual();
        assertThat(model.errorProperty().get()).contains("row 3001 does not exist").contains("3000 rows");
    }

    @Test
    void estimateByAdjustmentFindsTheTreatmentEffectAndPassesItsRefuters() {
        model.treatmentProperty().set("t");
        model.outcomeProperty().set("y");
        model.methodProperty().set(EstimationMethod.AIPW);
        model.estimate();

        assertThat(model.errorProperty().get()).isEmpty();
        SimulateModel.Estimated estimated = model.estimatedProperty().get();
        assertThat(estimated.estimate().adjustmentSet()).containsExactly("z");
        assertThat(estimated.estimate().ci().contains(SimulateFixtures.AVERAGE_TREATMENT_EFFECT))
                .as("estimate %s", estimated.estimate()).isTrue();
        assertThat(estimated.refutations()).isNotEmpty();
    }

    @Test
    void aGraphEditMakesTheModelStaleAndUndoingItMakesItCurrent() {
        assertThat(model.staleProperty().get()).isEmpty();
        project.dag().removeEdge("z", "y");
        model.inputsChanged();
        assertThat(model.staleProperty().get()).isEqualTo("the graph changed since the fit");
        project.dag().addEdge("z", "y");
        model.inputsChanged();
        assertThat(model.staleProperty().get()).isEmpty();
    }

    @Test
    void newDataMakeTheModelStale() throws IOException {
        Path other = Files.createDirectory(dir.resolve("other"));
        project.addDataset(dataset("more", SimulateFixtures.data(other, 500, 8)));
        model.inputsChanged();
        assertThat(model.staleProperty().get()).isEqualTo("the data changed since the fit");
    }

    @Test
    void aModelKindSetForANodeIsFittedAndAnUnchangedModelIsReused() {
        model.setChoice("y", ModelChoice.BOOSTED);
        assertThat(model.staleProperty().get()).isEqualTo("the fit options changed since the fit");
        model.fit();
        assertThat(row("y").fitted()).isEqualTo("boosted");
        assertThat(row("y").choice()).isEqualTo(ModelChoice.BOOSTED);
        assertThat(model.staleProperty().get()).isEmpty();

        SimulateModel.Fitted fitted = model.fittedProperty().get();
        model.fit();
        assertThat(model.fittedProperty().get()).isSameAs(fitted);
        assertThat(model.statusProperty().get()).contains("reused");
    }

    @Test
    void aStaleModelIsRefittedBeforeTheScenarioRuns() {
        SimulateModel.Fitted before = model.fittedProperty().get();
        project.dag().removeEdge("z", "y");
        model.inputsChanged();
        run("t", ScenarioDraft.Kind.SET, "1");
        assertThat(model.fittedProperty().get()).isNotSameAs(before);
        assertThat(model.staleProperty().get()).isEmpty();
        assertThat(row("y").parents()).isEqualTo("t");
    }

    @Test
    void resultsOfAnEarlierModelAreMarkedUntilRunAgain() {
        keep("treat all", "1");
        draft.replicatesProperty().set(0);
        model.simulate();
        assertThat(model.resultStaleProperty().get()).isFalse();
        model.setChoice("y", ModelChoice.BOOSTED);
        model.fit();
        assertThat(model.resultStaleProperty().get()).isTrue();
        model.restore(model.getScenarios().getFirst());
        assertThat(model.resultStaleProperty().get()).isTrue();
        assertThat(project.scenarioResult("treat all")).hasValueSatisfying(r -> assertThat(r.isStale(project))
                .isTrue());
        model.simulate();
        assertThat(model.resultStaleProperty().get()).isFalse();
        assertThat(project.scenarioResult("treat all")).hasValueSatisfying(r -> assertThat(r.isStale(project))
                .isFalse());
    }

    @Test
    void aReopenedProjectReusesItsModelAndScenarios() {
        keep("treat all", "1");
        int before = changes;
        SimulateModel reopened = newModel();

        assertThat(reopened.fittedProperty().get().bound()).isNull();
        assertThat(reopened.staleProperty().get()).isEmpty();
        assertThat(reopened.statusProperty().get()).contains("reused");
        assertThat(reopened.getScenarios()).extracting(s -> s.name()).containsExactly("treat all");
        reopened.restore(reopened.getScenarios().getFirst());
        reopened.draft().replicatesProperty().set(10);
        reopened.simulate();
        assertThat(reopened.errorProperty().get()).isEmpty();
        assertThat(reopened.fittedProperty().get().bound().observations().rows()).isEqualTo(3000);
        assertCovers(reopened.getEffects().getFirst().values(), SimulateFixtures.EFFECT_OF_DO_T1);
        assertThat(changes).as("the result is kept in the project").isGreaterThan(before);
    }

    @Test
    void aSavedProjectReopensWithItsModelScenariosAndResults() throws Exception {
        keep("treat all", "1");
        draft.replicatesProperty().set(5);
        model.compare(List.copyOf(model.getScenarios()));
        ScenarioResult ran = model.results().get("treat all");
        Path file = dir.resolve("shop.recausal");
        ProjectFiles.save(project, file);

        project = ProjectFiles.open(file);
        SimulateModel reopened = newModel();
        assertThat(reopened.staleProperty().get()).isEmpty();
        assertThat(reopened.getFitRows()).extracting(FitRow::fitted).containsExactly("marginal", "linear", "linear");
        assertThat(reopened.getScenarios()).extracting(s -> s.name()).containsExactly("treat all");
        reopened.restore(reopened.getScenarios().getFirst());
        assertThat(reopened.getEffects().getFirst().values()).isEqualTo(ran.effects().getFirst());
        // The reopened model draws the same numbers from the same seed as the one that was saved.
        reopened.draft().replicatesProperty().set(0);
        model.draft().replicatesProperty().set(0);
        reopened.simulate();
        model.restore(model.getScenarios().getFirst());
        model.simulate();
        assertThat(reopened.getEffects().getFirst().values().effect())
                .isEqualTo(model.getEffects().getFirst().values().effect());
    }

    @Test
    void deletedScenariosLeaveTheProject() {
        keep("treat all", "1");
        model.delete(List.copyOf(model.getScenarios()));
        assertThat(model.getScenarios()).isEmpty();
        assertThat(project.scenarios()).isEmpty();
    }

    @Test
    void resultsExportAsCsv() throws Exception {
        draft.samplesProperty().set(2000);
        draft.replicatesProperty().set(0);
        run("t", ScenarioDraft.Kind.SET, "1");
        Path csv = dir.resolve("out.csv");
        dialogs.answerExport(csv);
        model.exportCsv();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).startsWith("scenario,outcome,quantity");
        assertThat(lines.get(1)).startsWith("scenario,y,E[y]");
        assertThat(lines).contains("outcome,bin,baseline,intervened");
    }

    @Test
    void aComparisonExportsAsCsv() throws Exception {
        keep("treat all", "1");
        draft.replicatesProperty().set(5);
        model.compare(List.copyOf(model.getScenarios()));
        Path csv = dir.resolve("compare.csv");
        dialogs.answerExport(csv);
        model.exportComparisonCsv();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("treat all,do(t = 1),world as it is,all units,y,E[y],");
    }

    // ---------------------------------------------------------------- helpers

    /** Runs one intervention on {@code node} with y as the outcome and 20 bootstrap refits. */
    private ScenarioResult.QuantityEffect run(String node, ScenarioDraft.Kind kind, String value) {
        draft.nodeProperty().set(node);
        draft.kindProperty().set(kind);
        draft.valueProperty().set(value);
        model.addIntervention(false);
        if (!draft.getOutcomes().contains("y")) {
            draft.getOutcomes().add("y");
        }
        if (draft.replicatesProperty().get() == 30) {
            draft.replicatesProperty().set(20);
        }
        draft.samplesProperty().set(Math.min(draft.samplesProperty().get(), 10_000));
        model.simulate();
        assertThat(model.errorProperty().get()).isEmpty();
        return model.getEffects().getFirst().values();
    }

    private void keep(String name, String value) {
        draft.getInterventions().clear();
        draft.nodeProperty().set("t");
        draft.kindProperty().set(ScenarioDraft.Kind.SET);
        draft.valueProperty().set(value);
        model.addIntervention(false);
        if (!draft.getOutcomes().contains("y")) {
            draft.getOutcomes().add("y");
        }
        draft.samplesProperty().set(5000);
        draft.nameProperty().set(name);
        model.saveScenario();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    private FitRow row(String node) {
        return model.getFitRows().stream().filter(r -> r.node().equals(node)).findFirst().orElseThrow();
    }

    private int firstRowWith(int treated) {
        double[] t = model.fittedProperty().get().data().column("t");
        for (int i = 0; i < t.length; i++) {
            if (t[i] == treated) {
                return i;
            }
        }
        throw new AssertionError("no row with t = " + treated);
    }

    private static void assertCovers(ScenarioResult.QuantityEffect effect, double truth) {
        Interval ci = effect.effectCi();
        assertThat(ci.contains(truth)).as("effect %s, interval %s, truth %s", effect.effect(), ci, truth).isTrue();
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double phi(double z) {
        return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
    }

    /** Simpson's rule with 2,000 intervals: far more precise than the bootstrap intervals it is compared with. */
    private static double integrate(DoubleUnaryOperator f, double from, double to) {
        int n = 2000;
        double h = (to - from) / n;
        double sum = f.applyAsDouble(from) + f.applyAsDouble(to);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 0 ? 2 : 4) * f.applyAsDouble(from + i * h);
        }
        return sum * h / 3;
    }
}
