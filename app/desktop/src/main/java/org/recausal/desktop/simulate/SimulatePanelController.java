package org.recausal.desktop.simulate;

import java.util.List;
import java.util.Locale;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;

import org.recausal.desktop.canvas.DagCanvas;
import org.recausal.engine.estimate.EffectEstimate;
import org.recausal.engine.estimate.EstimationMethod;
import org.recausal.engine.estimate.Refutation;
import org.recausal.engine.estimate.ScenarioResult;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.Scenario;

/** The Simulate panel's view (simulate-panel.fxml): binds its controls to a {@link SimulateModel}. */
public final class SimulatePanelController {

    private static final double PANEL_SHARE = 0.6;

    private final SimulateModel model;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");

    @FXML private BorderPane simulateRoot;
    @FXML private Button fitModelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Button cancelButton;
    @FXML private Label statusLabel;
    @FXML private TableView<FitRow> fitTable;
    @FXML private TableColumn<FitRow, String> fitNodeColumn;
    @FXML private TableColumn<FitRow, String> fitKindColumn;
    @FXML private TableColumn<FitRow, String> fitParentsColumn;
    @FXML private TableColumn<FitRow, String> fitQualityColumn;
    @FXML private ComboBox<String> nodeBox;
    @FXML private ChoiceBox<SimulateModel.Kind> kindBox;
    @FXML private TextField valueField;
    @FXML private Button addInterventionButton;
    @FXML private ListView<Intervention> interventionList;
    @FXML private FlowPane outcomeBoxes;
    @FXML private Spinner<Integer> samplesSpinner;
    @FXML private Spinner<Integer> replicatesSpinner;
    @FXML private TextField scenarioNameField;
    @FXML private Button runButton;
    @FXML private ListView<Scenario> scenarioList;
    @FXML private Label errorLabel;
    @FXML private ComboBox<String> chartOutcomeBox;
    @FXML private Button exportCsvButton;
    @FXML private Button exportPngButton;
    @FXML private BarChart<String, Number> chart;
    @FXML private TableView<EffectRow> effectTable;
    @FXML private TableColumn<EffectRow, String> quantityColumn;
    @FXML private TableColumn<EffectRow, String> baselineColumn;
    @FXML private TableColumn<EffectRow, String> intervenedColumn;
    @FXML private TableColumn<EffectRow, String> effectColumn;
    @FXML private TableColumn<EffectRow, String> effectCiColumn;
    @FXML private ComboBox<String> treatmentBox;
    @FXML private ComboBox<String> outcomeBox;
    @FXML private ChoiceBox<EstimationMethod> methodBox;
    @FXML private Button estimateButton;
    @FXML private Label estimateLabel;
    @FXML private TableView<Refutation> refutationTable;
    @FXML private TableColumn<Refutation, String> checkColumn;
    @FXML private TableColumn<Refutation, String> passedColumn;
    @FXML private TableColumn<Refutation, String> verdictColumn;

    public SimulatePanelController(SimulateModel model) {
        this.model = model;
    }

    public SimulateModel model() {
        return model;
    }

    /** Whether the panel is on screen, under the canvas. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /**
     * Wires the panel into the main window: a single selected node on the canvas becomes the node to intervene
     * on, and the panel sits under the canvas in {@code split} while shown.
     */
    public void attach(DagCanvas canvas, SplitPane split) {
        canvas.getSelectedVariables().addListener((SetChangeListener<String>) _ -> {
            if (canvas.getSelectedVariables().size() == 1) {
                model.nodeProperty().set(canvas.getSelectedVariables().iterator().next());
            }
        });
        shown.addListener((_, _, now) -> {
            place(split, now);
            // The canvas got shorter or taller: fit the graph to it once the split has laid it out.
            Platform.runLater(canvas::fitToWindow);
        });
        place(split, shown.get());
    }

    private void place(SplitPane split, boolean show) {
        if (show && !split.getItems().contains(simulateRoot)) {
            split.getItems().add(simulateRoot);
            split.setDividerPositions(1 - PANEL_SHARE);
        } else if (!show) {
            split.getItems().remove(simulateRoot);
        }
    }

    @FXML
    private void initialize() {
        bindTask();
        bindFit();
        bindBuilder();
        bindResults();
        bindEstimate();
    }

    private void bindTask() {
        progressBar.progressProperty().bind(model.task().progressProperty());
        progressLabel.textProperty().bind(model.task().messageProperty());
        progressBar.visibleProperty().bind(model.task().runningProperty());
        progressLabel.visibleProperty().bind(model.task().runningProperty());
        cancelButton.visibleProperty().bind(model.task().runningProperty());
        for (Button button : List.of(fitModelButton, runButton, estimateButton)) {
            button.disableProperty().bind(model.task().runningProperty());
        }
        statusLabel.textProperty().bind(model.statusProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());
    }

    private void bindFit() {
        fitTable.setItems(model.getFitRows());
        fitNodeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().node()));
        fitKindColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().kind()));
        fitParentsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().parents()));
        fitQualityColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().quality()));
        fitTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private void bindBuilder() {
        nodeBox.setItems(model.getNodes());
        nodeBox.valueProperty().bindBidirectional(model.nodeProperty());
        kindBox.getItems().setAll(SimulateModel.Kind.values());
        kindBox.valueProperty().bindBidirectional(model.kindProperty());
        valueField.textProperty().bindBidirectional(model.valueProperty());
        interventionList.setItems(model.getInterventions());
        interventionList.setCellFactory(_ -> new ListCell<>() {
            @Override
            protected void updateItem(Intervention item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : describe(item));
            }
        });
        interventionList.setPlaceholder(new Label("Click a node, then add do(X = x) or a shift"));
        interventionList.setOnKeyPressed(e -> {
            Intervention picked = interventionList.getSelectionModel().getSelectedItem();
            if (picked != null && (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE)) {
                model.getInterventions().remove(picked);
            }
        });
        model.getNodes().addListener((ListChangeListener<String>) _ -> showOutcomeBoxes());
        model.getOutcomes().addListener((ListChangeListener<String>) _ -> showOutcomeBoxes());
        samplesSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(100, 1_000_000,
                model.samplesProperty().get(), 5000));
        samplesSpinner.getValueFactory().valueProperty().addListener((_, _, v) -> model.samplesProperty().set(v));
        model.samplesProperty().addListener((_, _, v) -> samplesSpinner.getValueFactory().setValue(v.intValue()));
        replicatesSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1000,
                model.replicatesProperty().get(), 10));
        replicatesSpinner.getValueFactory().valueProperty()
                .addListener((_, _, v) -> model.replicatesProperty().set(v));
        scenarioNameField.textProperty().bindBidirectional(model.scenarioNameProperty());
        scenarioList.setItems(model.getScenarios());
        scenarioList.setPlaceholder(new Label("Kept scenarios appear here; double-click one to restore it"));
        scenarioList.setCellFactory(_ -> new ListCell<>() {
            @Override
            protected void updateItem(Scenario item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + ": " + String.join(", ",
                        item.interventions().stream().map(SimulatePanelController::describe).toList()) + " → "
                        + String.join(", ", item.outcomes()));
            }
        });
        scenarioList.setOnMouseClicked(e -> {
            Scenario picked = scenarioList.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && picked != null) {
                model.restore(picked);
            }
        });
    }

    private void showOutcomeBoxes() {
        outcomeBoxes.getChildren().setAll(model.getNodes().stream().map(node -> {
            CheckBox box = new CheckBox(node);
            box.setId("outcome-" + node);
            box.setSelected(model.getOutcomes().contains(node));
            box.selectedProperty().addListener((_, _, on) -> {
                if (on && !model.getOutcomes().contains(node)) {
                    model.getOutcomes().add(node);
                } else if (!on) {
                    model.getOutcomes().remove(node);
                }
            });
            return box;
        }).toList());
    }

    private void bindResults() {
        effectTable.setItems(model.getEffects());
        quantityColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().quantity()));
        baselineColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().baseline()));
        intervenedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().intervened()));
        effectColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().effect()));
        effectCiColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().effectCi()));
        effectTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        model.resultProperty().addListener((_, _, result) -> {
            List<String> outcomes = result == null ? List.of()
                    : result.distributions().stream().map(ScenarioResult.OutcomeDistribution::outcome).toList();
            chartOutcomeBox.getItems().setAll(outcomes);
            chartOutcomeBox.setValue(outcomes.isEmpty() ? null : outcomes.getFirst());
            showChart();
        });
        chartOutcomeBox.valueProperty().addListener((_, _, _) -> showChart());
        exportCsvButton.disableProperty().bind(model.resultProperty().isNull());
        exportPngButton.disableProperty().bind(model.resultProperty().isNull());
    }

    /** The chosen outcome's distribution in both worlds, as shares of units per bin or level. */
    private void showChart() {
        chart.getData().clear();
        ScenarioResult result = model.resultProperty().get();
        String outcome = chartOutcomeBox.getValue();
        if (result == null || outcome == null) {
            return;
        }
        ScenarioResult.OutcomeDistribution d = result.distributions().stream()
                .filter(x -> x.outcome().equals(outcome)).findFirst().orElseThrow();
        chart.getXAxis().setLabel(outcome);
        chart.getData().add(series("Baseline (world as it is)", d, d.baseline()));
        chart.getData().add(series("Intervention: " + String.join(", ",
                model.getInterventions().stream().map(SimulatePanelController::describe).toList()), d,
                d.intervened()));
    }

    private static XYChart.Series<String, Number> series(String name, ScenarioResult.OutcomeDistribution d,
            double[] counts) {
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (int i = 0; i < counts.length; i++) {
            series.getData().add(new XYChart.Data<>(Bins.label(d, i), total > 0 ? counts[i] / total : 0));
        }
        return series;
    }

    private void bindEstimate() {
        treatmentBox.setItems(model.getNodes());
        outcomeBox.setItems(model.getNodes());
        treatmentBox.valueProperty().bindBidirectional(model.treatmentProperty());
        outcomeBox.valueProperty().bindBidirectional(model.outcomeProperty());
        methodBox.getItems().setAll(EstimationMethod.values());
        methodBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(EstimationMethod method) {
                return method == null ? "" : method.id();
            }

            @Override
            public EstimationMethod fromString(String text) {
                return EstimationMethod.parse(text);
            }
        });
        methodBox.valueProperty().bindBidirectional(model.methodProperty());
        estimateLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            SimulateModel.Estimated done = model.estimatedProperty().get();
            return done == null ? "" : describe(done.estimate());
        }, model.estimatedProperty()));
        refutationTable.itemsProperty().bind(Bindings.createObjectBinding(() -> {
            SimulateModel.Estimated done = model.estimatedProperty().get();
            return FXCollections.observableArrayList(
                    done == null ? List.<Refutation>of() : done.refutations());
        }, model.estimatedProperty()));
        checkColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().check()));
        passedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().passed() ? "passed" : "failed"));
        passedColumn.setCellFactory(_ -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("refutation-passed", "refutation-failed");
                if (!empty && item != null) {
                    getStyleClass().add("passed".equals(item) ? "refutation-passed" : "refutation-failed");
                }
            }
        });
        verdictColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().verdict()));
        refutationTable.setRowFactory(_ -> new TableRow<>() {
            @Override
            protected void updateItem(Refutation item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(empty || item == null ? null : new Tooltip(item.verdict()));
            }
        });
        refutationTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static String describe(EffectEstimate e) {
        return String.format(Locale.ROOT, "%s = %.4g, 95%% CI [%.4g, %.4g] (%s, adjusting for %s; %d rows)%s",
                e.definition(), e.estimate(), e.ci().lower(), e.ci().upper(), e.method().id(),
                e.adjustmentSet().isEmpty() ? "nothing" : String.join(", ", e.adjustmentSet()), e.rows(),
                e.warnings().isEmpty() ? "" : "\n⚠ " + String.join("\n⚠ ", e.warnings()));
    }

    private static String describe(Intervention intervention) {
        return switch (intervention) {
            case Intervention.SetValue set -> "do(" + set.node() + " = " + set.value() + ")";
            case Intervention.Shift shift -> String.format(Locale.ROOT, "%s %s= %.4g", shift.node(),
                    shift.by() < 0 ? "-" : "+", Math.abs(shift.by()));
            case Intervention.Assign assign -> assign.text();
        };
    }

    @FXML
    private void fit() {
        model.fit();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void addIntervention() {
        model.addIntervention();
    }

    @FXML
    private void keepScenario() {
        model.saveScenario();
    }

    @FXML
    private void simulate() {
        model.simulate();
    }

    @FXML
    private void estimate() {
        model.estimate();
    }

    @FXML
    private void exportCsv() {
        model.exportCsv();
    }

    @FXML
    private void exportPng() {
        model.exportChart(file -> ChartImages.writePng(chart, file));
    }
}
