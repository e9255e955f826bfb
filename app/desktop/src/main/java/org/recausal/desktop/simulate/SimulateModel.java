package org.recausal.desktop.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.IntegerProperty;
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

import org.recausal.desktop.data.ProgressTask;
import org.recausal.desktop.dialog.DialogService;
import org.recausal.desktop.dialog.ExportFormat;
import org.recausal.desktop.task.TaskExecutor;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.estimate.AdjustmentEstimator;
import org.recausal.engine.estimate.EffectEstimate;
import org.recausal.engine.estimate.EstimationMethod;
import org.recausal.engine.estimate.Identification;
import org.recausal.engine.estimate.InterventionEffects;
import org.recausal.engine.estimate.Refutation;
import org.recausal.engine.estimate.Refuters;
import org.recausal.engine.estimate.ScenarioResult;
import org.recausal.engine.project.ModelData;
import org.recausal.engine.project.ProjectData;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmFitter;
import org.recausal.engine.scm.Scenario;
import org.recausal.engine.scm.TableBinding;
import org.recausal.engine.task.ProgressListener;

/**
 * The Simulate panel's state: fits a structural causal model to the project's data, collects interventions
 * (do(X = x) or X += d) and outcomes into a scenario, runs it with bootstrap intervals, and estimates one
 * treatment's effect by adjustment with its refutations. All work runs in one cancellable {@link ProgressTask}.
 * Scenarios the analyst names are kept for the session.
 */
public final class SimulateModel {

    /** How an intervention on the picked node changes it. */
    public enum Kind {
        SET("do(X = x)"), SHIFT("shift X += d");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * What the model is fitted to, taken on the UI thread: a copy of the graph and the assembly of the data,
     * which runs off it.
     */
    public record Inputs(Dag dag, Supplier<ProjectData> data) {
    }

    /** A fitted model with the rows it was fitted to. */
    public record Fitted(FittedScm scm, Observations data, int droppedRows, Dag dag) {
    }

    /** An estimate by adjustment and the verdicts of the checks that tried to refute it. */
    public record Estimated(EffectEstimate estimate, List<Refutation> refutations) {
    }

    private static final int REFUTER_SIMULATIONS = 10;

    private final Supplier<Inputs> inputs;
    private final DialogService dialogs;
    private final ProgressTask task;

    private final ReadOnlyObjectWrapper<Fitted> fitted = new ReadOnlyObjectWrapper<>(this, "fitted");
    private final ObservableList<FitRow> fitRows = FXCollections.observableArrayList();
    private final ObservableList<String> nodes = FXCollections.observableArrayList();
    private final StringProperty node = new SimpleStringProperty(this, "node");
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.SET);
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final ObservableList<Intervention> interventions = FXCollections.observableArrayList();
    private final ObservableList<String> outcomes = FXCollections.observableArrayList();
    private final IntegerProperty samples = new SimpleIntegerProperty(this, "samples", 20_000);
    private final IntegerProperty replicates = new SimpleIntegerProperty(this, "replicates", 30);
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 1);
    private final ReadOnlyObjectWrapper<ScenarioResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<EffectRow> effects = FXCollections.observableArrayList();
    private final StringProperty treatment = new SimpleStringProperty(this, "treatment");
    private final StringProperty outcome = new SimpleStringProperty(this, "outcome");
    private final ObjectProperty<EstimationMethod> method = new SimpleObjectProperty<>(this, "method",
            EstimationMethod.AIPW);
    private final ReadOnlyObjectWrapper<Estimated> estimated = new ReadOnlyObjectWrapper<>(this, "estimated");
    private final StringProperty scenarioName = new SimpleStringProperty(this, "scenarioName", "");
    private final ObservableList<Scenario> scenarios = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Fit the model to the attached data to start.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * @param inputs   the graph and data to fit, asked on the UI thread when the analyst fits
     * @param executor runs the work off the UI thread
     * @param uiThread hands progress to the UI thread ({@code Platform::runLater} in the app)
     */
    public SimulateModel(Supplier<Inputs> inputs, DialogService dialogs, TaskExecutor executor, Executor uiThread) {
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.task = new ProgressTask(executor, uiThread);
    }

    /** Fits every node's mechanism to the data (model kinds chosen by cross-validation), in the background. */
    public void fit() {
        Inputs given = inputs.get();
        FitOptions options = FitOptions.defaults().withSeed(seed.get());
        start("Fitting the model", (progress, cancel) -> {
            TableBinding.Bound bound = ModelData.bind(given.dag(), given.data().get());
            FittedScm scm = ScmFitter.fit(given.dag(), bound.observations(), options, progress, cancel);
            return new Fitted(scm, bound.observations(), bound.droppedRows(), given.dag());
        }, done -> {
            fitted.set(done);
            fitRows.setAll(done.scm().fits().stream().map(FitRow::of).toList());
            List<String> names = done.scm().fits().stream().map(f -> f.node()).toList();
            nodes.setAll(names);
            interventions.removeIf(i -> !names.contains(i.node()));
            outcomes.removeIf(o -> !names.contains(o));
            status.set("Fitted to " + done.data().rows() + " rows"
                    + (done.droppedRows() > 0 ? " (" + done.droppedRows() + " with missing values left out)" : "")
                    + ".");
        });
    }

    /** Adds the intervention the editor describes (node, kind, value), replacing one on the same node. */
    public void addIntervention() {
        error.set("");
        String target = node.get();
        if (target == null || target.isBlank()) {
            error.set("Pick a node to intervene on: click it on the canvas or choose it.");
            return;
        }
        String given = value.get() == null ? "" : value.get().strip();
        Intervention intervention;
        try {
            intervention = Intervention.parse(target + (kind.get() == Kind.SET ? "=" : "+=") + given);
        } catch (IllegalArgumentException e) {
            error.set("Intervention on " + target + ": " + e.getMessage());
            return;
        }
        interventions.removeIf(i -> i.node().equals(target));
        interventions.add(intervention);
    }

    /** Runs the interventions against the world as it is, with bootstrap intervals, in the background. */
    public void simulate() {
        error.set("");
        Fitted model = fitted.get();
        if (model == null) {
            error.set("Fit the model first.");
            return;
        }
        if (interventions.isEmpty() || outcomes.isEmpty()) {
            error.set("Add at least one intervention and choose at least one outcome.");
            return;
        }
        Scenario scenario = scenario(scenarioName.get().isBlank() ? "scenario" : scenarioName.get().strip());
        int b = replicates.get();
        start("Simulating " + scenario.name(), (progress, cancel) -> InterventionEffects.run(model.scm(),
                model.data(), scenario, b, 0.95, progress, cancel), done -> {
                    result.set(done);
                    effects.setAll(done.effects().stream().map(EffectRow::of).toList());
                    status.set("Simulated " + done.samples() + " units per world, " + done.replicates()
                            + " bootstrap refits.");
                });
    }

    /** Estimates the treatment's average effect on the outcome by adjustment, then tries to refute it. */
    public void estimate() {
        error.set("");
        Fitted model = fitted.get();
        String t = treatment.get();
        String y = outcome.get();
        if (model == null || t == null || y == null) {
            error.set("Fit the model, then choose a treatment and an outcome.");
            return;
        }
        AdjustmentEstimator.Settings settings = AdjustmentEstimator.Settings.of(method.get()).withSeed(seed.get());
        start("Estimating the effect of " + t + " on " + y, (progress, cancel) -> {
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

    public void cancel() {
        task.cancel();
    }

    /** Keeps the current interventions and outcomes under the scenario name, replacing one of that name. */
    public void saveScenario() {
        error.set("");
        String name = scenarioName.get() == null ? "" : scenarioName.get().strip();
        if (name.isEmpty()) {
            error.set("Name the scenario to keep it.");
            return;
        }
        if (outcomes.isEmpty()) {
            error.set("Choose at least one outcome before keeping the scenario.");
            return;
        }
        Scenario kept = scenario(name);
        scenarios.removeIf(s -> s.name().equals(name));
        scenarios.add(kept);
    }

    /** Brings a kept scenario back into the editor. */
    public void restore(Scenario scenario) {
        scenarioName.set(scenario.name());
        interventions.setAll(scenario.interventions());
        outcomes.setAll(scenario.outcomes());
        samples.set(scenario.samples());
        seed.set((int) scenario.seed());
    }

    /** Asks where, then writes the effect table and the outcome distributions as CSV. */
    public void exportCsv() {
        ScenarioResult shown = result.get();
        if (shown == null) {
            error.set("Run a simulation first.");
            return;
        }
        export(ExportFormat.CSV, shown.scenario() + "-results", file -> ResultsCsv.write(shown, file));
    }

    /** Asks where, then lets {@code writer} write the chart as PNG. */
    public void exportChart(ChartWriter writer) {
        ScenarioResult shown = result.get();
        if (shown == null) {
            error.set("Run a simulation first.");
            return;
        }
        export(ExportFormat.PNG, shown.scenario() + "-chart", writer);
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

    private Scenario scenario(String name) {
        return new Scenario(name, new ArrayList<>(interventions), List.of(), new ArrayList<>(outcomes), null,
                samples.get(), seed.get());
    }

    private <T> void start(String description, ProgressTask.Work<T> work, Consumer<T> onSuccess) {
        error.set("");
        task.start(description, work, onSuccess, failure -> error.set(description + " failed: "
                + (failure.getMessage() == null ? failure.toString() : failure.getMessage())),
                () -> status.set(description + " cancelled."));
    }

    // ---------------------------------------------------------------- properties

    public ProgressTask task() {
        return task;
    }

    public ReadOnlyObjectProperty<Fitted> fittedProperty() {
        return fitted.getReadOnlyProperty();
    }

    public ObservableList<FitRow> getFitRows() {
        return fitRows;
    }

    /** The fitted model's nodes, in the order it samples them. */
    public ObservableList<String> getNodes() {
        return nodes;
    }

    /** The node the intervention editor works on (the canvas selection follows into it). */
    public StringProperty nodeProperty() {
        return node;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    /** The value to set, or the shift, as typed. */
    public StringProperty valueProperty() {
        return value;
    }

    public ObservableList<Intervention> getInterventions() {
        return interventions;
    }

    public ObservableList<String> getOutcomes() {
        return outcomes;
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    public IntegerProperty replicatesProperty() {
        return replicates;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public ReadOnlyObjectProperty<ScenarioResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObservableList<EffectRow> getEffects() {
        return effects;
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

    public StringProperty scenarioNameProperty() {
        return scenarioName;
    }

    public ObservableList<Scenario> getScenarios() {
        return scenarios;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What went wrong with the last request, in plain words; empty when nothing did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
