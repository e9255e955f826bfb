package org.recausal.desktop.data;

import java.util.List;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.recausal.desktop.canvas.CanvasDock;
import org.recausal.desktop.canvas.DagCanvas;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.data.ImportProblem;
import org.recausal.engine.data.ImportReport;
import org.recausal.engine.data.JoinReport;
import org.recausal.engine.data.Table;
import org.recausal.engine.independence.DataCheck;
import org.recausal.engine.project.Project;

/** Binds {@code data-panel.fxml} to a {@link DataPanelModel}. */
public final class DataPanelController {
    /** Data marks (no data, type conflicts, rejected pairs) lie under the query panel's paths. */
    static final int OVERLAY_LEVEL = 1;


    private static final PseudoClass REJECTED = PseudoClass.getPseudoClass("rejected");
    private static final List<Double> LEVELS = List.of(0.001, 0.01, 0.05, 0.1);

    /** Share of the window's height the panel takes when it opens. */
    private static final double PANEL_SHARE = 0.42;

    private final DataPanelModel model;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private DatasetEntry shownEntry;
    private final javafx.beans.InvalidationListener tableListener = _ -> showTable(shownEntry);

    @FXML private BorderPane root;
    @FXML private ComboBox<DatasetEntry> datasetBox;
    @FXML private Label datasetInfo;
    @FXML private HBox loadProgressBox;
    @FXML private ProgressBar loadProgress;
    @FXML private Label loadProgressLabel;
    @FXML private Label noticeLabel;
    @FXML private Button relinkButton;
    @FXML private Button removeButton;
    @FXML private TabPane tabs;
    @FXML private Tab tableTab;
    @FXML private Tab problemsTab;
    @FXML private Tab mappingTab;
    @FXML private Tab checkTab;
    @FXML private TableGrid grid;
    @FXML private Label unloadedLabel;
    @FXML private FlowPane cardBox;
    @FXML private Label datasetProblemSummary;
    @FXML private Label joinSummary;
    @FXML private TableView<ImportProblem> datasetProblems;
    @FXML private TableView<MappingRow> mappingTable;
    @FXML private ListView<String> withoutDataList;
    @FXML private Label mappingIssues;
    @FXML private Button checkButton;
    @FXML private ChoiceBox<Double> alphaBox;
    @FXML private ChoiceBox<DataCheck.Adjustment> adjustmentBox;
    @FXML private CheckBox onePerPairBox;
    @FXML private HBox checkProgressBox;
    @FXML private ProgressBar checkProgress;
    @FXML private Label checkProgressLabel;
    @FXML private Label checkSummary;
    @FXML private Label checkStale;
    @FXML private Label checkError;
    @FXML private Label checkIssues;
    @FXML private TableView<DataCheckModel.Row> checkTable;
    @FXML private Label skippedHeading;
    @FXML private ListView<DataCheck.Skipped> skippedList;
    @FXML private VBox emptyPage;

    public DataPanelController(DataPanelModel model) {
        this.model = model;
    }

    public DataPanelModel model() {
        return model;
    }

    /** Shows the check's tab (after Data > Check the DAG against the data). */
    public void showCheck() {
        shown.set(true);
        tabs.getSelectionModel().select(checkTab);
    }

    /** Whether the panel is on screen, under the canvas; it opens by itself when a dataset is added. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /**
     * Wires the panel into the main window: it follows the open project and its graph, shows its overlay on the
     * canvas, tells {@code dataChanged} when the project's data change, and sits under the canvas in {@code split}
     * while shown.
     */
    public void attach(DagCanvas canvas, SplitPane split, ObservableValue<Project> project,
            ObservableValue<EditHistory> history, Runnable dataChanged) {
        canvas.getStylesheets().add(ImportDialog.stylesheet());
        canvas.setOverlay(OVERLAY_LEVEL, model.overlayProperty().get());
        model.overlayProperty().addListener((_, _, overlay) -> canvas.setOverlay(OVERLAY_LEVEL, overlay));
        model.setOnDataChanged(dataChanged);
        // A new or opened project sets its project first, then its history.
        model.setProject(project.getValue(), history.getValue());
        history.addListener((_, _, now) -> model.setProject(project.getValue(), now));
        CanvasDock.dock(root, split, canvas, shown, PANEL_SHARE);
        model.getDatasets().addListener((ListChangeListener<DatasetEntry>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    shown.set(true);
                }
            }
        });
    }

    @FXML
    private void initialize() {
        bindDatasets();
        bindTable();
        bindProblems();
        bindMapping();
        bindCheck();
    }

    private void bindDatasets() {
        datasetBox.setItems(model.getDatasets());
        datasetBox.valueProperty().bindBidirectional(model.selectedProperty());
        emptyPage.visibleProperty().bind(Bindings.isEmpty(model.getDatasets()));
        tabs.visibleProperty().bind(emptyPage.visibleProperty().not());
        removeButton.disableProperty().bind(model.selectedProperty().isNull());
        relinkButton.setVisible(false);
        relinkButton.managedProperty().bind(relinkButton.visibleProperty());
        model.selectedProperty().addListener((_, _, entry) -> showDataset(entry));
        showDataset(model.selectedProperty().get());
        loadProgressBox.visibleProperty().bind(model.loadTask().runningProperty());
        loadProgressBox.managedProperty().bind(loadProgressBox.visibleProperty());
        loadProgress.progressProperty().bind(model.loadTask().progressProperty());
        loadProgressLabel.textProperty().bind(model.loadTask().messageProperty());
        noticeLabel.textProperty().bind(model.noticeProperty());
        noticeLabel.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        noticeLabel.managedProperty().bind(noticeLabel.visibleProperty());
        // Both give way to the header's buttons when the panel is narrow: their whole text on hover.
        for (Label cut : List.of(datasetInfo, noticeLabel)) {
            Tooltip whole = new Tooltip();
            whole.textProperty().bind(cut.textProperty());
            cut.setTooltip(whole);
        }
    }

    private void showDataset(DatasetEntry entry) {
        datasetInfo.textProperty().unbind();
        unloadedLabel.textProperty().unbind();
        if (shownEntry != null) {
            shownEntry.tableProperty().removeListener(tableListener);
        }
        shownEntry = entry;
        if (entry == null) {
            datasetInfo.setText("");
            unloadedLabel.setText("");
            grid.setTable(null);
            datasetProblemSummary.setText("");
            datasetProblems.getItems().clear();
            return;
        }
        datasetInfo.textProperty().bind(Bindings.createStringBinding(() -> describe(entry), entry.tableProperty(),
                entry.unloadedProperty(), entry.datasetProperty()));
        unloadedLabel.textProperty().bind(Bindings.createStringBinding(
                () -> entry.unloadedProperty().get() == null ? "" : entry.unloadedProperty().get(),
                entry.unloadedProperty()));
        relinkButton.visibleProperty().bind(entry.unloadedProperty().isNotNull());
        entry.tableProperty().addListener(tableListener);
        showTable(entry);
    }

    /** The rows and the import's problems; again when the table is loaded, relinked or unloaded. */
    private void showTable(DatasetEntry entry) {
        grid.setTable(entry.table());
        ImportReport report = entry.report();
        datasetProblemSummary.setText(report == null ? "" : ImportSummary.text(report, entry.dataset().options(),
                true));
        datasetProblems.getItems().setAll(report == null ? List.of() : ImportSummary.problems(report));
    }

    private String describe(DatasetEntry entry) {
        Table table = entry.table();
        String where = entry.embedded() ? "embedded" : "referenced";
        String join = entry.join() == null ? "" : "  \u00b7  joined onto " + nameOf(entry.join().dataset()) + " by "
                + entry.join().key();
        String file = entry.file() == null ? "" : "  \u00b7  " + entry.file().getFileName();
        if (table == null) {
            return "not loaded  \u00b7  " + where + file;
        }
        return Formats.count(table.rowCount()) + " rows  \u00b7  " + table.columnCount() + " columns  \u00b7  "
                + where + join + file;
    }

    private String nameOf(String datasetId) {
        return model.getDatasets().stream().filter(d -> d.id().equals(datasetId)).map(DatasetEntry::name)
                .findFirst().orElse(datasetId);
    }

    private void bindTable() {
        model.getCards().addListener((ListChangeListener<ColumnFacts>) _ -> showCards());
        showCards();
    }

    private void showCards() {
        DatasetEntry entry = model.selectedProperty().get();
        cardBox.getChildren().clear();
        if (entry == null) {
            return;
        }
        if (model.getCards().isEmpty()) {
            entry.columns().forEach(c -> cardBox.getChildren().add(ColumnCard.pending(c.name())));
            return;
        }
        for (ColumnFacts facts : model.getCards()) {
            ColumnCard card = new ColumnCard(facts);
            card.setOnMouseClicked(_ -> grid.revealColumn(facts.name()));
            cardBox.getChildren().add(card);
        }
    }

    private void bindProblems() {
        ProblemTable.install(datasetProblems, "No problems: every row read cleanly.");
        model.getJoinReports().addListener((ListChangeListener<JoinReport>) _ -> joinSummary.setText(
                String.join("\n", model.getJoinReports().stream().map(DataPanelController::describe).toList())));
    }

    private static String describe(JoinReport report) {
        if (report.allMatched()) {
            return "Every row of " + report.leftTable() + " found its " + report.rightTable() + " row by "
                    + report.leftKey() + ".";
        }
        return Formats.count(report.unmatchedRows()) + " rows of " + report.leftTable() + " have a " + report.leftKey()
                + " that " + report.rightTable() + " does not hold (" + Formats.count(report.unmatchedKeys())
                + " keys, e.g. " + String.join(", ", report.unmatchedExamples()) + "); their " + report.rightTable()
                + " columns are missing."
                + (report.missingKeyRows() > 0 ? " " + Formats.count(report.missingKeyRows()) + " rows have no key."
                : "");
    }

    private void bindMapping() {
        mappingTable.setItems(model.getMappingRows());
        mappingTable.setPlaceholder(new Label("Add a dataset to map its columns."));
        mappingTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        TableColumn<MappingRow, MappingRow> node = new TableColumn<>("Node");
        node.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        node.setCellFactory(_ -> new NodeChoiceCell());
        node.setPrefWidth(180);
        node.setSortable(false);
        TableColumn<MappingRow, MappingRow> status = new TableColumn<>("Stands for");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        status.setCellFactory(_ -> new StatusCell());
        status.setSortable(false);
        mappingTable.getColumns().setAll(List.of(
                textColumn("Column", 160, MappingRow::column),
                textColumn("Type", 90, r -> Formats.type(r.type())), node, status));
        withoutDataList.setItems(model.getNodesWithoutData());
        withoutDataList.setPlaceholder(new Label("Every node has data."));
        mappingIssues.textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", model.getMappingIssues()), model.getMappingIssues()));
    }

    private void bindCheck() {
        DataCheckModel check = model.check();
        alphaBox.getItems().setAll(LEVELS);
        alphaBox.setConverter(Choices.converter(a -> "\u03b1 = " + Formats.number(a)));
        alphaBox.setValue(check.alphaProperty().get());
        alphaBox.valueProperty().addListener((_, _, a) -> check.alphaProperty().set(a));
        adjustmentBox.getItems().setAll(DataCheck.Adjustment.values());
        adjustmentBox.setConverter(Choices.converter(a -> switch (a) {
            case HOLM -> "Holm (family-wise)";
            case BENJAMINI_HOCHBERG -> "Benjamini\u2013Hochberg (FDR)";
            case NONE -> "None";
        }));
        adjustmentBox.valueProperty().bindBidirectional(check.adjustmentProperty());
        onePerPairBox.selectedProperty().bindBidirectional(check.onePerPairProperty());
        checkButton.disableProperty().bind(check.task().runningProperty().or(Bindings.isEmpty(model.getDatasets())));
        checkProgressBox.visibleProperty().bind(check.task().runningProperty());
        checkProgressBox.managedProperty().bind(checkProgressBox.visibleProperty());
        checkProgress.progressProperty().bind(check.task().progressProperty());
        checkProgressLabel.textProperty().bind(check.task().messageProperty());
        checkSummary.textProperty().bind(check.summaryProperty());
        checkStale.visibleProperty().bind(check.staleProperty());
        checkStale.managedProperty().bind(checkStale.visibleProperty());
        checkError.textProperty().bind(check.errorProperty());
        checkError.visibleProperty().bind(check.errorProperty().isNotEmpty());
        checkError.managedProperty().bind(checkError.visibleProperty());
        checkIssues.textProperty().bind(check.issuesProperty());
        checkIssues.visibleProperty().bind(check.issuesProperty().isNotEmpty());
        checkIssues.managedProperty().bind(checkIssues.visibleProperty());

        checkTable.setItems(check.getRows());
        checkTable.setPlaceholder(new Label("Run the check to test each independence the graph implies."));
        TableColumn<DataCheckModel.Row, String> verdict = textColumn("Verdict", 90, DataCheckModel.Row::verdict);
        verdict.setCellFactory(_ -> new VerdictCell());
        TableColumn<DataCheckModel.Row, String> implication = textColumn("Implication", 320,
                DataCheckModel.Row::text);
        checkTable.getColumns().setAll(List.of(implication,
                textColumn("Test", 280, r -> r.tested().result().test()),
                numberColumn("Statistic", 80, r -> Formats.statistic(r.tested().result().statistic())),
                numberColumn("df", 45, r -> Formats.statistic(r.tested().result().df())),
                numberColumn("p", 75, r -> Formats.p(r.tested().result().p())),
                numberColumn("Adjusted p", 85, r -> Formats.p(r.adjustedP())),
                numberColumn("n", 75, r -> Formats.count(r.tested().result().n())),
                verdict));
        checkTable.setRowFactory(_ -> new CheckRowCell());
        // The implication takes the width the numbers leave (less room for the scroll bar).
        implication.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(260,
                checkTable.getWidth() - 18 - checkTable.getColumns().stream().filter(c -> c != implication)
                        .mapToDouble(TableColumn::getWidth).sum()), checkTable.widthProperty()));
        checkTable.getSelectionModel().selectedItemProperty().addListener(
                (_, _, row) -> check.selectedProperty().set(row));
        check.selectedProperty().addListener((_, _, row) -> {
            if (checkTable.getSelectionModel().getSelectedItem() != row) {
                checkTable.getSelectionModel().select(row);
            }
        });
        skippedList.setItems(check.getSkipped());
        skippedList.setCellFactory(_ -> new ListCell<>() {
            @Override
            protected void updateItem(DataCheck.Skipped item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.implication().x() + " \u22a5 " + item.implication().y()
                        + (item.implication().given().isEmpty() ? "" : " | "
                        + String.join(", ", item.implication().given())) + "  \u2014  " + item.reason());
            }
        });
        skippedList.setPlaceholder(new Label("Every implication was tested."));
        skippedHeading.textProperty().bind(Bindings.createStringBinding(
                () -> "Not tested (" + check.getSkipped().size() + ")", check.getSkipped()));
    }

    @FXML
    private void addDataset() {
        model.addDataset();
    }

    @FXML
    private void removeDataset() {
        DatasetEntry entry = model.selectedProperty().get();
        if (entry != null) {
            model.remove(entry);
        }
    }

    @FXML
    private void relink() {
        DatasetEntry entry = model.selectedProperty().get();
        if (entry != null) {
            model.relink(entry);
        }
    }

    @FXML
    private void cancelLoad() {
        model.loadTask().cancel();
    }

    @FXML
    private void runCheck() {
        model.runCheck();
    }

    @FXML
    private void cancelCheck() {
        model.check().cancel();
    }

    // ---------------------------------------------------------------- cells

    /** The node choice of a mapping row: by name, none, or a node. */
    private final class NodeChoiceCell extends TableCell<MappingRow, MappingRow> {
        private final ComboBox<NodeChoice> box = new ComboBox<>();
        private boolean showing;

        NodeChoiceCell() {
            box.setMaxWidth(Double.MAX_VALUE);
            box.getStyleClass().add("node-choice");
            box.valueProperty().addListener((_, _, choice) -> {
                MappingRow row = getItem();
                if (!showing && row != null && choice != null && !choice.equals(row.choice())) {
                    model.chooseNode(row.column(), choice);
                }
            });
        }

        @Override
        protected void updateItem(MappingRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            showing = true;
            box.setId("node-for-" + row.column());
            box.getItems().setAll(model.nodeChoices());
            box.setValue(row.choice());
            showing = false;
            setGraphic(box);
        }
    }

    /** What a column stands for in the end; conflicts stand out. */
    private static final class StatusCell extends TableCell<MappingRow, MappingRow> {
        private static final PseudoClass CONFLICT = PseudoClass.getPseudoClass("conflict");

        @Override
        protected void updateItem(MappingRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(empty || row == null ? null : row.status());
            setWrapText(true);
            pseudoClassStateChanged(CONFLICT, !empty && row != null && row.conflict() != null);
        }
    }

    /** A check row whose tooltip tells how the test went (models fitted, rows dropped). */
    private static final class CheckRowCell extends javafx.scene.control.TableRow<DataCheckModel.Row> {
        @Override
        protected void updateItem(DataCheckModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            setTooltip(empty || row == null ? null : new javafx.scene.control.Tooltip(row.text() + "\n"
                    + row.tested().result().test() + ": " + row.tested().result().detail()));
        }
    }

    private static final class VerdictCell extends TableCell<DataCheckModel.Row, String> {
        @Override
        protected void updateItem(String verdict, boolean empty) {
            super.updateItem(verdict, empty);
            setText(empty ? null : verdict);
            pseudoClassStateChanged(REJECTED, !empty && "rejected".equals(verdict));
        }
    }

    private static <S> TableColumn<S, String> textColumn(String title, double width, Function<S, String> text) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        return column;
    }

    private static <S> TableColumn<S, String> numberColumn(String title, double width, Function<S, String> text) {
        TableColumn<S, String> column = textColumn(title, width, text);
        column.getStyleClass().add("numeric-column");
        return column;
    }
}
