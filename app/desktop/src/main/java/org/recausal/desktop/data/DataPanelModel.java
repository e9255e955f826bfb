package org.recausal.desktop.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
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
import org.recausal.engine.data.JoinReport;
import org.recausal.engine.data.Table;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.mapping.MappingResolver;
import org.recausal.engine.mapping.ResolvedMapping;
import org.recausal.engine.mapping.TypeConflict;

/**
 * The data panel's state: the project's datasets and the selected one, its column cards, the column-to-node
 * mapping (resolved anew whenever the graph or an edit changes it), the check of the graph against the data, and
 * the overlay that shows all this on the canvas. Imports, summaries and checks run off the UI thread.
 */
public final class DataPanelModel {

    static final String LATENT_BY_DATA = "node-latent-by-data";
    static final String CONFLICT = "node-conflict";
    static final String REJECTED = "node-rejected";
    static final String TESTED = "node-tested";
    static final String GIVEN = "node-given";

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
    private final ObservableList<String> nodesWithoutDataView = FXCollections.unmodifiableObservableList(nodesWithoutData);
    private final ObservableList<String> mappingIssues = FXCollections.observableArrayList();
    private final ObservableList<String> mappingIssuesView = FXCollections.unmodifiableObservableList(mappingIssues);
    private final ObservableList<JoinReport> joinReports = FXCollections.observableArrayList();
    private final ObservableList<JoinReport> joinReportsView = FXCollections.unmodifiableObservableList(joinReports);
    private final ReadOnlyObjectWrapper<CanvasOverlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay",
            CanvasOverlay.NONE);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final Map<DatasetEntry, ResolvedMapping> resolved = new HashMap<>();
    private final Consumer<DagChange> dagListener = this::dagChanged;

    private EditHistory history = new EditHistory(new Dag());
    private Path lastFolder;

    public DataPanelModel(DataDialogs dialogs, TaskExecutor executor, Executor uiThread) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.check = new DataCheckModel(new ProgressTask(executor, uiThread));
        history.dag().addListener(dagListener);
        selected.addListener((_, _, now) -> selectionChanged(now));
        datasets.addListener((ListChangeListener<DatasetEntry>) _ -> {
            refreshMapping();
            check.markStale();
        });
        check.reportProperty().addListener((_, _, _) -> refreshOverlay());
        check.staleProperty().addListener((_, _, _) -> refreshOverlay());
        check.selectedProperty().addListener((_, _, _) -> refreshOverlay());
        check.getRows().addListener((ListChangeListener<DataCheckModel.Row>) _ -> refreshOverlay());
    }

    // ---------------------------------------------------------------- commands

    /** Follows the graph of another project, or the same graph after new/open. */
    public void setHistory(EditHistory newHistory) {
        history.dag().removeListener(dagListener);
        history = Objects.requireNonNull(newHistory, "history");
        history.dag().addListener(dagListener);
        check.clear();
        refreshMapping();
    }

    public Dag dag() {
        return history.dag();
    }

    /** Data > Add dataset…: asks for a file, then shows the import dialog for it. */
    public void addDataset() {
        dialogs.chooseDataFile(lastFolder).ifPresent(this::importFile);
    }

    /** Shows the import dialog for {@code file}; an import the analyst adds becomes a dataset. */
    public void importFile(Path file) {
        lastFolder = file.toAbsolutePath().getParent();
        ImportDialogModel model = new ImportDialogModel(new ProgressTask(executor, uiThread),
                new ProgressTask(executor, uiThread), joinTargets());
        model.fileProperty().set(file);
        dialogs.showImport(model).ifPresent(this::add);
    }

    /** Adds a finished import as a dataset and selects it. */
    public DatasetEntry add(ImportDialogModel.Imported imported) {
        Table table = imported.result().table();
        List<ColumnInfo> columns = table.columns().stream()
                .map(c -> new ColumnInfo(c.name(), c.type(), ColumnInfo.UNCOUNTED)).toList();
        ImportDialogModel.Join join = imported.join();
        DatasetEntry entry = new DatasetEntry(uniqueId(imported.name()), imported.name(), imported.role(),
                imported.storage(), imported.file(), imported.options(),
                join == null ? null : new DatasetEntry.Join(join.target().id(), join.key(), join.targetKey()), columns);
        entry.load(table, imported.result().report());
        entry.mappingProperty().addListener((_, _, _) -> {
            refreshMapping();
            check.markStale();
        });
        datasets.add(entry);
        selected.set(entry);
        summarise(entry);
        return entry;
    }

    /** Takes the dataset out of the project; datasets joined onto it stand alone afterwards. */
    public void remove(DatasetEntry entry) {
        datasets.remove(entry);
        resolved.remove(entry);
        if (selected.get() == entry) {
            selected.set(datasets.isEmpty() ? null : datasets.getFirst());
        }
        if (datasets.isEmpty()) {
            check.clear();
        }
    }

    /** The mapping editor's choice for a column of the selected dataset. */
    public void chooseNode(String column, NodeChoice choice) {
        DatasetEntry entry = selected.get();
        if (entry == null) {
            return;
        }
        ColumnMapping mapping = entry.mapping();
        entry.mappingProperty().set(switch (choice.kind()) {
            case BY_NAME -> mapping.withAutomatic(column);
            case NONE -> mapping.withExcluded(column);
            case NODE -> mapping.withLink(column, choice.node());
        });
    }

    /** Data > Check the DAG against the data: tests its implications on the loaded tables, in the background. */
    public void runCheck() {
        List<AnalysisTables.Source> sources = AnalysisTables.Source.of(datasets);
        Dag snapshot = history.dag().copy();
        check.run(snapshot, () -> AnalysisTables.mapped(snapshot, sources));
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

    /** How the selected dataset's joins matched, once computed. */
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

    /** What the canvas should show for the data: nodes without data, conflicts, rejected implications. */
    public ReadOnlyObjectProperty<CanvasOverlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** The latest message for the analyst (an import added, a summary failed). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The resolved mapping of a dataset, or null before it is resolved. */
    public ResolvedMapping resolved(DatasetEntry entry) {
        return resolved.get(entry);
    }

    // ---------------------------------------------------------------- internals

    private record Summaries(List<ColumnSummary> summaries, List<ColumnInfo> columns) {
    }

    /** Computes the column summaries and counted column facts of a newly loaded table off the UI thread. */
    private void summarise(DatasetEntry entry) {
        Table table = entry.table();
        executor.run("summarise " + entry.name(), () -> {
            List<ColumnSummary> summaries = new ArrayList<>();
            List<ColumnInfo> columns = new ArrayList<>();
            for (Column column : table.columns()) {
                summaries.add(ColumnSummary.of(column));
                columns.add(ColumnInfo.of(column));
            }
            return new Summaries(summaries, columns);
        }, done -> {
            if (entry.table() == table) {
                entry.summarised(done.summaries(), done.columns());
                if (selected.get() == entry) {
                    showCards(entry);
                }
                refreshMapping();
            }
        }, failure -> notice.set("Could not summarise " + entry.name() + ": " + failure.getMessage()));
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
        List<AnalysisTables.Source> sources = AnalysisTables.Source.of(datasets);
        executor.run("join " + entry.name(), () -> AnalysisTables.build(sources).stream()
                .flatMap(t -> t.reports().stream()).toList(), reports -> {
                    if (selected.get() == entry) {
                        joinReports.setAll(reports.stream().filter(r -> r.rightTable().equals(entry.table().name()))
                                .toList());
                    }
                }, failure -> notice.set("Cannot join " + entry.name() + ": " + failure.getMessage()));
    }

    private void dagChanged(DagChange change) {
        if (change instanceof DagChange.VariableRenamed renamed) {
            for (DatasetEntry entry : datasets) {
                entry.mappingProperty().set(entry.mapping().withNodeRenamed(renamed.oldName(), renamed.newName()));
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
        Set<String> mapped = new java.util.HashSet<>();
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
        for (ColumnInfo column : entry.columns()) {
            ColumnMapping edits = entry.mapping();
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

    private String uniqueId(String name) {
        String base = name.replaceAll("[^A-Za-z0-9_.-]+", "_").replaceAll("^[^A-Za-z0-9]+", "");
        base = base.isEmpty() ? "data" : base.length() > 60 ? base.substring(0, 60) : base;
        String id = base;
        for (int n = 2; idTaken(id); n++) {
            id = base + "_" + n;
        }
        return id;
    }

    private boolean idTaken(String id) {
        return datasets.stream().anyMatch(d -> d.id().equals(id));
    }
}
