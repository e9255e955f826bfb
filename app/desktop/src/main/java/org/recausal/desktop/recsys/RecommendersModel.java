package org.recausal.desktop.recsys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.recausal.desktop.data.ProgressTask;
import org.recausal.desktop.dialog.ExportFormat;
import org.recausal.desktop.task.TaskExecutor;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.StoredRecommender;
import org.recausal.engine.recsys.Parallel;
import org.recausal.engine.recsys.metrics.EvaluationReport;
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.EpochReport;

/**
 * The Recommenders panel's state: the trained models, the selected one's evaluation as table rows, the training
 * curve (live while a run goes on), and the commands: train through the Train dialog, cancel, resume a stopped
 * run, export the plots, remove, and move models to and from model files. The list is the project's: models trained here are kept in
 * it and come back with it, curves and report included. Training runs off the UI thread as one cancellable task;
 * each finished epoch reaches the curve on the UI thread.
 */
public final class RecommendersModel {
    private final Supplier<List<DatasetTable>> data;
    private final Supplier<CausalData> causal;
    private final RecsysDialogs dialogs;
    private final TaskExecutor files;
    private final Executor uiThread;
    private final ProgressTask task;
    private final TrainingRun run;

    private final ObservableList<TrainedRecommender> models = FXCollections.observableArrayList();
    private final ObjectProperty<TrainedRecommender> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<EpochReport> curve = FXCollections.observableArrayList();
    private final ObservableList<MetricRow> metricRows = FXCollections.observableArrayList();
    private final ObservableList<GroupRow> groupRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper curveTitle = new ReadOnlyStringWrapper(this, "curveTitle", "");
    private final ReadOnlyObjectWrapper<ModelKind> curveKind = new ReadOnlyObjectWrapper<>(this, "curveKind");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Train a recommender on an interaction log of the project.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    /** Counts runs (UI thread only), so the epochs of a superseded run never reach the curve. */
    private long runs;
    private Runnable modelsChanged = () -> { };
    /** The project the list is kept in, or null before one is shown; and each listed model's record in it. */
    private Project project;
    private final Map<TrainedRecommender, StoredRecommender> records = new IdentityHashMap<>();

    /**
     * @param data     the project's loaded datasets, asked on the UI thread when the analyst trains
     * @param causal   the graph and the joined data, for propensities from the DAG; asked when training starts
     * @param training runs training off the UI thread
     * @param files    reads and writes model files off the UI thread (not behind a training run)
     * @param uiThread hands progress and epochs to the UI thread ({@code Platform::runLater} in the app)
     */
    public RecommendersModel(Supplier<List<DatasetTable>> data, Supplier<CausalData> causal, RecsysDialogs dialogs,
            TaskExecutor training, TaskExecutor files, Executor uiThread) {
        this.data = Objects.requireNonNull(data, "data");
        this.causal = Objects.requireNonNull(causal, "causal");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.files = Objects.requireNonNull(files, "files");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.task = new ProgressTask(training, uiThread);
        this.run = new TrainingRun(Parallel.defaultThreads());
        selected.addListener((_, _, now) -> show(now));
    }

    /** Runs when the list of models changes (trained, resumed, removed, opened). */
    public void setOnModelsChanged(Runnable onModelsChanged) {
        this.modelsChanged = Objects.requireNonNull(onModelsChanged, "onModelsChanged");
    }

    // ---------------------------------------------------------------- commands

    /** Recommenders > Train…: the Train dialog on the project's loaded datasets, then training in the background. */
    public void train() {
        error.set("");
        dialogs.showTrain(new TrainDialogModel(data.get(), causal.get().dag())).ifPresent(this::train);
    }

    /** Trains a new model with {@code settings}. */
    public void train(TrainSettings settings) {
        DatasetTable table = table(settings.dataset());
        if (table == null) {
            return;
        }
        String name = uniqueName(settings.kind().shortName() + " on " + table.name());
        start(name, settings, table, null);
    }

    /** Continues the selected stopped run from its last finished epoch. */
    public void resume() {
        TrainedRecommender stopped = selected.get();
        if (stopped == null || !stopped.stopped()) {
            error.set("Select a stopped run to resume.");
            return;
        }
        DatasetTable table = table(stopped.settings().dataset());
        if (table != null) {
            start(stopped.name(), stopped.settings(), table, stopped);
        }
    }

    public void cancel() {
        task.cancel();
    }

    /** Takes the model out of the list (and so out of the project). */
    public void remove(TrainedRecommender model) {
        if (model != null && models.remove(model)) {
            if (selected.get() == model) {
                selected.set(models.isEmpty() ? null : models.getLast());
            }
            changed();
        }
    }

    /** Asks where, then writes the selected model as a model file the command line reads too. */
    public void exportSelected() {
        TrainedRecommender model = selected.get();
        if (model == null) {
            error.set("Select a model to export.");
            return;
        }
        dialogs.chooseModelToSave(model.name().replaceAll("[^\\w.-]+", "-") + "." + RecsysDialogs.MODEL_EXTENSION)
                .ifPresent(file -> files.run("Writing " + file.getFileName(), () -> {
                    ModelFile.write(file, model.toStored());
                    return file;
                }, done -> status.set("Wrote " + done.getFileName() + "."),
                        failure -> dialogs.showError("Cannot write " + file.getFileName(),
                                ProgressTask.reason(failure))));
    }

    /** Writes a picture or the numbers of plots the panel shows. */
    @FunctionalInterface
    public interface PlotWriter {
        void write(Path file) throws IOException;
    }

    /**
     * Asks where, then writes plots of the selected model (or of the run going on) as {@code format}, named after the
     * model and {@code what}; writing happens on the calling thread, where a picture is taken.
     */
    public void exportPlots(ExportFormat format, String what, PlotWriter writer) {
        error.set("");
        String model = curveTitle.get().isEmpty() ? "recommender" : curveTitle.get();
        dialogs.chooseExportFile(format, (model + " " + what).replaceAll("[^\\w.-]+", "-") + "." + format.extension())
                .ifPresent(file -> {
                    try {
                        writer.write(file);
                        status.set("Exported " + file.getFileName() + ".");
                    } catch (IOException | UncheckedIOException e) {
                        dialogs.showError("Cannot export " + file.getFileName(), ProgressTask.reason(e));
                    }
                });
    }

    /** Asks for a model file and adds its model, with the curves and report it was saved with. */
    public void open() {
        dialogs.chooseModelToOpen().ifPresent(this::open);
    }

    public void open(Path file) {
        String fallback = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        files.run("Reading " + file.getFileName(), () -> TrainedRecommender.of(ModelFile.read(file), fallback),
                model -> {
                    add(new TrainedRecommender(uniqueName(model.name()), model.settings(), model.stored(),
                            model.epochs(), model.report()));
                    status.set("Opened " + file.getFileName() + ".");
                }, failure -> dialogs.showError("Cannot open " + file.getFileName(), ProgressTask.reason(failure)));
    }

    /**
     * Shows another project's trained models, read from it without retraining, and keeps the project's list in step
     * with the panel's from now on. A run still going on for the previous project is dropped.
     */
    public void setProject(Project shown) {
        task.cancel();
        runs++;
        project = Objects.requireNonNull(shown, "project");
        records.clear();
        List<TrainedRecommender> loaded = new ArrayList<>();
        for (StoredRecommender stored : shown.recommenders()) {
            TrainedRecommender model = TrainedRecommender.of(stored.model(), stored.name());
            records.put(model, stored);
            loaded.add(model);
        }
        models.setAll(loaded);
        selected.set(loaded.isEmpty() ? null : loaded.getFirst());
        show(selected.get());
    }

    /** Whether the dataset the model was trained on left the project or changed since. */
    public boolean stale(TrainedRecommender model) {
        StoredRecommender record = records.get(model);
        return project != null && record != null && record.isStale(project);
    }

    private void start(String name, TrainSettings settings, DatasetTable table, TrainedRecommender resume) {
        error.set("");
        long mine = ++runs;
        curveKind.set(settings.kind());
        curve.setAll(resume == null ? List.of() : resume.epochs());
        curveTitle.set(name);
        String what = (resume == null ? "Training " : "Resuming ") + name;
        CausalData inputs = causal.get();
        task.start(what, (progress, cancel) -> run.run(name, settings, table.table(), inputs, resume,
                epoch -> uiThread.execute(() -> {
                    if (mine == runs) {
                        curve.add(epoch);
                    }
                }), progress, cancel), trained -> {
                    // A run of a project no longer shown (another was opened meanwhile) is dropped.
                    if (mine == runs) {
                        finished(name, resume, trained);
                    }
                }, failure -> {
                    if (mine == runs) {
                        error.set(what + " failed: " + ProgressTask.reason(failure));
                    }
                }, () -> {
                    if (mine == runs) {
                        status.set(what + " cancelled before its first epoch ended.");
                        show(selected.get());
                    }
                });
    }

    private void finished(String name, TrainedRecommender resume, TrainedRecommender trained) {
        if (resume != null && models.contains(resume)) {
            models.set(models.indexOf(resume), trained);
            selected.set(trained);
            changed();
        } else {
            add(trained);
        }
        status.set(trained.stopped() ? "Stopped " + name + " after epoch " + trained.epochsDone()
                + "; Resume continues it." : "Trained " + name + ".");
    }

    private void add(TrainedRecommender model) {
        models.add(model);
        selected.set(model);
        changed();
    }

    /** Puts the list into the project, each model under an id made from its name, and reports the change. */
    private void changed() {
        if (project != null) {
            project.recommenders().forEach(r -> project.removeRecommender(r.id()));
            for (TrainedRecommender model : models) {
                StoredRecommender record = records.computeIfAbsent(model, this::record);
                project.addRecommender(record);
            }
            records.keySet().retainAll(models);
        }
        modelsChanged.run();
    }

    private StoredRecommender record(TrainedRecommender model) {
        String base = model.name().replaceAll("[^A-Za-z0-9_.-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        base = base.isEmpty() ? "model" : base.substring(0, Math.min(56, base.length()));
        String id = base;
        for (int n = 2; project.recommender(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        StoredRecommender.TrainedOn trainedOn = model.settings() == null ? null
                : project.dataset(model.settings().dataset()).map(StoredRecommender.TrainedOn::of).orElse(null);
        return new StoredRecommender(id, model.name(), model.toStored(), trainedOn);
    }

    private DatasetTable table(String id) {
        DatasetTable table = data.get().stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
        if (table == null) {
            error.set("The dataset '" + id + "' is not loaded; attach or relink it in the data panel.");
        }
        return table;
    }

    private String uniqueName(String base) {
        String name = base;
        for (int n = 2; nameTaken(name); n++) {
            name = base + " #" + n;
        }
        return name;
    }

    private boolean nameTaken(String name) {
        return models.stream().anyMatch(m -> m.name().equals(name));
    }

    /** The selected model's curve and evaluation, unless a run's live curve is on show. */
    private void show(TrainedRecommender model) {
        if (!task.isRunning()) {
            curveKind.set(model == null ? null : model.kind());
            curve.setAll(model == null ? List.of() : model.epochs());
            curveTitle.set(model == null ? "" : model.name());
        }
        metricRows.setAll(model == null || model.report() == null ? List.of() : metricRows(model.report()));
        groupRows.setAll(model == null || model.report() == null ? List.of() : groupRows(model.report()));
    }

    static List<MetricRow> metricRows(ModelReport report) {
        EvaluationReport sampled = report.ranking().get("sampled100");
        EvaluationReport full = report.ranking().get("full");
        List<MetricRow> rows = new ArrayList<>();
        for (String metric : full.metrics().keySet()) {
            rows.add(new MetricRow(metric, number(sampled.metrics().get(metric)), number(full.metrics().get(metric))));
        }
        for (Map.Entry<String, Double> e : report.catalogue().entrySet()) {
            rows.add(new MetricRow(catalogueLabel(e.getKey()), "", number(e.getValue())));
        }
        for (Map.Entry<String, Double> e : report.ratings().entrySet()) {
            rows.add(new MetricRow(e.getKey() + " (test ratings)", "", number(e.getValue())));
        }
        return rows;
    }

    static List<GroupRow> groupRows(ModelReport report) {
        EvaluationReport sampled = report.ranking().get("sampled100");
        EvaluationReport full = report.ranking().get("full");
        List<GroupRow> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> e : full.groups().entrySet()) {
            Map<String, Double> s = sampled.groups().getOrDefault(e.getKey(), Map.of());
            Map<String, Double> f = e.getValue();
            rows.add(new GroupRow(e.getKey(), String.format(Locale.ROOT, "%.0f", f.get("users")), number(s.get("HR@10")),
                    number(s.get("NDCG@10")), number(f.get("HR@10")), number(f.get("NDCG@10"))));
        }
        return rows;
    }

    private static String catalogueLabel(String metric) {
        return switch (metric) {
            case "MeanPopularity@10" -> "Mean popularity of top-10 items";
            case "ConsumedPopularity" -> "Mean popularity of consumed items";
            case "Coverage@10" -> "Catalogue coverage@10";
            case "Gini@10" -> "Gini of top-10 recommendations";
            default -> metric;
        };
    }

    private static String number(Double value) {
        if (value == null || value.isNaN()) {
            return "–";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.4f", value);
    }


    // ---------------------------------------------------------------- properties

    public ProgressTask task() {
        return task;
    }

    public ObservableList<TrainedRecommender> getModels() {
        return models;
    }

    public ObjectProperty<TrainedRecommender> selectedProperty() {
        return selected;
    }

    /** The epochs of the run going on, else of the selected model. */
    public ObservableList<EpochReport> getCurve() {
        return curve;
    }

    /** The kind of model the curve belongs to, which names its loss and validation metric; null when unknown. */
    public ReadOnlyObjectProperty<ModelKind> curveKindProperty() {
        return curveKind.getReadOnlyProperty();
    }

    /** Which model the curve belongs to. */
    public ReadOnlyStringProperty curveTitleProperty() {
        return curveTitle.getReadOnlyProperty();
    }

    public ObservableList<MetricRow> getMetricRows() {
        return metricRows;
    }

    public ObservableList<GroupRow> getGroupRows() {
        return groupRows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What went wrong with the last request, in plain words; empty when nothing did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
