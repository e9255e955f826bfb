package org.recausal.desktop.recsys;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.recausal.desktop.canvas.CanvasDock;
import org.recausal.desktop.canvas.DagCanvas;
import org.recausal.desktop.chart.BarPlot;
import org.recausal.desktop.chart.LinePlot;
import org.recausal.desktop.chart.PlotCsv;
import org.recausal.desktop.chart.PlotData;
import org.recausal.desktop.dialog.ExportFormat;
import org.recausal.engine.project.Project;
import org.recausal.engine.recsys.EpochReport;
import org.recausal.engine.recsys.metrics.Protocol;

/** The Recommenders panel's view (recommenders-panel.fxml): binds its controls and charts to a {@link RecommendersModel}. */
public final class RecommendersPanelController {

    private static final double PANEL_SHARE = 0.6;

    private final RecommendersModel model;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");

    @FXML private BorderPane recommendersRoot;
    @FXML private Button trainButton;
    @FXML private Button resumeButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Button cancelButton;
    @FXML private Label statusLabel;
    @FXML private ListView<TrainedRecommender> modelList;
    @FXML private Button exportButton;
    @FXML private Button removeButton;
    @FXML private Label errorLabel;
    @FXML private Label curveTitle;
    @FXML private Label noCurveLabel;
    @FXML private HBox curveRow;
    @FXML private LinePlot lossPlot;
    @FXML private LinePlot validationPlot;
    @FXML private TableView<MetricRow> metricTable;
    @FXML private TableColumn<MetricRow, String> metricColumn;
    @FXML private TableColumn<MetricRow, String> sampledColumn;
    @FXML private TableColumn<MetricRow, String> fullColumn;
    @FXML private TableView<GroupRow> groupTable;
    @FXML private TableColumn<GroupRow, String> groupColumn;
    @FXML private TableColumn<GroupRow, String> groupUsersColumn;
    @FXML private TableColumn<GroupRow, String> groupSampledHrColumn;
    @FXML private TableColumn<GroupRow, String> groupSampledNdcgColumn;
    @FXML private TableColumn<GroupRow, String> groupFullHrColumn;
    @FXML private TableColumn<GroupRow, String> groupFullNdcgColumn;
    @FXML private ChoiceBox<Protocol> protocolBox;
    @FXML private LinePlot cutoffPlot;
    @FXML private BarPlot popularityPlot;

    public RecommendersPanelController(RecommendersModel model) {
        this.model = model;
    }

    public RecommendersModel model() {
        return model;
    }

    /** Whether the panel is on screen, under the canvas. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /**
     * Wires the panel into the main window: it sits under the canvas in {@code split} while shown, lists the models
     * of the project on show, and reports changes to its list as changes to the project.
     */
    public void attach(DagCanvas canvas, SplitPane split, ObservableValue<Project> project, Runnable changed) {
        CanvasDock.dock(recommendersRoot, split, canvas, shown, PANEL_SHARE);
        model.setProject(project.getValue());
        project.addListener((_, _, now) -> model.setProject(now));
        model.setOnModelsChanged(changed);
    }

    @FXML
    private void initialize() {
        bindTask();
        bindModels();
        bindCurves();
        bindReport();
    }

    private void bindTask() {
        var running = model.task().runningProperty();
        progressBar.progressProperty().bind(model.task().progressProperty());
        progressLabel.textProperty().bind(model.task().messageProperty());
        progressBar.visibleProperty().bind(running);
        progressLabel.visibleProperty().bind(running);
        cancelButton.visibleProperty().bind(running);
        cancelButton.managedProperty().bind(running);
        trainButton.disableProperty().bind(running);
        resumeButton.disableProperty().bind(running.or(Bindings.createBooleanBinding(
                () -> model.selectedProperty().get() == null || !model.selectedProperty().get().stopped(),
                model.selectedProperty())));
        statusLabel.textProperty().bind(model.statusProperty());
        // While a run goes on its progress says what happens; the status line returns when it ends.
        statusLabel.visibleProperty().bind(running.not());
        statusLabel.managedProperty().bind(running.not());
        // Both give way to the buttons in a narrow panel: their whole text on hover.
        for (Label cut : List.of(statusLabel, progressLabel)) {
            Tooltip whole = new Tooltip();
            whole.textProperty().bind(cut.textProperty());
            cut.setTooltip(whole);
        }
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());
    }

    private void bindModels() {
        modelList.setItems(model.getModels());
        Label empty = new Label("No model yet. Train… starts one; a model file opens with the folder button.");
        empty.setWrapText(true);
        empty.getStyleClass().add("placeholder");
        modelList.setPlaceholder(empty);
        modelList.setCellFactory(_ -> new ListCell<>() {
            @Override
            protected void updateItem(TrainedRecommender item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label(item.name());
                name.getStyleClass().add("model-name");
                Label summary = new Label(item.summary());
                summary.getStyleClass().add("model-summary");
                summary.setWrapText(true);
                VBox box = new VBox(2, name, summary);
                if (model.stale(item)) {
                    Label stale = new Label("The data it was trained on changed since");
                    stale.getStyleClass().add("model-stale");
                    box.getChildren().add(stale);
                }
                box.setMaxWidth(modelList.getWidth() - 24);
                setGraphic(box);
            }
        });
        modelList.getSelectionModel().selectedItemProperty().addListener((_, _, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((_, _, now) -> modelList.getSelectionModel().select(now));
        exportButton.disableProperty().bind(model.selectedProperty().isNull());
        removeButton.disableProperty().bind(model.selectedProperty().isNull());
    }

    private void bindCurves() {
        curveTitle.textProperty().bind(model.curveTitleProperty());
        var noCurve = Bindings.createBooleanBinding(() -> model.getCurve().isEmpty() && !model.task().isRunning()
                && model.selectedProperty().get() != null, model.getCurve(), model.task().runningProperty(),
                model.selectedProperty());
        noCurveLabel.visibleProperty().bind(noCurve);
        noCurveLabel.managedProperty().bind(noCurve);
        curveRow.visibleProperty().bind(noCurve.not());
        curveRow.managedProperty().bind(noCurve.not());
        model.getCurve().addListener((ListChangeListener<EpochReport>) _ -> showCurves());
        model.curveKindProperty().addListener((_, _, _) -> showCurves());
        showCurves();
    }

    /** Loss per epoch; the validation metrics where they were computed. */
    private void showCurves() {
        ModelKind kind = model.curveKindProperty().get();
        lossPlot.show(RecommenderPlots.loss(model.getCurve(), kind));
        validationPlot.show(RecommenderPlots.validation(model.getCurve(), kind));
    }

    private void bindReport() {
        metricTable.setItems(model.getMetricRows());
        metricColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().metric()));
        sampledColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sampled()));
        fullColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().full()));
        metricTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        groupTable.setItems(model.getGroupRows());
        groupColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().group()));
        groupUsersColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().users()));
        groupSampledHrColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sampledHr()));
        groupSampledNdcgColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sampledNdcg()));
        groupFullHrColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fullHr()));
        groupFullNdcgColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fullNdcg()));
        groupTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        protocolBox.getItems().setAll(Protocol.values());
        protocolBox.setValue(Protocol.SAMPLED100);
        protocolBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Protocol protocol) {
                return protocol == null ? "" : protocol == Protocol.SAMPLED100 ? "sampled (100 negatives)" : "full ranking";
            }

            @Override
            public Protocol fromString(String text) {
                return Protocol.of(text);
            }
        });
        protocolBox.valueProperty().addListener((_, _, _) -> showPlots());
        model.selectedProperty().addListener((_, _, _) -> showPlots());
        showPlots();
    }

    /** HR, NDCG and Recall against K under the chosen protocol; recommended against consumed popularity. */
    private void showPlots() {
        TrainedRecommender selected = model.selectedProperty().get();
        ModelReport report = selected == null ? null : selected.report();
        cutoffPlot.show(RecommenderPlots.cutoffs(report, protocolBox.getValue()));
        popularityPlot.show(RecommenderPlots.popularity(report));
    }

    @FXML
    private void exportLossPng() {
        model.exportPlots(ExportFormat.PNG, "loss", lossPlot::writePng);
    }

    @FXML
    private void exportLossSvg() {
        model.exportPlots(ExportFormat.SVG, "loss", lossPlot::writeSvg);
    }

    @FXML
    private void exportValidationPng() {
        model.exportPlots(ExportFormat.PNG, "validation", validationPlot::writePng);
    }

    @FXML
    private void exportValidationSvg() {
        model.exportPlots(ExportFormat.SVG, "validation", validationPlot::writeSvg);
    }

    @FXML
    private void exportCurvesCsv() {
        List<PlotData> shown = List.of(lossPlot.data(), validationPlot.data());
        model.exportPlots(ExportFormat.CSV, "training curves", file -> PlotCsv.write(shown, file));
    }

    @FXML
    private void exportCutoffPng() {
        model.exportPlots(ExportFormat.PNG, "metrics against K", cutoffPlot::writePng);
    }

    @FXML
    private void exportCutoffSvg() {
        model.exportPlots(ExportFormat.SVG, "metrics against K", cutoffPlot::writeSvg);
    }

    @FXML
    private void exportPopularityPng() {
        model.exportPlots(ExportFormat.PNG, "popularity", popularityPlot::writePng);
    }

    @FXML
    private void exportPopularitySvg() {
        model.exportPlots(ExportFormat.SVG, "popularity", popularityPlot::writeSvg);
    }

    @FXML
    private void exportPlotsCsv() {
        List<PlotData> shown = List.of(cutoffPlot.data(), popularityPlot.data());
        model.exportPlots(ExportFormat.CSV, "plots", file -> PlotCsv.write(shown, file));
    }

    @FXML
    private void train() {
        model.train();
    }

    @FXML
    private void resume() {
        model.resume();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void open() {
        model.open();
    }

    @FXML
    private void export() {
        model.exportSelected();
    }

    @FXML
    private void remove() {
        model.remove(model.selectedProperty().get());
    }
}
