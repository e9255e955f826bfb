package org.recausal.desktop.explain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.recausal.desktop.data.ProgressTask;
import org.recausal.desktop.dialog.DialogService;
import org.recausal.desktop.dialog.ExportFormat;
import org.recausal.desktop.simulate.SimulateModel;
import org.recausal.desktop.task.TaskExecutor;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.data.Table;
import org.recausal.engine.policy.LoggedData;
import org.recausal.engine.policy.Policy;
import org.recausal.engine.policy.PolicyData;
import org.recausal.engine.policy.PolicyRequest;
import org.recausal.engine.policy.PolicyResult;
import org.recausal.engine.policy.PolicySimulation;
import org.recausal.engine.policy.RankingSetup;
import org.recausal.engine.project.ModelData;
import org.recausal.engine.project.PolicyScenario;
import org.recausal.engine.project.Project;
import org.recausal.engine.report.PolicyReport;

/**
 * Policy scenarios compared side by side: recommendation policies (popularity penalty, exposure cap, boost, feature
 * removal, score rule) as interventions on the project's ranking mechanism, each simulated against the current
 * policy on the attached log through the fitted mechanisms downstream of it, with bootstrap intervals
 * ({@link PolicySimulation}). The metric picked is charted across the scenarios. Running keeps the policies compared
 * and their results in the project ({@link PolicyScenario}), so a reopened project shows them without recomputing,
 * marked stale once the graph or the data changed since.
 */
public final class PolicyComparisonModel {
    static final int DEFAULT_REPLICATES = 20;
    /**
     * The log's columns of user and item ids (for coverage, concentration and per-user uplift) and of logged
     * exposure probabilities (for off-policy estimates), read where the data have them, as {@code policy} does.
     */
    private static final String USER_COLUMN = "user_id";
    private static final String ITEM_COLUMN = "item_id";
    private static final String PROPENSITY_COLUMN = "exposure_propensity";

    private final Supplier<SimulateModel.Inputs> inputs;
    private final Runnable changed;
    private final DialogService dialogs;
    private final ProgressTask task;
    private final StringProperty policyText = new SimpleStringProperty(this, "policyText", "");
    private final ObservableList<Policy> policies = FXCollections.observableArrayList();
    private final ObservableList<String> variables = FXCollections.observableArrayList();
    private final StringProperty score = new SimpleStringProperty(this, "score");
    private final StringProperty exposure = new SimpleStringProperty(this, "exposure");
    private final StringProperty popularity = new SimpleStringProperty(this, "popularity");
    private final StringProperty outcomes = new SimpleStringProperty(this, "outcomes", "");
    private final StringProperty group = new SimpleStringProperty(this, "group");
    private final IntegerProperty replicates = new SimpleIntegerProperty(this, "replicates", DEFAULT_REPLICATES);
    private final ObservableList<PolicyResult> results = FXCollections.observableArrayList();
    /** The log the results were simulated on, for their reports. */
    private PolicyData simulatedOn;
    private final ObservableList<MetricKey> metrics = FXCollections.observableArrayList();
    private final ObjectProperty<MetricKey> metric = new SimpleObjectProperty<>(this, "metric");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Attach the recommender's log in the data panel, add policies, then run them.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");

    /** The policies' results, the log they were simulated on, and the scenarios to keep in the project. */
    private record Simulated(PolicyData data, List<PolicyResult> results, List<PolicyScenario> scenarios) {
    }

    /** A metric as the results name it: its id and the group it is restricted to (null for everybody). */
    public record MetricKey(String metric, String group, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * @param inputs  the graph and the data, asked on the UI thread when the analyst runs the policies
     * @param changed told when the project's policy scenarios changed (so it needs saving)
     */
    public PolicyComparisonModel(Supplier<SimulateModel.Inputs> inputs, Runnable changed, DialogService dialogs,
            TaskExecutor executor, Executor uiThread) {
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.changed = Objects.requireNonNull(changed, "changed");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.task = new ProgressTask(executor, uiThread);
    }

    /**
     * Shows the policy scenarios the project now open keeps, with their last results as saved (not recomputed),
     * {@link #staleProperty stale} when the graph, the data or the fit options changed since they were simulated.
     */
    public void projectOpened() {
        task.cancel();
        Project project = inputs.get().project();
        List<PolicyScenario> saved = project.policyScenarios();
        policies.setAll(saved.stream().map(s -> s.request().policy()).toList());
        List<PolicyResult> done = saved.stream().map(PolicyScenario::result).filter(Objects::nonNull).toList();
        simulatedOn = null;
        error.set("");
        if (!saved.isEmpty()) {
            PolicyRequest first = saved.getFirst().request();
            score.set(first.setup().score());
            exposure.set(first.setup().exposure());
            popularity.set(first.setup().popularity());
            outcomes.set(String.join(", ", first.setup().outcomes()));
            group.set(first.setup().group());
            replicates.set(first.replicates());
        }
        boolean outdated = saved.stream().anyMatch(s -> s.isStale(project));
        showResults(done);
        stale.set(outdated);
        status.set(done.isEmpty() ? saved.isEmpty() ? "Attach the recommender's log in the data panel, add policies,"
                + " then run them." : "The project keeps " + saved.size() + " policies; run them to compare."
                : outdated ? "Saved results, stale: the graph or the data changed since they were simulated. Run the"
                        + " policies again to refresh them."
                        : String.format(Locale.ROOT, "Saved results of %d policies, as simulated on %,d logged rows.",
                                done.size(), done.getFirst().rows()));
    }

    /** Reads the graph's variables and guesses the ranking's parts from their names and roles. */
    public void refreshVariables() {
        Dag dag = inputs.get().project().dag();
        variables.setAll(dag.names());
        RankingSetup shop = RankingSetup.recommenderShop();
        guess(score, shop.score());
        guess(exposure, shop.exposure());
        guess(popularity, shop.popularity());
        guess(group, shop.group());
        if (outcomes.get().isBlank()) {
            outcomes.set(String.join(", ", shop.outcomes().stream().filter(variables::contains).toList()));
        }
    }

    private void guess(StringProperty part, String name) {
        if ((part.get() == null || !variables.contains(part.get())) && variables.contains(name)) {
            part.set(name);
        }
    }

    /** Adds the policy typed, replacing one written the same way; a mistake is named in {@link #errorProperty}. */
    public void addPolicy() {
        error.set("");
        try {
            Policy policy = Policy.parse(policyText.get());
            if (policy instanceof Policy.SwapModel) {
                error.set("swap-model needs a second model's scores in the log; the command line takes them.");
                return;
            }
            policies.removeIf(p -> p.text().equals(policy.text()));
            policies.add(policy);
            policyText.set("");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    /** Simulates every policy against the current one, in the background, one after the other. */
    public void run() {
        error.set("");
        if (policies.isEmpty()) {
            error.set("Add at least one policy, e.g. popularity-penalty=0.5.");
            return;
        }
        RankingSetup setup;
        try {
            List<String> named = Arrays.stream(outcomes.get().split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            setup = new RankingSetup(required(score, "the score"), required(exposure, "the exposure"),
                    required(popularity, "the popularity"), named, group.get());
        } catch (IllegalArgumentException | NullPointerException e) {
            error.set(e.getMessage());
            return;
        }
        SimulateModel.Inputs given = inputs.get();
        Project asRun = given.project().copy();
        Dag dag = asRun.dag();
        List<Policy> chosen = List.copyOf(policies);
        int b = replicates.get();
        task.start("Simulating " + chosen.size() + " polic" + (chosen.size() == 1 ? "y" : "ies"), (progress, cancel) -> {
            ModelData.Source source = ModelData.source(dag, given.data().get());
            PolicyData data = LoggedData.from(source.table(), source.bound(), column(source.table(), USER_COLUMN),
                    column(source.table(), ITEM_COLUMN), column(source.table(), PROPENSITY_COLUMN));
            List<PolicyResult> done = new ArrayList<>();
            List<PolicyScenario> scenarios = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                int at = i;
                PolicyRequest request = PolicyRequest.of(chosen.get(i), setup).withReplicates(b);
                PolicyResult result = PolicySimulation.run(dag, data, request,
                        (f, m) -> progress.progress((at + f) / chosen.size(), chosen.get(at).text() + ": " + m),
                        cancel);
                done.add(result);
                scenarios.add(PolicyScenario.of(chosen.get(i).text(), request, null).withResult(result, asRun));
            }
            return new Simulated(data, done, scenarios);
        }, simulated -> {
            List<PolicyResult> done = simulated.results();
            simulatedOn = simulated.data();
            keep(simulated.scenarios());
            showResults(done);
            stale.set(false);
            status.set(String.format(Locale.ROOT, "Simulated %d policies on %,d logged rows, %d bootstrap"
                    + " refits each; kept in the project.", done.size(), done.getFirst().rows(), b));
        }, failure -> error.set("The simulation failed: " + ProgressTask.reason(failure)),
                () -> status.set("Simulation cancelled."));
    }

    /**
     * The project keeps exactly the policies just compared, in their order; one it kept before keeps its name (a
     * name given on the command line, say), a new one is named by its policy.
     */
    private void keep(List<PolicyScenario> scenarios) {
        Project project = inputs.get().project();
        List<PolicyScenario> before = project.policyScenarios();
        before.forEach(s -> project.removePolicyScenario(s.name()));
        for (PolicyScenario scenario : scenarios) {
            String name = before.stream().filter(s -> s.request().policy().text().equals(scenario.name()))
                    .map(PolicyScenario::name).findFirst().orElse(scenario.name());
            project.putPolicyScenario(new PolicyScenario(name, scenario.request(), scenario.model(), scenario.result(),
                    scenario.fittedOn()));
        }
        changed.run();
    }

    private void showResults(List<PolicyResult> done) {
        results.setAll(done);
        MetricKey kept = metric.get();
        metrics.setAll(done.isEmpty() ? List.of() : done.getFirst().metrics().stream()
                .map(m -> new MetricKey(m.metric(), m.group(), m.label())).toList());
        metric.set(metrics.isEmpty() ? null : kept != null && metrics.contains(kept) ? kept : metrics.getFirst());
    }

    private static String column(Table table, String name) {
        return table.hasColumn(name) ? name : null;
    }

    private static String required(StringProperty part, String what) {
        if (part.get() == null || part.get().isBlank()) {
            throw new IllegalArgumentException("Choose the variable that is " + what + ".");
        }
        return part.get();
    }

    public void cancel() {
        task.cancel();
    }

    /** The picked metric's change under each policy, in the policies' order. */
    public List<PolicyResult.MetricEffect> effects(MetricKey key) {
        List<PolicyResult.MetricEffect> list = new ArrayList<>();
        for (PolicyResult r : results) {
            r.metric(key.metric(), key.group()).ifPresent(list::add);
        }
        return list;
    }

    /** Asks where, then writes the comparison: {@code writer} for a chart, else the results as CSV. */
    public void export(ExportFormat format, String what, ExplainModel.FileWriter writer) {
        if (results.isEmpty()) {
            error.set("Run the policies first.");
            return;
        }
        error.set("");
        dialogs.chooseExportFile(format, "policies-" + what + "." + format.extension(), null).ifPresent(file -> {
            try {
                writer.write(file);
                status.set("Exported " + file.getFileName() + ".");
            } catch (IOException | UncheckedIOException e) {
                dialogs.showError("Cannot export " + file.getFileName(), e.getMessage());
            }
        });
    }

    /** Asks where, then writes every metric of every policy as CSV. */
    public void exportCsv() {
        List<PolicyResult> shown = List.copyOf(results);
        export(ExportFormat.CSV, "results", file -> PolicyFiles.writeCsv(shown, file));
    }

    /**
     * Asks where, then writes one policy's self-contained HTML report (charts inline), which a colleague without
     * Recausal can open in a browser.
     */
    public void exportReport(int index) {
        if (results.isEmpty()) {
            error.set("Run the policies first.");
            return;
        }
        PolicyResult result = results.get(Math.max(0, Math.min(results.size() - 1, index)));
        PolicyData data = simulatedOn;
        if (data == null) {
            error.set("The report charts every recommendation's uplift, which saved results do not keep: run the"
                    + " policies again to export it.");
            return;
        }
        export(ExportFormat.HTML, "report-" + result.policy().replaceAll("[^A-Za-z0-9._-]+", "_"), file -> {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                PolicyReport.write(result, data, "Policy " + result.policy() + " against the current policy", out);
            }
        });
    }

    // ---------------------------------------------------------------- properties

    public ProgressTask task() {
        return task;
    }

    /** The policy being typed, e.g. {@code popularity-penalty=0.5}. */
    public StringProperty policyTextProperty() {
        return policyText;
    }

    public ObservableList<Policy> getPolicies() {
        return policies;
    }

    /** The graph's variables, for the ranking's parts. */
    public ObservableList<String> getVariables() {
        return variables;
    }

    public StringProperty scoreProperty() {
        return score;
    }

    public StringProperty exposureProperty() {
        return exposure;
    }

    public StringProperty popularityProperty() {
        return popularity;
    }

    /** The outcomes, comma-separated. */
    public StringProperty outcomesProperty() {
        return outcomes;
    }

    /** The variable splitting users into groups for fairness gaps; may be null. */
    public StringProperty groupProperty() {
        return group;
    }

    public IntegerProperty replicatesProperty() {
        return replicates;
    }

    public ObservableList<PolicyResult> getResults() {
        return results;
    }

    public ObservableList<MetricKey> getMetrics() {
        return metrics;
    }

    /** The metric charted across the policies. */
    public ObjectProperty<MetricKey> metricProperty() {
        return metric;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the results shown were saved in the project and the graph or data changed since. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
