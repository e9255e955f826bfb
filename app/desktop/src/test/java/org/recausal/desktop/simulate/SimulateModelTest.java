package org.recausal.desktop.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.testing.SameThreadExecutor;
import org.recausal.desktop.testing.ScriptedDialogs;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.estimate.EstimationMethod;
import org.recausal.engine.estimate.ScenarioResult;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.project.ProjectData;

class SimulateModelTest {

    @TempDir
    Path dir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private SimulateModel model;

    @BeforeEach
    void fitModel() {
        Dag dag = SimulateFixtures.dag();
        Path file = SimulateFixtures.data(dir, 3000, 7);
        ColumnMapping mapping = ColumnMapping.automatic().withLink("treated", "t");
        model = new SimulateModel(() -> new SimulateModel.Inputs(dag, () -> new ProjectData(
                List.of(MappedTable.of(dag, TableReader.read(file).table(), mapping)), List.of(), List.of())),
                dialogs, new SameThreadExecutor(), Runnable::run);
        model.fit();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void fitShowsEachNodesMechanismAndQuality() {
        assertThat(model.getNodes()).containsExactly("z", "t", "y");
        FitRow t = model.getFitRows().stream().filter(r -> r.node().equals("t")).findFirst().orElseThrow();
        FitRow y = model.getFitRows().stream().filter(r -> r.node().equals("y")).findFirst().orElseThrow();
        FitRow z = model.getFitRows().getFirst();
        assertThat(z.kind()).isEqualTo("exogenous");
        assertThat(z.quality()).matches("no parents · SD (0\\.9\\d*|1\\.0\\d*)"); // z ~ N(0, 1)
        assertThat(t.quality()).startsWith("AUC");
        assertThat(y.quality()).startsWith("R²");
        // Var(2t + 1.5z) / Var(y) is about 3.6 / 4.6 here; a fit that missed a parent would fall far below.
        double r2 = model.fittedProperty().get().scm().fits().get(2).quality() instanceof
                org.recausal.engine.scm.NodeFit.NumericQuality q ? q.rSquared() : 0;
        assertThat(r2).isBetween(0.70, 0.85);
    }

    @Test
    void effectOfDoingTheTreatmentIsWithinItsIntervalOfTheTruth() {
        model.nodeProperty().set("t");
        model.kindProperty().set(SimulateModel.Kind.SET);
        model.valueProperty().set("1");
        model.addIntervention();
        model.getOutcomes().add("y");
        model.samplesProperty().set(5000);
        model.replicatesProperty().set(20);
        model.simulate();

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.getEffects()).hasSize(1);
        ScenarioResult.QuantityEffect effect = model.getEffects().getFirst().values();
        assertThat(effect.effectCi().contains(SimulateFixtures.EFFECT_OF_DO_T1))
                .as("effect %s, interval %s", effect.effect(), effect.effectCi()).isTrue();
        assertThat(effect.effectCi().width()).isLessThan(0.5);
        ScenarioResult.OutcomeDistribution y = model.resultProperty().get().distributions().getFirst();
        assertThat(y.intervenedQuantiles().median()).isGreaterThan(y.baselineQuantiles().median());
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
    void badInterventionValueIsNamedAndNothingIsAdded() {
        model.nodeProperty().set("z");
        model.kindProperty().set(SimulateModel.Kind.SHIFT);
        model.valueProperty().set("a lot");
        model.addIntervention();
        assertThat(model.getInterventions()).isEmpty();
        assertThat(model.errorProperty().get()).contains("z").contains("a lot");
    }

    @Test
    void scenariosAreKeptByNameAndRestored() {
        model.nodeProperty().set("z");
        model.kindProperty().set(SimulateModel.Kind.SHIFT);
        model.valueProperty().set("0.5");
        model.addIntervention();
        model.getOutcomes().add("y");
        model.scenarioNameProperty().set("more z");
        model.saveScenario();
        model.getInterventions().clear();
        model.getOutcomes().clear();

        model.restore(model.getScenarios().getFirst());
        assertThat(model.getInterventions()).extracting(i -> i.text()).containsExactly("z+=0.5");
        assertThat(model.getOutcomes()).containsExactly("y");
    }

    @Test
    void resultsExportAsCsv() throws Exception {
        model.nodeProperty().set("t");
        model.valueProperty().set("1");
        model.addIntervention();
        model.getOutcomes().add("y");
        model.samplesProperty().set(2000);
        model.replicatesProperty().set(0);
        model.simulate();
        Path csv = dir.resolve("out.csv");
        dialogs.answerExport(csv);
        model.exportCsv();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).startsWith("scenario,outcome,quantity");
        assertThat(lines.get(1)).startsWith("scenario,y,E[y]");
        assertThat(lines).contains("outcome,bin,baseline,intervened");
    }
}
