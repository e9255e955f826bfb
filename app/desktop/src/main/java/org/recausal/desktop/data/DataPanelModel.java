package org.recausal.desktop.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.recausal.desktop.canvas.CanvasOverlay;
import org.recausal.desktop.canvas.CanvasOverlay.LegendEntry;
import org.recausal.desktop.task.TaskExecutor;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagChange;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.data.Column;
import org.recausal.engine.data.ColumnSummary;
import org.recausal.engine.data.ImportResult;
import org.recausal.engine.data.JoinReport;
import org.recausal.engine.data.Table;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.mapping.MappingResolver;
import org.recausal.engine.mapping.ResolvedMapping;
import org.recausal.engine.mapping.TypeConflict;
import org.recausal.engine.project.Dataset;
import org.recausal.engine.project.DatasetJoin;
import org.recausal.engine.project.DatasetSource;
import org.recausal.engine.project.DatasetStatus;
import org.recausal.engine.project.Datasets;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectData;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * The data panel's state: the project's datasets and the selected one, its column cards, the column-to-node
 * mapping (resolved anew whenever the graph or an edit changes it), the check of the graph against the data, and
 * the overlay that shows all this on the canvas. Imports, loads, summaries and checks run off the UI thread. A
 * referenced file that moved or changed is never read in place of the data attached: the analyst relinks it,
 * accepts the change, or leaves the dataset unloaded.
 */
public final class DataPanelModel {

    static final String LATENT_BY_DATA = "node-latent-by-data";
    static final String CONFLICT = "node-conflict";
    static final String REJECTED = "node-rejected";
    static final String TESTED = "node-tested";
    static final String GIVEN = "node-given";
    private static final String STOPPED = "Loading was stopped before these data were read; Relink\u2026 loads them.";

    private final DataDialogs dialogs;
    private final TaskExecutor executor;
    private final Executor uiThread;
    private final DataCheckModel check;

    private final ObservableList<DatasetEntry> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<DatasetEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<ColumnFacts> cards = FXCollections.observableArrayList();
    private final ObservableList<ColumnFacts> cardsView = FXCollections.unmodifiableObservableList(cards);
    private final ObservableList<MappingRow> mappingRows = FXCollections.observableArrayList();
    private final ObservableList<MappingRow> mappingRowsView = FXCollections.unmodifiableObservableList(mappingRows);
    private final ObservableList<String> nodesWithoutData = FXCollections.observableArrayList();
    private final ObservableList<String> nodesWithoutDataView =
            FXCollections.unmodifiableObservableList(nodesWithoutData);
    private final ObservableList<String> mappingIssues = FXCollections.observableArrayList();
    private final ObservableList<String> mappingIssuesView = FXCollections.unmodifiableObservableList(mappingIssues);
    private final ObservableList<JoinReport> joinReports = FXCollections.observableArrayList();
    private final ObservableList<JoinReport> joinReportsView = FXCollections.unmodifiableObservableList(joinReports);
    private final ReadOnlyObjectWrapper<CanvasOverlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay",
            CanvasOverlay.NONE);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ProgressTask loadTask;
    private final Map<DatasetEntry, ResolvedMapping> resolved = new HashMap<>();
    private final Consumer<DagChange> dagListener = this::dagChanged;
    /** Relink questions wait their turn, so two moved files never open two dialogs at once. */
    private final Deque<Runnable> questions = new ArrayDeque<>();
    private boolean asking;

    private Project project = new Project("Untitled", new Dag());
    private EditHistory history = new EditHistory(project.dag());
    private Runnable dataChanged = () -> { };
    private Path lastFolder;

    public DataPanelModel(DataDialogs dialogs, TaskExecutor executor, Executor uiThread) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.check = new DataCheckModel(new ProgressTask(executor, uiThread));
        this.loadTask = new ProgressTask(executor, uiThread);
        history.dag().addListener(dagListener);
        selected.addListener((_, _, now) -> selectionChanged(now));
        check.reportProperty().addListener((_, _, _) -> refreshOverlay());
        check.staleProperty().addListener((_, _, _) -> refreshOverlay());
        check.selectedProperty().addListener((_, _, _) -> refreshOverlay());
        check.getRows().addListener((javafx.collections.ListChangeListener<DataCheckModel.Row>) _ -> refreshOverlay());
    }

    // ---------------------------------------------------------------- commands

    /** Runs when the project's data change (a dataset added, removed, relinked, a mapping edited): it is unsaved. */
    public void setOnDataChanged(Runnable onDataChanged) {
        this.dataChanged = Objects.requireNonNull(onDataChanged, "onDataChanged");
    }

    /**
     * Shows another project (new or opened): its graph, and its datasets, each loaded and checked in the
     * background; a referenced file that moved or changed is asked about.
     */
    public void setProject(Project newProject, EditHistory newHistory) {
        history.dag().removeListener(dagListener);
        project = Objects.requireNonNull(newProject, "project");
        history = Objects.requireNonNull(newHistory, "history");
        history.dag().addListener(dagListener);
        loadTask.cancel();
        questions.clear();
        notice.set("");
        check.clear();
        resolved.clear();
        List<DatasetEntry> entries = project.datasets().stream().map(d -> new DatasetEntry(project, d.id())).toList();
        datasets.setAll(entries);
        selected.set(entries.isEmpty() ? null : entries.getFirst());
        refreshMapping();
        loadAll(entries);
    }

    public Project project() {
        return project;
    }

    public Dag dag() {
        return history.dag();
    }

    /** Data > Add dataset…: asks for a file, then shows the import dialog for it. */
    public void addDataset() {
        dialogs.chooseDataFile(lastFolder).ifPresent(this::importFile);
    }

    /** Shows the import dialog for {@code file}; an import the analyst adds becomes a dataset of the project. */
    public void importFile(Path file) {
        lastFolder = file.toAbsolutePath().getParent();
        ImportDialogModel model = new ImportDialogModel(new ProgressTask(executor, uiThread),
                new ProgressTask(executor, uiThread), joinTargets());
        model.fileProperty().set(file);
        dialogs.showImport(model).ifPresent(this::add);
    }

    /** Adds a finished import to the project as a dataset and selects it. */
    public DatasetEntry add(ImportDialogModel.Imported imported) {
        ImportDialogModel.Join join = imported.join();
        Dataset dataset = new Dataset(uniqueId(Dataset.idFor(imported.file().getFileName().toString())),
                imported.name(), imported.source(), imported.options(), imported.columns(),
                ColumnMapping.automatic(),
                join == null ? null : new DatasetJoin(join.target().id(), join.targetKey(), join.key()));
        project.addDataset(dataset);
        DatasetEntry entry = new DatasetEntry(project, dataset.id());
        entry.load(imported.result().table(), imported.result().report());
        datasets.add(entry);
        selected.set(entry);
        afterDataChange();
        summarise(entry);
        return entry;
    }

    /** Takes the dataset out of the project. */
    public void remove(DatasetEntry entry) {
        try {
            project.removeDataset(entry.id());
        } catch (IllegalArgumentException e) {
            dialogs.showError("Cannot remove " + entry.name(), e.getMessage());
            return;
        }
        datasets.remove(entry);
        resolved.remove(entry);
        if (selected.get() == entry) {
            selected.set(datasets.isEmpty() ? null : datasets.getFirst());
        }
        if (datasets.isEmpty()) {
            check.clear();
        }
        afterDataChange();
    }

    /** The mapping editor's choice for a column of the selected dataset. */
    public void chooseNode(String column, NodeChoice choice) {
        DatasetEntry entry = selected.get();
        if (entry == null) {
            return;
        }
        ColumnMapping mapping = entry.mapping();
        entry.update(entry.dataset().withMapping(switch (choice.kind()) {
            case BY_NAME -> mapping.withAutomatic(column);
            case NONE -> mapping.withExcluded(column);
            case NODE -> mapping.withLink(column, choice.node());
        }));
        afterDataChange();
    }

    /** Asks again about a dataset left unloaded: where is its file now, or is the changed file to be used. */
    public void relink(DatasetEntry entry) {
        Dataset dataset = entry.dataset();
        executor.run("check " + entry.name(), () -> Datasets.check(dataset), status -> {
            if (status.ok()) {
                load(entry);
            } else {
                ask(() -> askRelink(entry, status, referencedFile(dataset)));
            }
        }, failure -> entry.unload(message(failure)));
    }

    /** Data > Check the DAG against the data: tests its implications on the loaded tables, in the background. */
    public void runCheck() {
        check.run(history.dag().copy(), loadedData());
    }

    /**
     * The loaded datasets, joined and mapped, for analyses off the UI thread: what is loaded is taken now, on the
     * UI thread; the supplier assembles it wherever it is called.
     */
    public Supplier<ProjectData> loadedData() {
        Project snapshot = loadedSnapshot();
        Map<String, Table> tables = new LinkedHashMap<>();
        datasets.stream().filter(DatasetEntry::loaded).forEach(d -> tables.put(d.id(), d.table()));
        return () -> tablesFor(snapshot, tables);
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<DatasetEntry> getDatasets() {
        return datasets;
    }

    public ObjectProperty<DatasetEntry> selectedProperty() {
        return selected;
    }

    /** The selected dataset's column cards, empty while they are computed. */
    public ObservableList<ColumnFacts> getCards() {
        return cardsView;
    }

    /** The selected dataset's columns with their node choices. */
    public ObservableList<MappingRow> getMappingRows() {
        return mappingRowsView;
    }

    /** Nodes no column of any dataset stands for (latent roles excluded), in graph order. */
    public ObservableList<String> getNodesWithoutData() {
        return nodesWithoutDataView;
    }

    /** Mapping edits that could not be applied, and ambiguous names, for the selected dataset. */
    public ObservableList<String> getMappingIssues() {
        return mappingIssuesView;
    }

    /** How the selected dataset's join matched, once computed. */
    public ObservableList<JoinReport> getJoinReports() {
        return joinReportsView;
    }

    /** The choices a column's node combo offers: by name, none, then every node of the graph. */
    public List<NodeChoice> nodeChoices() {
        List<NodeChoice> choices = new ArrayList<>(List.of(NodeChoice.BY_NAME, NodeChoice.NONE));
        history.dag().names().forEach(n -> choices.add(NodeChoice.node(n)));
        return choices;
    }

    public DataCheckModel check() {
        return check;
    }

    /** Loading a project's datasets: progress and cancel. */
    public ProgressTask loadTask() {
        return loadTask;
    }

    /** What the canvas should show for the data: nodes without data, conflicts, rejected implications. */
    public ReadOnlyObjectProperty<CanvasOverlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** The latest message for the analyst (a load failed, a summary failed). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The resolved mapping of a dataset, or null before it is resolved. */
    public ResolvedMapping resolved(DatasetEntry entry) {
        return resolved.get(entry);
    }

    // ---------------------------------------------------------------- loading and relinking

    /** Loads the datasets one after the other, each checked against its fingerprint as it is read. */
    private void loadAll(List<DatasetEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Dataset> records = entries.stream().map(DatasetEntry::dataset).toList();
        loadTask.start("Loading the project's data", (progress, cancel) -> {
            List<Loaded> loaded = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                loaded.add(Loaded.of(records.get(i), part(progress, i, records.size()), cancel));
            }
            return loaded;
        }, loaded -> {
            for (int i = 0; i < entries.size(); i++) {
                show(entries.get(i), loaded.get(i));
            }
        }, failure -> notice.set("Could not load the project's data: " + message(failure)),
                () -> entries.stream().filter(e -> !e.loaded()).forEach(e -> e.unload(STOPPED)));
    }

    private void load(DatasetEntry entry) {
        Dataset dataset = entry.dataset();
        loadTask.start("Loading " + entry.name(), (progress, cancel) -> Loaded.of(dataset, progress, cancel),
                loaded -> show(entry, loaded), failure -> entry.unload(message(failure)), () -> entry.unload(STOPPED));
    }

    /**
     * A dataset's table read and checked, or why not: the status says whether its file is missing or changed.
     *
     * @param problem why it could not be read, or null
     */
    private record Loaded(ImportResult result, List<ColumnSummary> summaries, List<ColumnInfo> columns,
            DatasetStatus status, String problem) {
        static Loaded of(Dataset dataset, ProgressListener progress, CancellationToken cancel) {
            try {
                ImportResult result = Datasets.load(dataset, progress, cancel);
                return new Loaded(result, summariesOf(result.table()), ColumnInfo.of(result.table()), null, null);
            } catch (org.recausal.engine.data.DataException e) {
                // Datasets.load refuses data that are not the data attached; say what happened to them.
                DatasetStatus status = Datasets.check(dataset);
                return new Loaded(null, null, null, status.ok() ? null : status, e.getMessage());
            }
        }
    }

    private void show(DatasetEntry entry, Loaded loaded) {
        if (!datasets.contains(entry)) {
            return;
        }
        if (loaded.result() != null) {
            entry.load(loaded.result().table(), loaded.result().report());
            entry.summarised(loaded.summaries());
            afterLoad(entry, loaded.columns());
        } else if (loaded.status() != null && entry.dataset().source() instanceof DatasetSource.Referenced r) {
            entry.unload(loaded.status().message());
            ask(() -> askRelink(entry, loaded.status(), r.file()));
        } else {
            entry.unload(loaded.problem());
            notice.set(loaded.problem());
        }
    }

    /**
     * Asks what to do about a referenced file that is missing or changed.
     *
     * @param found the file whose content differs (the referenced one, or one the analyst pointed at)
     */
    private void askRelink(DatasetEntry entry, DatasetStatus status, Path found) {
        boolean changed = status.state() == DatasetStatus.State.CHANGED;
        switch (dialogs.askRelink(entry.name(), status.message(), changed)) {
            case LOCATE -> {
                Path folder = found == null || found.getParent() == null ? lastFolder : found.getParent();
                dialogs.chooseRelinkFile(entry.name(), status.expected().fileName(), folder)
                        .ifPresentOrElse(file -> relinkTo(entry, file, false), () -> leave(entry, status));
            }
            case ACCEPT_CHANGED -> relinkTo(entry, found, true);
            case LEAVE_UNLOADED -> leave(entry, status);
        }
        answered();
    }

    private void relinkTo(DatasetEntry entry, Path file, boolean acceptChanges) {
        Dataset dataset = entry.dataset();
        executor.run("relink " + entry.name(), () -> Datasets.relink(dataset, file, acceptChanges), relink -> {
            if (relink.relinked()) {
                entry.update(relink.dataset());
                afterDataChange();
                load(entry);
            } else {
                // The file chosen holds other data: say how they differ, and ask again.
                ask(() -> askRelink(entry, relink.status(), file));
            }
        }, failure -> {
            dialogs.showError("Cannot relink " + entry.name(), file + ": " + message(failure));
            ask(() -> askRelink(entry, Datasets.check(dataset), referencedFile(dataset)));
        });
    }

    private void leave(DatasetEntry entry, DatasetStatus status) {
        entry.unload(status.message() + " The dataset stays in the project, without data, until it is relinked.");
    }

    private void ask(Runnable question) {
        questions.add(question);
        if (!asking) {
            answered();
        }
    }

    /** Runs the next waiting question, if any. */
    private void answered() {
        Runnable next = questions.poll();
        asking = next != null;
        if (next != null) {
            next.run();
        }
    }

    private static Path referencedFile(Dataset dataset) {
        return dataset.source() instanceof DatasetSource.Referenced r ? r.file() : null;
    }

    // ---------------------------------------------------------------- internals

    private void afterLoad(DatasetEntry entry, List<ColumnInfo> found) {
        // Data accepted as changed may have other columns: the project records the columns it now has.
        if (!found.equals(entry.columns())) {
            entry.update(entry.dataset().withColumns(found));
            afterDataChange();
        }
        if (selected.get() == entry) {
            selectionChanged(entry);
        }
        refreshMapping();
        check.markStale();
    }

    private void afterDataChange() {
        refreshMapping();
        check.markStale();
        dataChanged.run();
    }

    /** Computes the column summaries of a newly imported table off the UI thread. */
    private void summarise(DatasetEntry entry) {
        Table table = entry.table();
        executor.run("summarise " + entry.name(), () -> summariesOf(table), done -> {
            if (entry.table() == table) {
                entry.summarised(done);
                if (selected.get() == entry) {
                    showCards(entry);
                }
            }
        }, failure -> notice.set("Could not summarise " + entry.name() + ": " + message(failure)));
    }

    private static List<ColumnSummary> summariesOf(Table table) {
        List<ColumnSummary> summaries = new ArrayList<>();
        for (Column column : table.columns()) {
            summaries.add(ColumnSummary.of(column));
        }
        return summaries;
    }

    private static ProgressListener part(ProgressListener progress, int index, int count) {
        return (fraction, message) -> progress.progress((index + fraction) / count, message);
    }

    private void selectionChanged(DatasetEntry now) {
        showCards(now);
        showMappingRows();
        showJoinReports(now);
    }

    private void showCards(DatasetEntry entry) {
        List<ColumnSummary> summaries = entry == null ? null : entry.summariesProperty().get();
        cards.setAll(summaries == null ? List.of() : summaries.stream().map(ColumnFacts::of).toList());
    }

    private void showJoinReports(DatasetEntry entry) {
        joinReports.clear();
        if (entry == null || entry.join() == null || !entry.loaded()) {
            return;
        }
        Project snapshot = loadedSnapshot();
        Map<String, Table> tables = new LinkedHashMap<>();
        datasets.stream().filter(DatasetEntry::loaded).forEach(d -> tables.put(d.id(), d.table()));
        executor.run("join " + entry.name(), () -> ProjectData.assemble(snapshot, tables).joins(), reports -> {
            if (selected.get() == entry) {
                joinReports.setAll(reports.stream().filter(r -> r.rightTable().equals(entry.id())).toList());
            }
        }, failure -> notice.set("Cannot join " + entry.name() + ": " + message(failure)));
    }

    /**
     * A copy of the project for work off the UI thread: the graph copied, and the datasets that are loaded (an
     * attribute dataset whose table it joins is not loaded is left out too).
     */
    private Project loadedSnapshot() {
        Project snapshot = new Project(project.name(), history.dag().copy());
        Set<String> loaded = new HashSet<>();
        for (DatasetEntry entry : datasets) {
            DatasetJoin join = entry.join();
            if (entry.loaded() && (join == null || loaded.contains(join.dataset()))) {
                snapshot.addDataset(entry.dataset());
                loaded.add(entry.id());
            }
        }
        return snapshot;
    }

    private static ProjectData tablesFor(Project snapshot, Map<String, Table> tables) {
        Map<String, Table> used = new LinkedHashMap<>();
        snapshot.datasets().forEach(d -> used.put(d.id(), tables.get(d.id())));
        return ProjectData.assemble(snapshot, used);
    }

    private void dagChanged(DagChange change) {
        if (change instanceof DagChange.VariableRenamed renamed) {
            for (DatasetEntry entry : datasets) {
                ColumnMapping followed = entry.mapping().withNodeRenamed(renamed.oldName(), renamed.newName());
                if (!followed.equals(entry.mapping())) {
                    entry.update(entry.dataset().withMapping(followed));
                }
            }
        }
        refreshMapping();
        check.markStale();
    }

    /** Resolves every dataset's mapping against the graph; cheap (names and counted types only). */
    private void refreshMapping() {
        resolved.clear();
        Dag dag = history.dag();
        for (DatasetEntry entry : datasets) {
            resolved.put(entry, MappingResolver.resolve(dag, entry.columns(), entry.mapping()));
        }
        Set<String> mapped = new HashSet<>();
        resolved.values().forEach(r -> r.links().forEach(l -> mapped.add(l.node())));
        nodesWithoutData.setAll(datasets.isEmpty() ? List.of() : dag.variables().stream()
                .filter(v -> v.role() != Role.LATENT && !mapped.contains(v.name())).map(Variable::name).toList());
        showMappingRows();
        refreshOverlay();
    }

    private void showMappingRows() {
        DatasetEntry entry = selected.get();
        ResolvedMapping mapping = entry == null ? null : resolved.get(entry);
        if (mapping == null) {
            mappingRows.clear();
            mappingIssues.clear();
            return;
        }
        List<MappingRow> rows = new ArrayList<>();
        ColumnMapping edits = entry.mapping();
        for (ColumnInfo column : entry.columns()) {
            NodeChoice choice = edits.links().containsKey(column.name())
                    ? NodeChoice.node(edits.links().get(column.name()))
                    : edits.excluded().contains(column.name()) ? NodeChoice.NONE : NodeChoice.BY_NAME;
            String node = mapping.node(column.name()).orElse(null);
            String conflict = mapping.conflicts().stream().filter(c -> c.column().equals(column.name()))
                    .map(TypeConflict::message).findFirst().orElse(null);
            rows.add(new MappingRow(column.name(), column.type(), choice, node, conflict));
        }
        mappingRows.setAll(rows);
        mappingIssues.setAll(mapping.issues());
    }

    /** One style per node: a rejected implication wins over a type conflict, which wins over "no data". */
    private void refreshOverlay() {
        if (datasets.isEmpty()) {
            overlay.set(CanvasOverlay.NONE);
            return;
        }
        Map<String, String> styles = new LinkedHashMap<>();
        nodesWithoutData.forEach(n -> styles.put(n, LATENT_BY_DATA));
        resolved.values().forEach(r -> r.conflicts().forEach(c -> styles.put(c.node(), CONFLICT)));
        boolean checked = check.reportProperty().get() != null && !check.staleProperty().get();
        DataCheckModel.Row focus = checked ? check.selectedProperty().get() : null;
        if (focus != null) {
            focus.implication().given().forEach(n -> styles.put(n, GIVEN));
            String pair = focus.rejected() ? REJECTED : TESTED;
            styles.put(focus.implication().x(), pair);
            styles.put(focus.implication().y(), pair);
        } else if (checked) {
            check.rejectedVariables().forEach(n -> styles.put(n, REJECTED));
        }
        List<LegendEntry> legend = new ArrayList<>();
        addLegend(legend, styles, LATENT_BY_DATA, "No data: latent for this data");
        addLegend(legend, styles, CONFLICT, "Column type does not suit the node");
        addLegend(legend, styles, REJECTED, focus == null ? "In an independence the data reject"
                : "Pair whose independence the data reject");
        addLegend(legend, styles, TESTED, "Pair tested, consistent with the data");
        addLegend(legend, styles, GIVEN, "Conditioned on");
        overlay.set(new CanvasOverlay(Map.of(), styles, legend));
    }

    private static void addLegend(List<LegendEntry> legend, Map<String, String> styles, String style, String text) {
        if (styles.containsValue(style)) {
            legend.add(new LegendEntry(style, text));
        }
    }

    private List<ImportDialogModel.JoinTarget> joinTargets() {
        return datasets.stream().filter(d -> d.join() == null)
                .map(d -> new ImportDialogModel.JoinTarget(d.id(), d.name(),
                        d.columns().stream().map(ColumnInfo::name).toList()))
                .toList();
    }

    private String uniqueId(String base) {
        String id = base;
        for (int n = 2; project.dataset(id).isPresent(); n++) {
            String suffix = "_" + n;
            id = (base.length() + suffix.length() > 64 ? base.substring(0, 64 - suffix.length()) : base) + suffix;
        }
        return id;
    }

    private static String message(Throwable failure) {
        if (failure instanceof IOException io && io.getMessage() == null) {
            return io.getClass().getSimpleName();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
