package org.recausal.desktop.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import org.recausal.desktop.data.ProgressTask;
import org.recausal.desktop.dialog.DialogService;
import org.recausal.desktop.dialog.ExportFormat;
import org.recausal.desktop.task.TaskExecutor;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.estimate.AdjustmentEstimator;
import org.recausal.engine.estimate.EffectEstimate;
import org.recausal.engine.estimate.EstimationMethod;
import org.recausal.engine.estimate.Identification;
import org.recausal.engine.estimate.InterventionEffects;
import org.recausal.engine.estimate.Refutation;
import org.recausal.engine.estimate.Refuters;
import org.recausal.engine.estimate.ScenarioResult;
import org.recausal.engine.model.Scale;
import org.recausal.engine.project.ModelData;
import org.recausal.engine.project.ModelFingerprint;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectData;
import org.recausal.engine.project.StoredResult;
import org.recausal.engine.project.StoredScm;
import org.recausal.engine.scm.Counterfactuals;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.ModelChoice;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.scm.ScmFitter;
import org.recausal.engine.scm.Scenario;
import org.recausal.engine.scm.TableBinding;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * The Simulate panel's state: fits a structural causal model to the project's data (model kinds chosen by
 * cross-validation, or set per node), notices when the graph or the data change under it (a fit of the same inputs
 * is reused), runs the drafted {@link ScenarioDraft scenario} with bootstrap intervals, compares kept scenarios side
 * by side, answers unit-level counterfactuals for a data row, and estimates one treatment's effect by adjustment with
 * its refutations. All long work runs in one cancellable {@link ProgressTask}.
 */
public final class SimulateModel {

    /**
     * What the model is fitted to, taken on the UI thread: the live project (its graph, datasets, kept scenarios
     * and model, read and written on the UI thread only) and the assembly of its loaded data, which runs off it.
     */
    public record Inputs(Project project, Supplier<ProjectData> data) {
    }

    /**
     * A fitted model, what it was fitted on, and the rows it was fitted to with their table rows: null for a model
     * reopened from the project until work needs them, when they are bound again in the background.
     */
    public record Fitted(FittedScm scm, TableBinding.Bound bound, Dag dag, ModelFingerprint fingerprint) {
        public Observations data() {
            return bound.observations();
        }

        Fitted withBound(TableBinding.Bound rows) {
            return new Fitted(scm, rows, dag, fingerprint);
        }
    }

    /** An estimate by adjustment and the verdicts of the checks that tried to refute it. */
    public record Estimated(EffectEstimate estimate, List<Refutation> refutations) {
    }

    private static final int REFUTER_SIMULATIONS = 10;
    private static final double LEVEL = 0.95;

    private final Supplier<Inputs> inputs;
    private final Runnable changed;
    private final DialogService dialogs;
    private final ProgressTask task;
    private final ScenarioDraft draft = new ScenarioDraft();

    private final ReadOnlyObjectWrapper<Fitted> fitted = new ReadOnlyObjectWrapper<>(this, "fitted");
    private final ReadOnlyStringWrapper stale = new ReadOnlyStringWrapper(this, "stale", "");
    private final ObservableList<FitRow> fitRows = FXCollections.observableArrayList();
    private final ObservableList<String> nodes = FXCollections.observableArrayList();
    private final ObservableMap<String, ModelChoice> choices = FXCollections.observableHashMap();
    private final ReadOnlyObjectWrapper<ScenarioResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<Scenario> resultScenario = new ReadOnlyObjectWrapper<>(this,
            "resultScenario");
    private final ObservableList<EffectRow> effects = FXCollections.observableArrayList();
    private final ObservableList<Scenario> scenarios = FXCollections.observableArrayList();
    private final Map<String, ScenarioResult> results = new HashMap<>();
    /** Scenarios whose last result came from a model other than the one fitted now. */
    private final Set<String> staleResults = new HashSet<>();
    private final ReadOnlyBooleanWrapper resultStale = new ReadOnlyBooleanWrapper(this, "resultStale");
    private final ObservableList<ComparisonRow> comparison = FXCollections.observableArrayList();
    private final StringProperty treatment = new SimpleStringProperty(this, "treatment");
    private final StringProperty outcome = new SimpleStringProperty(this, "outcome");
    private final ObjectProperty<EstimationMethod> method = new SimpleObjectProperty<>(this, "method",
            EstimationMethod.AIPW);
    private final ReadOnlyObjectWrapper<Estimated> estimated = new ReadOnlyObjectWrapper<>(this, "estimated");
    private final IntegerProperty counterfactualRow = new SimpleIntegerProperty(this, "counterfactualRow", 1);
    private final StringProperty counterfactualOutcome = new SimpleStringProperty(this, "counterfactualOutcome");
    private final ReadOnlyStringWrapper counterfactual = new ReadOnlyStringWrapper(this, "counterfactual", "");
    private final ObservableList<CounterfactualRow> counterfactualChanges = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Fit the model to the attached data to start.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * @param inputs   the project and its data, asked on the UI thread
     * @param changed  runs when the model adds to the project (a fit, a kept scenario, a result): it is unsaved
     * @param executor runs the work off the UI thread
     * @param uiThread hands progress to the UI thread ({@code Platform::runLater} in the app)
     */
    public SimulateModel(Supplier<Inputs> inputs, Runnable changed, DialogService dialogs, TaskExecutor executor,
            Executor uiThread) {
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.changed = Objects.requireNonNull(changed, "changed");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.task = new ProgressTask(executor, uiThread);
    }

    // ---------------------------------------------------------------- the project

    /**
     * Shows the project now open: its kept scenarios with their last results, and its fitted model, reused while
     * the graph, data and fit options are those it was fitted on.
     */
    public void projectOpened() {
        task.cancel();
        Project project = inputs.get().project();
        fitted.set(null);
        stale.set("");
        fitRows.clear();
        nodes.clear();
        choices.clear();
        results.clear();
        staleResults.clear();
        resultStale.set(false);
        comparison.clear();
        effects.clear();
        result.set(null);
        resultScenario.set(null);
        estimated.set(null);
        treatment.set(null);
        outcome.set(null);
        counterfactualOutcome.set(null);
        counterfactual.set("");
        counterfactualChanges.clear();
        error.set("");
        scenarios.setAll(project.scenarios());
        for (Scenario scenario : project.scenarios()) {
            project.scenarioResult(scenario.name()).ifPresent(r -> {
                results.put(scenario.name(), r.result());
                if (r.isStale(project)) {
                    staleResults.add(scenario.name());
                }
            });
        }
        project.scm().ifPresentOrElse(stored -> {
            stored.fitted().options().perNode().forEach(choices::put);
            show(new Fitted(stored.fitted(), null, project.dag().copy(), stored.fittedOn()));
            inputsChanged();
            status.set(stale.get().isEmpty() ? "The project's fitted model is reused: the graph and data are those it"
                    + " was fitted on." : "The project's fitted model is stale: " + stale.get() + ".");
        }, () -> status.set("Fit the model to the attached data to start."));
    }

    // ---------------------------------------------------------------- the model

    /**
     * Fits every node's mechanism to the data in the background, with the model kinds set per node (the others
     * chosen by cross-validation); keeps the fitted model when graph, data and options are as they were.
     */
    public void fit() {
        fit(() -> { });
    }

    private void fit(Runnable then) {
        Inputs given = inputs.get();
        FitOptions options = options();
        ModelFingerprint now = ModelFingerprint.of(given.project(), options);
        Fitted previous = fitted.get();
        if (previous != null && previous.fingerprint().equals(now)) {
            stale.set("");
            status.set("The graph, data and fit options are those the model was fitted on: it is reused.");
            then.run();
            return;
        }
        Dag dag = given.project().dag().copy();
        start("Fitting the model", (progress, cancel) -> {
            TableBinding.Bound bound = ModelData.bind(dag, given.data().get());
            return new Fitted(ScmFitter.fit(dag, bound.observations(), options, progress, cancel), bound, dag, now);
        }, done -> {
            show(done);
            // Results so far came from the model this one replaces.
            staleResults.addAll(results.keySet());
            resultStale.set(result.get() != null);
            Project project = inputs.get().project();
            project.setScm(new StoredScm(done.scm(), done.fingerprint()));
            changed.run();
            inputsChanged();
            status.set("Fitted to " + done.data().rows() + " rows" + (done.bound().droppedRows() > 0
                    ? " (" + done.bound().droppedRows() + " with missing values left out)" : "") + ".");
            then.run();
        });
    }

    /** The default options with the model kinds the analyst set per node. */
    private FitOptions options() {
        FitOptions options = FitOptions.defaults();
        for (Map.Entry<String, ModelChoice> choice : new TreeMap<>(choices).entrySet()) {
            options = options.withChoice(choice.getKey(), choice.getValue());
        }
        return options;
    }

    private void show(Fitted done) {
        fitted.set(done);
        stale.set("");
        fitRows.setAll(done.scm().fits().stream()
                .map(f -> FitRow.of(f, choices.getOrDefault(f.node(), ModelChoice.AUTO))).toList());
        List<String> names = done.scm().fits().stream().map(f -> f.node()).toList();
        nodes.setAll(names);
        choices.keySet().retainAll(names);
        draft.keepOnly(names);
        // The question asked on the canvas (exposure and outcome roles) is the first estimate offered.
        if (treatment.get() == null) {
            done.dag().withRole(Role.EXPOSURE).stream().filter(names::contains).findFirst().ifPresent(treatment::set);
        }
        if (outcome.get() == null) {
            done.dag().withRole(Role.OUTCOME).stream().filter(names::contains).findFirst().ifPresent(outcome::set);
        }
    }

    /** Sets the model kind of one node; the model is stale until fitted again. */
    public void setChoice(String node, ModelChoice choice) {
        if (choice == ModelChoice.AUTO) {
            choices.remove(node);
        } else {
            choices.put(node, choice);
        }
        fitRows.replaceAll(row -> row.node().equals(node) ? FitRow.of(row.fit(), choice) : row);
        inputsChanged();
    }

    /**
     * The graph, the data or the fit options may have changed: the fitted model is stale while they differ from
     * those it was fitted on (an undone edit makes it current again). Cheap: digests of the graph, of the datasets'
     * recorded fingerprints and of the options.
     */
    public void inputsChanged() {
        Fitted current = fitted.get();
        if (current == null) {
            return;
        }
        List<String> changes = current.fingerprint().differences(ModelFingerprint.of(inputs.get().project(),
                options()));
        stale.set(changes.isEmpty() ? "" : String.join(" and ", changes) + " changed since the fit");
    }

    // ---------------------------------------------------------------- scenarios

    /** Adds the drafted intervention to the scenario, or to its baseline. */
    public void addIntervention(boolean toBaseline) {
        error.set("");
        try {
            draft.add(toBaseline);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    /** Runs the drafted scenario with bootstrap intervals in the background, refitting a stale model first. */
    public void simulate() {
        error.set("");
        Scenario scenario = drafted();
        if (scenario == null) {
            return;
        }
        if (fitted.get() == null || !stale.get().isEmpty()) {
            fit(this::simulate);
            return;
        }
        int b = draft.replicatesProperty().get();
        withModel("Simulating " + scenario.name(), (model, progress, cancel) -> InterventionEffects.run(model.scm(),
                model.data(), scenario, b, LEVEL, progress, cancel), done -> {
                    show(scenario, done);
                    status.set(String.format(Locale.ROOT, "Simulated %d units per world, %d bootstrap refits%s.",
                            done.samples(), done.replicates(), scenario.subgroup() == null ? ""
                                    : String.format(Locale.ROOT, "; the subgroup %s holds %.1f%% of them",
                                            scenario.subgroup(), 100 * done.subgroupShare())));
                });
    }

    private void show(Scenario scenario, ScenarioResult done) {
        keepResult(scenario, done);
        resultStale.set(false);
        resultScenario.set(scenario);
        result.set(done);
        effects.setAll(done.effects().stream().map(EffectRow::of).toList());
    }

    /** Remembers a scenario's latest result, and keeps it in the project when the scenario is kept there. */
    private void keepResult(Scenario scenario, ScenarioResult done) {
        results.put(scenario.name(), done);
        staleResults.remove(scenario.name());
        Project project = inputs.get().project();
        if (project.scenario(scenario.name()).filter(scenario::equals).isPresent()) {
            project.setScenarioResult(new StoredResult(done, fitted.get().fingerprint()));
            changed.run();
        }
    }

    /** The drafted scenario, or null with the reason in {@link #errorProperty()}. */
    private Scenario drafted() {
        String name = draft.nameProperty().get() == null ? "" : draft.nameProperty().get().strip();
        try {
            Scenario scenario = draft.toScenario(name.isEmpty() ? "scenario" : name);
            if (scenario.interventions().isEmpty() && scenario.baseline().isEmpty()) {
                error.set("Add at least one intervention: click a node, then set, shift or rule it.");
                return null;
            }
            return scenario;
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
    }

    /** Runs the chosen kept scenarios, one after another, and lists their effects side by side. */
    public void compare(List<Scenario> chosen) {
        error.set("");
        if (chosen.isEmpty()) {
            error.set("Select the kept scenarios to compare (Ctrl+click picks several).");
            return;
        }
        List<Scenario> runs = List.copyOf(chosen);
        if (fitted.get() == null || !stale.get().isEmpty()) {
            fit(() -> compare(runs));
            return;
        }
        int b = draft.replicatesProperty().get();
        withModel("Comparing " + runs.size() + " scenarios", (model, progress, cancel) -> {
            List<ScenarioResult> done = new ArrayList<>();
            for (int k = 0; k < runs.size(); k++) {
                int at = k;
                ProgressListener part = (f, m) -> progress.progress((at + f) / runs.size(),
                        runs.get(at).name() + ": " + m);
                done.add(InterventionEffects.run(model.scm(), model.data(), runs.get(k), b, LEVEL, part, cancel));
            }
            return done;
        }, done -> {
            List<ComparisonRow> rows = new ArrayList<>();
            for (int k = 0; k < runs.size(); k++) {
                keepResult(runs.get(k), done.get(k));
                for (ScenarioResult.QuantityEffect effect : done.get(k).effects()) {
                    rows.add(ComparisonRow.of(runs.get(k), effect));
                }
            }
            comparison.setAll(rows);
            status.set("Compared " + runs.size() + " scenarios with " + b + " bootstrap refits each.");
        });
    }

    /** Keeps the drafted scenario in the project under its name, replacing one of that name. */
    public void saveScenario() {
        error.set("");
        String name = draft.nameProperty().get() == null ? "" : draft.nameProperty().get().strip();
        if (name.isEmpty()) {
            error.set("Name the scenario to keep it.");
            return;
        }
        Scenario kept;
        try {
            kept = draft.toScenario(name);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        Project project = inputs.get().project();
        if (project.scenario(name).isPresent()) {
            project.replaceScenario(kept);
            scenarios.set(indexOf(name), kept);
        } else {
            project.addScenario(kept);
            scenarios.add(kept);
        }
        changed.run();
    }

    private int indexOf(String name) {
        for (int i = 0; i < scenarios.size(); i++) {
            if (scenarios.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Forgets kept scenarios and their results, here and in the project. */
    public void delete(List<Scenario> chosen) {
        List<Scenario> gone = List.copyOf(chosen);
        Project project = inputs.get().project();
        gone.forEach(s -> project.removeScenario(s.name()));
        scenarios.removeAll(gone);
        gone.forEach(s -> results.remove(s.name()));
        gone.forEach(s -> staleResults.remove(s.name()));
        comparison.removeIf(row -> gone.stream().anyMatch(s -> s.name().equals(row.scenario())));
        changed.run();
    }

    /** Brings a kept scenario back into the editor, with its last result when it has one. */
    public void restore(Scenario scenario) {
        draft.restore(scenario);
        ScenarioResult last = results.get(scenario.name());
        if (last != null) {
            resultStale.set(staleResults.contains(scenario.name()));
            resultScenario.set(scenario);
            result.set(last);
            effects.setAll(last.effects().stream().map(EffectRow::of).toList());
        }
    }

    // ---------------------------------------------------------------- counterfactual and estimate

    /**
     * For one row of the data: what the outcome would have been under the drafted interventions, by abduction,
     * action and prediction.
     */
    public void counterfactual() {
        error.set("");
        counterfactual.set("");
        counterfactualChanges.clear();
        String y = counterfactualOutcome.get();
        if (fitted.get() == null || y == null) {
            error.set("Fit the model, then choose the outcome of the counterfactual.");
            return;
        }
        List<Intervention> done = List.copyOf(draft.getInterventions());
        if (done.isEmpty()) {
            error.set("Add the interventions of the counterfactual to the scenario first.");
            return;
        }
        int row = counterfactualRow.get();
        withModel("Counterfactual for row " + row, (model, progress, cancel) -> {
            int at = model.bound().rowOfDataRow(row);
            return Counterfactuals.of(model.scm().model(), model.data(), at, done, y);
        }, answer -> show(row, answer, done));
    }

    private void show(int row, Counterfactuals.Answer answer, List<Intervention> done) {
        Observations data = fitted.get().data();
        int at = answer.row();
        String observed = String.join(", ", data.names().stream().map(n -> n + " = " + data.text(n, at)).toList());
        String interventions = ScenarioDraft.describe(done, "");
        String outcomeName = answer.outcome();
        String factual = data.text(outcomeName, at);
        counterfactual.set(switch (answer) {
            case Counterfactuals.Determined d -> "Row " + row + " (" + observed + "): had " + interventions + ", "
                    + outcomeName + " would have been " + label(data.scale(outcomeName), d.counterfactual())
                    + (d.changes().containsKey(outcomeName) ? " instead of " + factual
                            : ", as observed: nothing it depends on changes for this row")
                    + (stale.get().isEmpty() ? "." : ". The model is stale: " + stale.get() + ".");
            case Counterfactuals.NotDetermined n -> "Row " + row + " (" + observed + "): the counterfactual "
                    + outcomeName + " under " + interventions + " is not determined: " + n.reason() + ".";
        });
        if (answer instanceof Counterfactuals.Determined d) {
            d.changes().forEach((name, values) -> counterfactualChanges.add(new CounterfactualRow(name,
                    label(data.scale(name), values[0]), label(data.scale(name), values[1]))));
        }
    }

    /** A value as analysts read it: a level's label, or a number to six significant digits. */
    private static String label(Scale scale, double value) {
        return scale.isNumeric() ? String.format(Locale.ROOT, "%.6g", value) : scale.label(value);
    }

    /** Estimates the treatment's average effect on the outcome by adjustment, then tries to refute it. */
    public void estimate() {
        error.set("");
        String t = treatment.get();
        String y = outcome.get();
        if (fitted.get() == null || t == null || y == null) {
            error.set("Fit the model, then choose a treatment and an outcome.");
            return;
        }
        AdjustmentEstimator.Settings settings = AdjustmentEstimator.Settings.of(method.get())
                .withSeed(draft.seedProperty().get());
        withModel("Estimating the effect of " + t + " on " + y, (model, progress, cancel) -> {
            Identification identified = Identification.of(model.dag(), t, y, null);
            AdjustmentEstimator estimator = new AdjustmentEstimator(model.data(), t, y, identified.adjustmentSet(),
                    settings, null);
            ProgressListener first = (f, m) -> progress.progress(f / 3, m);
            ProgressListener rest = (f, m) -> progress.progress(1.0 / 3 + 2 * f / 3, m);
            EffectEstimate estimate = estimator.estimate(first, cancel);
            return new Estimated(estimate, Refuters.run(model.data(), t, y, identified.adjustmentSet(),
                    estimator.settings(), estimate, REFUTER_SIMULATIONS, rest, cancel));
        }, done -> {
            estimated.set(done);
            status.set("Estimated " + done.estimate().definition() + ".");
        });
    }

    /** Work on the fitted model, whose rows it needs. */
    @FunctionalInterface
    private interface ModelWork<T> {
        T run(Fitted model, ProgressListener progress, CancellationToken cancel) throws Exception;
    }

    private record Ran<T>(Fitted model, T value) {
    }

    /**
     * Runs {@code work} on the fitted model in the background, first binding the data to a model reopened from the
     * project (which has no rows yet); the bound model then replaces it.
     */
    private <T> void withModel(String description, ModelWork<T> work, Consumer<T> onSuccess) {
        Fitted model = fitted.get();
        Supplier<ProjectData> data = model.bound() == null ? inputs.get().data() : null;
        start(description, (progress, cancel) -> {
            Fitted ready = data == null ? model : model.withBound(ModelData.bind(model.dag(), data.get()));
            return new Ran<>(ready, work.run(ready, progress, cancel));
        }, ran -> {
            if (fitted.get() == model && ran.model() != model) {
                fitted.set(ran.model());
            }
            onSuccess.accept(ran.value());
        });
    }

    public void cancel() {
        task.cancel();
    }

    // ---------------------------------------------------------------- export

    /** Asks where, then writes the effect table and the outcome distributions as CSV. */
    public void exportCsv() {
        ScenarioResult shown = result.get();
        if (shown == null) {
            error.set("Run a simulation first.");
            return;
        }
        export(ExportFormat.CSV, shown.scenario() + "-results", file -> ResultsCsv.write(shown, file));
    }

    /** Asks where, then writes the comparison of scenarios as CSV. */
    public void exportComparisonCsv() {
        if (comparison.isEmpty()) {
            error.set("Compare scenarios first.");
            return;
        }
        List<ComparisonRow> rows = List.copyOf(comparison);
        export(ExportFormat.CSV, "scenario-comparison", file -> ResultsCsv.writeComparison(rows, file));
    }

    /** Asks where, then lets {@code writer} write a chart as PNG. */
    public void exportChart(String suggested, ChartWriter writer) {
        if (result.get() == null && comparison.isEmpty()) {
            error.set("Run a simulation first.");
            return;
        }
        export(ExportFormat.PNG, suggested, writer);
    }

    /** Writes a result to a file the analyst chose. */
    @FunctionalInterface
    public interface ChartWriter {
        void write(Path file) throws IOException;
    }

    private void export(ExportFormat format, String suggested, ChartWriter writer) {
        dialogs.chooseExportFile(format, suggested + "." + format.extension(), null).ifPresent(file -> {
            try {
                writer.write(file);
                status.set("Exported " + file.getFileName() + ".");
            } catch (IOException | UncheckedIOException e) {
                dialogs.showError("Cannot export " + file.getFileName(), e.getMessage());
            }
        });
    }

    private <T> void start(String description, ProgressTask.Work<T> work, Consumer<T> onSuccess) {
        error.set("");
        task.start(description, work, onSuccess,
                failure -> error.set(description + " failed: " + ProgressTask.reason(failure)),
                () -> status.set(description + " cancelled."));
    }

    // ---------------------------------------------------------------- properties

    public ProgressTask task() {
        return task;
    }

    /** The scenario being built. */
    public ScenarioDraft draft() {
        return draft;
    }

    public ReadOnlyObjectProperty<Fitted> fittedProperty() {
        return fitted.getReadOnlyProperty();
    }

    /** Why the fitted model no longer matches the graph, data or model kinds; empty while it does. */
    public ReadOnlyStringProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ObservableList<FitRow> getFitRows() {
        return fitRows;
    }

    /** The fitted model's nodes, in the order it samples them. */
    public ObservableList<String> getNodes() {
        return nodes;
    }

    /** The model kinds the analyst set, by node; a node not named is chosen automatically. */
    public ObservableMap<String, ModelChoice> getChoices() {
        return choices;
    }

    public ReadOnlyObjectProperty<ScenarioResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The scenario whose result is shown. */
    public ReadOnlyObjectProperty<Scenario> resultScenarioProperty() {
        return resultScenario.getReadOnlyProperty();
    }

    /** Whether the shown result came from a model other than the one fitted now. */
    public ReadOnlyBooleanProperty resultStaleProperty() {
        return resultStale.getReadOnlyProperty();
    }

    public ObservableList<EffectRow> getEffects() {
        return effects;
    }

    public ObservableList<Scenario> getScenarios() {
        return scenarios;
    }

    /** The latest result of each kept or run scenario, by name. */
    public Map<String, ScenarioResult> results() {
        return results;
    }

    public ObservableList<ComparisonRow> getComparison() {
        return comparison;
    }

    public StringProperty treatmentProperty() {
        return treatment;
    }

    public StringProperty outcomeProperty() {
        return outcome;
    }

    public ObjectProperty<EstimationMethod> methodProperty() {
        return method;
    }

    public ReadOnlyObjectProperty<Estimated> estimatedProperty() {
        return estimated.getReadOnlyProperty();
    }

    /** The data row of the counterfactual, 1 for the first row after the header. */
    public IntegerProperty counterfactualRowProperty() {
        return counterfactualRow;
    }

    public StringProperty counterfactualOutcomeProperty() {
        return counterfactualOutcome;
    }

    /** The counterfactual answer in words, or why there is none. */
    public ReadOnlyStringProperty counterfactualProperty() {
        return counterfactual.getReadOnlyProperty();
    }

    public ObservableList<CounterfactualRow> getCounterfactualChanges() {
        return counterfactualChanges;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What went wrong with the last request, in plain words; empty when nothing did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
