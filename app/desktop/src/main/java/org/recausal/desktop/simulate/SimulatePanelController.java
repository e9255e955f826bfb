package org.recausal.desktop.simulate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

import org.recausal.desktop.chart.ChartImages;
import org.recausal.desktop.canvas.CanvasDock;
import org.recausal.desktop.canvas.CanvasOverlay;
import org.recausal.desktop.canvas.DagCanvas;
import org.recausal.engine.dag.DagChange;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.estimate.EffectEstimate;
import org.recausal.engine.estimate.EstimationMethod;
import org.recausal.engine.estimate.Refutation;
import org.recausal.engine.estimate.ScenarioResult;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.ModelChoice;
import org.recausal.engine.scm.Scenario;

/** The Simulate panel's view (simulate-panel.fxml): binds its controls to a {@link SimulateModel}. */
public final class SimulatePanelController {

    private static final double PANEL_SHARE = 0.62;
    /** Over the data panel's and the query panel's marks: the drafted scenario is what the analyst works on. */
    static final int OVERLAY_LEVEL = 3;
    private static final PseudoClass WEAK = PseudoClass.getPseudoClass("weak");

    private final SimulateModel model;
    private final ScenarioDraft draft;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");

    @FXML private BorderPane simulateRoot;
    @FXML private Button fitModelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Button cancelButton;
    @FXML private Label staleLabel;
    @FXML private Label statusLabel;
    @FXML private ComboBox<String> nodeBox;
    @FXML private ChoiceBox<ScenarioDraft.Kind> kindBox;
    @FXML private TextField valueField;
    @FXML private Button addInterventionButton;
    @FXML private Button addBaselineButton;
    @FXML private Label ruleHint;
    @FXML private ListView<Intervention> interventionList;
    @FXML private ListView<Intervention> baselineList;
    @FXML private Button outcomeToggleButton;
    @FXML private FlowPane outcomeBoxes;
    @FXML private TextField subgroupField;
    @FXML private Spinner<Integer> samplesSpinner;
    @FXML private Spinner<Integer> replicatesSpinner;
    @FXML private Spinner<Integer> seedSpinner;
    @FXML private TextField scenarioNameField;
    @FXML private Button keepButton;
    @FXML private Button runButton;
    @FXML private ListView<Scenario> scenarioList;
    @FXML private Button compareButton;
    @FXML private Button deleteScenarioButton;
    @FXML private Label errorLabel;
    @FXML private TabPane resultTabs;
    @FXML private ComboBox<String> chartOutcomeBox;
    @FXML private Label resultSummary;
    @FXML private Button exportCsvButton;
    @FXML private Button exportPngButton;
    @FXML private BarChart<String, Number> chart;
    @FXML private TableView<EffectRow> effectTable;
    @FXML private TableColumn<EffectRow, String> quantityColumn;
    @FXML private TableColumn<EffectRow, EffectRow> baselineColumn;
    @FXML private TableColumn<EffectRow, EffectRow> intervenedColumn;
    @FXML private TableColumn<EffectRow, EffectRow> effectColumn;
    @FXML private Button exportComparisonCsvButton;
    @FXML private Button exportComparisonPngButton;
    @FXML private ForestPlot forestPlot;
    @FXML private TableView<ComparisonRow> comparisonTable;
    @FXML private TableColumn<ComparisonRow, ComparisonRow> cmpScenarioColumn;
    @FXML private TableColumn<ComparisonRow, ComparisonRow> cmpAgainstColumn;
    @FXML private TableColumn<ComparisonRow, String> cmpQuantityColumn;
    @FXML private TableColumn<ComparisonRow, ComparisonRow> cmpEffectColumn;
    @FXML private TableView<FitRow> fitTable;
    @FXML private TableColumn<FitRow, String> fitNodeColumn;
    @FXML private TableColumn<FitRow, ModelChoice> fitChoiceColumn;
    @FXML private TableColumn<FitRow, String> fitKindColumn;
    @FXML private TableColumn<FitRow, String> fitQualityColumn;
    @FXML private FitDetailPane fitDetail;
    @FXML private Spinner<Integer> rowSpinner;
    @FXML private ComboBox<String> counterfactualOutcomeBox;
    @FXML private Button counterfactualButton;
    @FXML private Label counterfactualLabel;
    @FXML private TableView<CounterfactualRow> counterfactualTable;
    @FXML private TableColumn<CounterfactualRow, String> cfVariableColumn;
    @FXML private TableColumn<CounterfactualRow, String> cfFactualColumn;
    @FXML private TableColumn<CounterfactualRow, String> cfCounterfactualColumn;
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
        this.draft = model.draft();
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
     * on, the drafted scenario is marked on the canvas while the panel shows, the panel sits under the canvas in
     * {@code split}, an opened project ({@code history} changes) is shown, and an edit of the graph or a change of
     * the data ({@code dataChanges}) is checked against the fitted model.
     */
    public void attach(DagCanvas canvas, SplitPane split, ObservableValue<EditHistory> history,
            Observable... dataChanges) {
        canvas.getStylesheets().add(Objects.requireNonNull(SimulatePanelController.class.getResource(
                "/org/recausal/desktop/ui/simulate-canvas.css"), "simulate-canvas.css is missing").toExternalForm());
        canvas.getSelectedVariables().addListener((SetChangeListener<String>) _ -> {
            if (canvas.getSelectedVariables().size() == 1) {
                draft.nodeProperty().set(canvas.getSelectedVariables().iterator().next());
            }
        });
        InvalidationListener mark = _ -> canvas.setOverlay(OVERLAY_LEVEL,
                shown.get() ? draft.overlay() : CanvasOverlay.NONE);
        draft.getInterventions().addListener(mark);
        draft.getBaseline().addListener(mark);
        draft.getOutcomes().addListener(mark);
        shown.addListener(mark);
        Consumer<DagChange> edited = _ -> model.inputsChanged();
        history.getValue().dag().addListener(edited);
        history.addListener((_, before, now) -> {
            before.dag().removeListener(edited);
            now.dag().addListener(edited);
            model.projectOpened();
        });
        model.projectOpened();
        for (Observable data : dataChanges) {
            data.addListener((InvalidationListener) _ -> model.inputsChanged());
        }
        CanvasDock.dock(simulateRoot, split, canvas, shown, PANEL_SHARE);
    }

    @FXML
    private void initialize() {
        bindTask();
        bindBuilder();
        bindScenarios();
        bindResults();
        bindComparison();
        bindFit();
        bindCounterfactual();
        bindEstimate();
    }

    private void bindTask() {
        progressBar.progressProperty().bind(model.task().progressProperty());
        progressLabel.textProperty().bind(model.task().messageProperty());
        progressBar.visibleProperty().bind(model.task().runningProperty());
        progressLabel.visibleProperty().bind(model.task().runningProperty());
        cancelButton.visibleProperty().bind(model.task().runningProperty());
        for (Button button : List.of(fitModelButton, runButton, estimateButton, compareButton)) {
            button.disableProperty().bind(model.task().runningProperty());
        }
        statusLabel.textProperty().bind(model.statusProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());
        staleLabel.textProperty().bind(Bindings.createStringBinding(() -> "Model stale: " + model.staleProperty()
                .get() + "; running refits it", model.staleProperty()));
        staleLabel.visibleProperty().bind(model.staleProperty().isNotEmpty());
        staleLabel.managedProperty().bind(staleLabel.visibleProperty());
    }

    private void bindBuilder() {
        nodeBox.setItems(model.getNodes());
        nodeBox.valueProperty().bindBidirectional(draft.nodeProperty());
        kindBox.getItems().setAll(ScenarioDraft.Kind.values());
        kindBox.valueProperty().bindBidirectional(draft.kindProperty());
        valueField.textProperty().bindBidirectional(draft.valueProperty());
        valueField.promptTextProperty().bind(Bindings.createStringBinding(() -> draft.kindProperty().get().prompt(),
                draft.kindProperty()));
        ruleHint.visibleProperty().bind(draft.kindProperty().isEqualTo(ScenarioDraft.Kind.RULE));
        ruleHint.managedProperty().bind(ruleHint.visibleProperty());
        interventionList.setPlaceholder(new Label("Click a node, then set, shift or rule it"));
        baselineList.setPlaceholder(new Label("the world as it is"));
        bindInterventions(interventionList, draft.getInterventions());
        bindInterventions(baselineList, draft.getBaseline());
        model.getNodes().addListener((ListChangeListener<String>) _ -> showOutcomeBoxes());
        draft.getOutcomes().addListener((ListChangeListener<String>) _ -> showOutcomeBoxes());
        outcomeToggleButton.disableProperty().bind(draft.nodeProperty().isNull());
        subgroupField.textProperty().bindBidirectional(draft.subgroupProperty());
        bindSpinner(samplesSpinner, draft.samplesProperty(), 100, 1_000_000, 5000);
        bindSpinner(replicatesSpinner, draft.replicatesProperty(), 0, 1000, 10);
        bindSpinner(seedSpinner, draft.seedProperty(), 0, Integer.MAX_VALUE, 1);
    }

    private static void bindInterventions(ListView<Intervention> view, ObservableList<Intervention> items) {
        view.setItems(items);
        view.setCellFactory(_ -> new ListCell<>() {
            @Override
            protected void updateItem(Intervention item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ScenarioDraft.describe(item));
            }
        });
        view.setTooltip(new Tooltip("Delete removes the selected intervention"));
        view.setOnKeyPressed(e -> {
            Intervention picked = view.getSelectionModel().getSelectedItem();
            if (picked != null && (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE)) {
                items.remove(picked);
            }
        });
    }

    private static void bindSpinner(Spinner<Integer> spinner, IntegerProperty property, int min, int max, int step) {
        spinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, property.get(), step));
        spinner.getValueFactory().valueProperty().addListener((_, _, v) -> property.set(v));
        property.addListener((_, _, v) -> spinner.getValueFactory().setValue(v.intValue()));
    }

    private void showOutcomeBoxes() {
        outcomeBoxes.getChildren().setAll(model.getNodes().stream().map(node -> {
            CheckBox box = new CheckBox(node);
            // Variable names have underscores, which a label would otherwise take for mnemonics.
            box.setMnemonicParsing(false);
            box.setId("outcome-" + node);
            box.setSelected(draft.getOutcomes().contains(node));
            box.selectedProperty().addListener((_, _, on) -> {
                if (on != draft.getOutcomes().contains(node)) {
                    draft.toggleOutcome(node);
                }
            });
            return box;
        }).toList());
    }

    private void bindScenarios() {
        scenarioNameField.textProperty().bindBidirectional(draft.nameProperty());
        scenarioList.setItems(model.getScenarios());
        scenarioList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        scenarioList.setPlaceholder(new Label("Name a scenario and keep it; double-click one to bring it back"));
        scenarioList.setCellFactory(_ -> new ListCell<>() {
            @Override
            protected void updateItem(Scenario item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + ": "
                        + ScenarioDraft.describe(item.interventions(), "nothing")
                        + (item.baseline().isEmpty() ? "" : " vs " + ScenarioDraft.describe(item.baseline(), ""))
                        + " → " + String.join(", ", item.outcomes())
                        + (item.subgroup() == null ? "" : " where " + item.subgroup()));
            }
        });
        scenarioList.setContextMenu(scenarioMenu());
        scenarioList.setOnMouseClicked(e -> {
            Scenario picked = scenarioList.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && picked != null) {
                model.restore(picked);
            }
        });
        deleteScenarioButton.disableProperty().bind(Bindings.isEmpty(scenarioList.getSelectionModel()
                .getSelectedItems()));
    }

    /** Restore, run, compare or delete the selected kept scenarios. */
    private ContextMenu scenarioMenu() {
        MenuItem restore = new MenuItem("Restore into the editor");
        restore.setOnAction(_ -> selectedScenarios().stream().findFirst().ifPresent(model::restore));
        MenuItem run = new MenuItem("Run");
        run.setOnAction(_ -> selectedScenarios().stream().findFirst().ifPresent(s -> {
            model.restore(s);
            model.simulate();
        }));
        MenuItem compare = new MenuItem("Compare selected");
        compare.setOnAction(_ -> compare());
        MenuItem delete = new MenuItem("Delete");
        delete.setOnAction(_ -> deleteScenarios());
        return new ContextMenu(restore, run, compare, new SeparatorMenuItem(), delete);
    }

    private List<Scenario> selectedScenarios() {
        return List.copyOf(scenarioList.getSelectionModel().getSelectedItems());
    }

    private void bindResults() {
        effectTable.setItems(model.getEffects());
        quantityColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().quantity()));
        twoLines(baselineColumn, EffectRow::baseline, EffectRow::baselineCi);
        twoLines(intervenedColumn, EffectRow::intervened, EffectRow::intervenedCi);
        twoLines(effectColumn, EffectRow::effect, EffectRow::effectCi);
        effectTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        model.resultProperty().addListener((_, _, result) -> {
            List<String> outcomes = result == null ? List.of()
                    : result.distributions().stream().map(ScenarioResult.OutcomeDistribution::outcome).toList();
            chartOutcomeBox.getItems().setAll(outcomes);
            chartOutcomeBox.setValue(outcomes.isEmpty() ? null : outcomes.getFirst());
            showChart();
            resultTabs.getSelectionModel().select(0);
        });
        resultSummary.textProperty().bind(Bindings.createStringBinding(() -> summary(model.resultScenarioProperty()
                .get(), model.resultProperty().get()) + (model.resultStaleProperty().get()
                        ? " · from an earlier model: run it again" : ""), model.resultProperty(),
                model.resultStaleProperty()));
        resultSummary.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(resultSummary.getText()),
                resultSummary.textProperty()));
        chartOutcomeBox.valueProperty().addListener((_, _, _) -> showChart());
        exportCsvButton.disableProperty().bind(model.resultProperty().isNull());
        exportPngButton.disableProperty().bind(model.resultProperty().isNull());
    }

    /** A column showing each row's value with what qualifies it underneath. */
    private static <S> void twoLines(TableColumn<S, S> column, Function<S, String> main, Function<S, String> sub) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(_ -> new TwoLineCell<>(main, sub));
    }

    private static String summary(Scenario scenario, ScenarioResult result) {
        if (scenario == null || result == null) {
            return "";
        }
        return scenario.name() + ": " + ScenarioDraft.describe(scenario.interventions(), "nothing") + " against "
                + ScenarioDraft.describe(scenario.baseline(), "the world as it is") + (scenario.subgroup() == null
                        ? "" : String.format(Locale.ROOT, ", units where %s (%.1f%%)", scenario.subgroup(),
                                100 * result.subgroupShare()));
    }

    /** The chosen outcome's distribution in both worlds, as shares of units per bin or level. */
    private void showChart() {
        chart.getData().clear();
        ScenarioResult result = model.resultProperty().get();
        Scenario scenario = model.resultScenarioProperty().get();
        String outcome = chartOutcomeBox.getValue();
        if (result == null || outcome == null) {
            return;
        }
        ScenarioResult.OutcomeDistribution d = result.distributions().stream()
                .filter(x -> x.outcome().equals(outcome)).findFirst().orElseThrow();
        chart.getXAxis().setLabel(outcome);
        chart.getData().add(series(scenario.baseline().isEmpty() ? "Baseline (world as it is)"
                : "Baseline: " + ScenarioDraft.describe(scenario.baseline(), ""), d, d.baseline()));
        chart.getData().add(series("Intervention: " + ScenarioDraft.describe(scenario.interventions(), "none"), d,
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

    private void bindComparison() {
        comparisonTable.setItems(model.getComparison());
        twoLines(cmpScenarioColumn, ComparisonRow::scenario, ComparisonRow::interventions);
        twoLines(cmpAgainstColumn, ComparisonRow::against, ComparisonRow::subgroup);
        cmpQuantityColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().effect().quantity()));
        twoLines(cmpEffectColumn, r -> r.effect().effect(), r -> r.effect().effectCi());
        comparisonTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        model.getComparison().addListener((ListChangeListener<ComparisonRow>) _ -> {
            forestPlot.setRows(model.getComparison());
            if (!model.getComparison().isEmpty()) {
                resultTabs.getSelectionModel().select(1);
            }
        });
        exportComparisonCsvButton.disableProperty().bind(Bindings.isEmpty(model.getComparison()));
        exportComparisonPngButton.disableProperty().bind(Bindings.isEmpty(model.getComparison()));
    }

    private void bindFit() {
        fitTable.setItems(model.getFitRows());
        fitNodeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().node()));
        fitChoiceColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().choice()));
        fitChoiceColumn.setCellFactory(ComboBoxTableCell.forTableColumn(new StringConverter<>() {
            @Override
            public String toString(ModelChoice choice) {
                return choice == null ? "" : FitRow.label(choice);
            }

            @Override
            public ModelChoice fromString(String text) {
                return Arrays.stream(ModelChoice.values()).filter(c -> FitRow.label(c).equals(text))
                        .findFirst().orElse(ModelChoice.AUTO);
            }
        }, ModelChoice.values()));
        fitChoiceColumn.setOnEditCommit(e -> model.setChoice(e.getRowValue().node(), e.getNewValue()));
        fitKindColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fitted()
                + (c.getValue().fit().parents().isEmpty() ? "" : " on " + c.getValue().parents())));
        fitQualityColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().quality()));
        fitTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fitTable.setRowFactory(_ -> new TableRow<>() {
            @Override
            protected void updateItem(FitRow item, boolean empty) {
                super.updateItem(item, empty);
                boolean weak = !empty && item != null && item.weak();
                pseudoClassStateChanged(WEAK, weak);
                setTooltip(weak && !item.warnings().isEmpty() ? new Tooltip(item.warnings()) : null);
            }
        });
        fitTable.getSelectionModel().selectedItemProperty().addListener((_, _, row) -> fitDetail.show(row));
        // The node picked on the canvas is also the one whose fit is shown.
        draft.nodeProperty().addListener((_, _, node) -> model.getFitRows().stream()
                .filter(r -> r.node().equals(node)).findFirst()
                .ifPresent(r -> fitTable.getSelectionModel().select(r)));
        model.getFitRows().addListener((ListChangeListener<FitRow>) _ -> fitDetail.show(
                fitTable.getSelectionModel().getSelectedItem()));
    }

    private void bindCounterfactual() {
        bindSpinner(rowSpinner, model.counterfactualRowProperty(), 1, Integer.MAX_VALUE, 1);
        counterfactualOutcomeBox.setItems(model.getNodes());
        counterfactualOutcomeBox.valueProperty().bindBidirectional(model.counterfactualOutcomeProperty());
        counterfactualLabel.textProperty().bind(model.counterfactualProperty());
        counterfactualTable.setItems(model.getCounterfactualChanges());
        cfVariableColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().variable()));
        cfFactualColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().factual()));
        cfCounterfactualColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().counterfactual()));
        counterfactualTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
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
        model.estimatedProperty().addListener((_, _, done) -> {
            if (done != null) {
                resultTabs.getSelectionModel().select(4);
            }
        });
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
        // Verdicts are sentences: they wrap in the column rather than end in an ellipsis.
        verdictColumn.setCellFactory(_ -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.getStyleClass().add("verdict-text");
                text.wrappingWidthProperty().bind(verdictColumn.widthProperty().subtract(14));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
            }
        });
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
        model.addIntervention(false);
    }

    @FXML
    private void addBaseline() {
        model.addIntervention(true);
    }

    @FXML
    private void toggleOutcome() {
        draft.toggleOutcome(draft.nodeProperty().get());
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
    private void compare() {
        model.compare(selectedScenarios());
    }

    @FXML
    private void deleteScenarios() {
        model.delete(selectedScenarios());
    }

    @FXML
    private void counterfactual() {
        model.counterfactual();
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
        model.exportChart(model.resultProperty().get().scenario() + "-chart", file -> ChartImages.writePng(chart,
                file));
    }

    @FXML
    private void exportComparisonCsv() {
        model.exportComparisonCsv();
    }

    @FXML
    private void exportComparisonPng() {
        model.exportChart("scenario-comparison", file -> ChartImages.writePng(forestPlot, file));
    }
}
