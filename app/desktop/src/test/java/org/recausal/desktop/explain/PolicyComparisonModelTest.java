package org.recausal.desktop.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.simulate.SimulateModel;
import org.recausal.desktop.testing.SameThreadExecutor;
import org.recausal.desktop.testing.ScriptedDialogs;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.policy.Policy;
import org.recausal.engine.policy.PolicyData;
import org.recausal.engine.policy.PolicyRequest;
import org.recausal.engine.policy.PolicyResult;
import org.recausal.engine.policy.PolicySimulation;
import org.recausal.engine.policy.RankingSetup;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.project.PolicyScenario;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.project.ProjectData;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.simulate.RecommenderWorld;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/** The Policies tab's view-model on the sample project's graph and a log simulated from its known mechanisms. */
class PolicyComparisonModelTest {
    private static final int ROWS = 1000;
    private static final int REPLICATES = 4;

    @TempDir
    static Path dir;

    private static Dag dag;
    private static Path log;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private PolicyComparisonModel model;
    private int changes;

    @BeforeAll
    static void simulateLog() throws Exception {
        dag = RecommenderWorld.dag();
        log = dir.resolve("shop.csv");
        RecommenderWorld.observedData(ROWS, 3).writeCsv(log);
    }

    private PolicyComparisonModel model(boolean withData) {
        return model(new Project("shop", dag), withData);
    }

    private PolicyComparisonModel model(Project project, boolean withData) {
        return new PolicyComparisonModel(() -> new SimulateModel.Inputs(project, () -> new ProjectData(withData
                ? List.of(MappedTable.of(dag, TableReader.read(log).table(), ColumnMapping.automatic())) : List.of(),
                List.of(), List.of())), () -> changes++, dialogs, new SameThreadExecutor(), Runnable::run);
    }

    @Test
    void theRankingsPartsAreGuessedFromTheSampleProjectsNames() {
        model = model(true);
        model.refreshVariables();
        assertThat(model.scoreProperty().get()).isEqualTo("recommender_score");
        assertThat(model.exposureProperty().get()).isEqualTo("exposure");
        assertThat(model.popularityProperty().get()).isEqualTo("item_popularity");
        assertThat(model.groupProperty().get()).isEqualTo("user_activity");
        assertThat(model.outcomesProperty().get()).isEqualTo(String.join(", ", RankingSetup.recommenderShop().outcomes()));
    }

    @Test
    void aMistypedPolicyIsNamedAndNotAdded() {
        model = model(true);
        model.policyTextProperty().set("popularity-penalty=lots");
        model.addPolicy();
        assertThat(model.getPolicies()).isEmpty();
        assertThat(model.errorProperty().get()).isEqualTo("in the policy 'popularity-penalty=lots': 'lots' is not a"
                + " finite number");
        model.policyTextProperty().set(" exposure-cap=0.2 ");
        model.addPolicy();
        model.policyTextProperty().set("exposure-cap=0.20");
        model.addPolicy();
        assertThat(model.getPolicies()).extracting(Policy::text).containsExactly("exposure-cap=0.2");
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void runningWithoutDataSaysWhereToAttachIt() {
        model = model(false);
        model.refreshVariables();
        model.policyTextProperty().set("popularity-penalty=0.5");
        model.addPolicy();
        model.run();
        assertThat(model.errorProperty().get())
                .isEqualTo("The simulation failed: no dataset is attached; attach one first");
        assertThat(model.getResults()).isEmpty();
    }

    @Test
    void eachPolicyIsSimulatedAsTheEngineDoesAndChartedSideBySide() throws Exception {
        model = model(true);
        model.refreshVariables();
        model.replicatesProperty().set(REPLICATES);
        for (String text : List.of("popularity-penalty=0.5", "exposure-cap=0.2")) {
            model.policyTextProperty().set(text);
            model.addPolicy();
        }
        model.run();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.getResults()).extracting(PolicyResult::policy)
                .containsExactly("popularity-penalty=0.5", "exposure-cap=0.2");

        Observations rows = TableReaderRows.rows(dag, log);
        PolicyResult direct = PolicySimulation.run(dag, PolicyData.of(rows), PolicyRequest.of(
                Policy.parse("exposure-cap=0.2"), RankingSetup.recommenderShop()).withReplicates(REPLICATES),
                ProgressListener.NONE, CancellationToken.none());
        PolicyResult shown = model.getResults().get(1);
        assertThat(shown.metrics()).hasSameSizeAs(direct.metrics());
        for (int m = 0; m < direct.metrics().size(); m++) {
            assertThat(shown.metrics().get(m).difference().value())
                    .isEqualTo(direct.metrics().get(m).difference().value());
        }

        PolicyComparisonModel.MetricKey click = model.getMetrics().stream()
                .filter(k -> k.metric().equals("click") && k.group() == null).findFirst().orElseThrow();
        model.metricProperty().set(click);
        SignedBars.Chart chart = PolicyChart.of(click, model.effects(click), List.of("a", "b"), 0.95);
        assertThat(chart.bars()).hasSize(2);
        assertThat(chart.bars().get(1).value()).isEqualTo(direct.metric("click", null).orElseThrow().difference()
                .value());
        assertThat(chart.bars().get(1).low()).isEqualTo(direct.metric("click", null).orElseThrow().difference()
                .ci().lower());
        // Capping exposure can only take exposures away: fewer clicks.
        assertThat(chart.bars().get(1).value()).isNegative();

        Path csv = dir.resolve("policies.csv");
        dialogs.answerExport(csv);
        model.exportCsv();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + shown.metrics().size() + model.getResults().getFirst().metrics().size());
        assertThat(lines).anyMatch(l -> l.startsWith("exposure-cap=0.2,") && l.contains(",click,,"));

        Path html = dir.resolve("report.html");
        dialogs.answerExport(html);
        model.exportReport(1);
        String report = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(report).startsWith("<!DOCTYPE html>").contains("exposure-cap=0.2", "<svg").doesNotContain("<script");
        assertThat(dialogs.suggestedNames()).containsExactly("policies-results.csv",
                "policies-report-exposure-cap_0.2.html");
    }

    @Test
    void thePoliciesComparedAreKeptInTheProjectAndReopenWithoutRecomputing() throws Exception {
        Project project = new Project("shop", dag.copy());
        model = model(project, true);
        model.refreshVariables();
        model.replicatesProperty().set(0);
        model.policyTextProperty().set("exposure-cap=0.2");
        model.addPolicy();
        model.run();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(changes).isEqualTo(1);
        PolicyScenario kept = project.policyScenario("exposure-cap=0.2").orElseThrow();
        assertThat(kept.result()).isSameAs(model.getResults().getFirst());
        assertThat(kept.request().replicates()).isZero();

        Path file = dir.resolve("kept.recausal");
        ProjectFiles.save(project, file);
        Project reopened = ProjectFiles.open(file);
        PolicyComparisonModel again = model(reopened, false);
        again.projectOpened();
        assertThat(again.getPolicies()).extracting(Policy::text).containsExactly("exposure-cap=0.2");
        assertThat(again.staleProperty().get()).isFalse();
        assertThat(again.statusProperty().get()).startsWith("Saved results of 1 policies");
        PolicyResult shown = again.getResults().getFirst();
        PolicyResult run = model.getResults().getFirst();
        // Records compare their numbers bit for bit (NaN bounds without replicates too).
        assertThat(shown.metrics()).isEqualTo(run.metrics());
        assertThat(again.getMetrics()).isEqualTo(model.getMetrics());
        PolicyComparisonModel.MetricKey first = again.getMetrics().getFirst();
        assertThat(PolicyChart.of(first, again.effects(first), List.of("cap"), 0.95).notes())
                .containsExactly("no intervals: run with bootstrap replicates for them");
        // The report needs the per-row uplifts saved results do not keep.
        again.exportReport(0);
        assertThat(again.errorProperty().get()).contains("run the policies again");

        // Run again with another policy: a kept one keeps its name (as the command line gave it), the new is added.
        PolicyScenario named = reopened.policyScenario("exposure-cap=0.2").orElseThrow();
        reopened.removePolicyScenario("exposure-cap=0.2");
        reopened.putPolicyScenario(new PolicyScenario("cap", named.request(), null, named.result(), named.fittedOn()));
        PolicyComparisonModel rerun = model(reopened, true);
        rerun.projectOpened();
        rerun.replicatesProperty().set(0);
        rerun.policyTextProperty().set("popularity-penalty=0.5");
        rerun.addPolicy();
        rerun.run();
        assertThat(rerun.errorProperty().get()).isEmpty();
        assertThat(reopened.policyScenarios()).extracting(PolicyScenario::name)
                .containsExactly("cap", "popularity-penalty=0.5");

        reopened.dag().addVariable(Variable.of("season", Role.ORDINARY, DataType.CATEGORICAL));
        again.projectOpened();
        assertThat(again.staleProperty().get()).isTrue();
        assertThat(again.statusProperty().get()).startsWith("Saved results, stale");
        assertThat(again.getResults()).hasSize(2);
    }
}
