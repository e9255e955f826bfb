package org.recausal.desktop.explain;

import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.recausal.desktop.canvas.CanvasDock;
import org.recausal.desktop.canvas.DagCanvas;
import org.recausal.desktop.chart.SvgPainter;
import org.recausal.desktop.dialog.ExportFormat;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.explain.AttentionAggregate;
import org.recausal.engine.explain.Counterfactual;
import org.recausal.engine.explain.Explanation;
import org.recausal.engine.explain.FaithfulnessCheck;
import org.recausal.engine.explain.ItemAttention;
import org.recausal.engine.policy.Policy;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.StoredRecommender;

/** The Explain panel's view (explain-panel.fxml): binds its controls to an {@link ExplainModel}. */
public final class ExplainPanelController {
    private static final double PANEL_SHARE = 0.72;
    private static final double BAR_WIDTH = 64;
    private static final String NO_CATEGORY = "(none)";

    private final ExplainModel model;
    private final PolicyComparisonModel policies;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");

    @FXML private BorderPane explainRoot;
    @FXML private SplitPane explainSplit;
    @FXML private VBox pickerColumn;
    @FXML private Button openModelButton;
    @FXML private ComboBox<StoredRecommender> projectModelBox;
    @FXML private Label modelLabel;
    @FXML private ProgressBar explainProgressBar;
    @FXML private Label explainProgressLabel;
    @FXML private Button explainCancelButton;
    @FXML private MenuButton exportButton;
    @FXML private TextField userSearch;
    @FXML private ListView<String> userList;
    @FXML private Spinner<Integer> kSpinner;
    @FXML private TableView<RecommendationRow> recommendationTable;
    @FXML private TableColumn<RecommendationRow, Integer> rankColumn;
    @FXML private TableColumn<RecommendationRow, String> itemColumn;
    @FXML private TableColumn<RecommendationRow, String> scoreColumn;
    @FXML private Label headlineLabel;
    @FXML private Label summaryLabel;
    @FXML private Label verifiedLabel;
    @FXML private Label counterfactualLabel;
    @FXML private Label searchLabel;
    @FXML private Label attributionNote;
    @FXML private SignedBars attributionBars;
    @FXML private Label faithfulnessNote;
    @FXML private TableView<FaithfulnessCheck> faithfulnessTable;
    @FXML private TableColumn<FaithfulnessCheck, String> rankingColumn;
    @FXML private TableColumn<FaithfulnessCheck, String> dropColumn;
    @FXML private TableColumn<FaithfulnessCheck, String> randomColumn;
    @FXML private TableColumn<FaithfulnessCheck, String> verdictColumn;
    @FXML private Label attentionNote;
    @FXML private AttentionHeatmap heatmap;
    @FXML private Label historyNote;
    @FXML private ListView<HistoryRow> historyList;
    @FXML private TabPane explainTabs;
    @FXML private Spinner<Integer> aggregateUsersSpinner;
    @FXML private Button aggregateButton;
    @FXML private Label aggregateSummary;
    @FXML private ComboBox<String> categoryBox;
    @FXML private Label categoryNote;
    @FXML private CategoryMatrix categoryMatrix;
    @FXML private TableView<ItemAttention> pairTable;
    @FXML private TableColumn<ItemAttention, String> fromColumn;
    @FXML private TableColumn<ItemAttention, String> toColumn;
    @FXML private TableColumn<ItemAttention, Double> pairWeightColumn;
    @FXML private TableColumn<ItemAttention, Integer> pairCountColumn;
    @FXML private Tab policiesTab;
    @FXML private TextField policyField;
    @FXML private ListView<Policy> policyList;
    @FXML private ComboBox<String> policyScoreBox;
    @FXML private ComboBox<String> policyExposureBox;
    @FXML private ComboBox<String> policyPopularityBox;
    @FXML private TextField outcomesField;
    @FXML private ComboBox<String> policyGroupBox;
    @FXML private Spinner<Integer> replicatesSpinner;
    @FXML private Button runPoliciesButton;
    @FXML private ProgressBar policyProgress;
    @FXML private Label policyProgressLabel;
    @FXML private Button cancelPoliciesButton;
    @FXML private Label policyError;
    @FXML private ComboBox<PolicyComparisonModel.MetricKey> metricBox;
    @FXML private MenuButton policyExportButton;
    @FXML private SignedBars policyChart;
    @FXML private TableView<PolicyComparisonModel.MetricKey> policyTable;
    @FXML private Label policyNotes;
    @FXML private Label policyStatus;
    @FXML private Label explainErrorLabel;
    @FXML private Label explainStatusLabel;

    public ExplainPanelController(ExplainModel model, PolicyComparisonModel policies) {
        this.model = model;
        this.policies = policies;
    }

    public PolicyComparisonModel policies() {
        return policies;
    }

    public ExplainModel model() {
        return model;
    }

    public AttentionHeatmap heatmap() {
        return heatmap;
    }

    /** Whether the panel is on screen, under the canvas. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /**
     * Puts the panel under the canvas in {@code split} while it is shown, refitting the graph to what is left, and
     * offers the recommenders and shows the policy scenarios the open project keeps.
     */
    public void attach(DagCanvas canvas, SplitPane split, ObservableValue<Project> project,
            ObservableValue<EditHistory> history) {
        model.projectProperty().bind(project);
        model.getProjectModels().setAll(project.getValue() == null ? List.of() : project.getValue().recommenders());
        project.addListener((_, _, now) -> model.getProjectModels().setAll(now == null ? List.of()
                : now.recommenders()));
        // A new or opened project sets its project first, then its history: by then the data panel has it too.
        history.addListener((_, _, _) -> policies.projectOpened());
        policies.projectOpened();
        CanvasDock.dock(explainRoot, split, canvas, shown, PANEL_SHARE);
    }

    @FXML
    private void initialize() {
        keepPickerColumn();
        bindProjectModels();
        bindTask();
        bindUsers();
        bindRecommendations();
        bindAttention();
        bindHistory();
        bindWhy();
        bindAcrossUsers();
        PolicyView.bind(policies, new PolicyView.Controls(policyField, policyList, policyScoreBox, policyExposureBox,
                policyPopularityBox, outcomesField, policyGroupBox, replicatesSpinner, runPoliciesButton, policyProgress,
                policyProgressLabel, cancelPoliciesButton, policyError, metricBox, policyExportButton, policyChart,
                policyTable, policyNotes, policyStatus));
        policiesTab.setOnSelectionChanged(_ -> {
            if (policiesTab.isSelected()) {
                policies.refreshVariables();
            }
        });
    }

    /** The picker column keeps its width when the panel grows; the explanation beside it takes the rest. */
    private void keepPickerColumn() {
        SplitPane.setResizableWithParent(pickerColumn, false);
        explainSplit.widthProperty().addListener((_, old, width) -> {
            if (old.doubleValue() == 0 && width.doubleValue() > 0) {
                explainSplit.setDividerPositions(pickerColumn.getPrefWidth() / width.doubleValue());
            }
        });
    }

    private void bindProjectModels() {
        projectModelBox.setItems(model.getProjectModels());
        projectModelBox.visibleProperty().bind(Bindings.isNotEmpty(model.getProjectModels()));
        projectModelBox.managedProperty().bind(projectModelBox.visibleProperty());
        projectModelBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(StoredRecommender r) {
                return r == null ? "" : r.name() + " (" + r.kind() + ")";
            }

            @Override
            public StoredRecommender fromString(String text) {
                return null;
            }
        });
        projectModelBox.setOnAction(_ -> {
            StoredRecommender picked = projectModelBox.getValue();
            if (picked != null) {
                model.use(picked);
            }
        });
    }

    private void bindTask() {
        explainProgressBar.progressProperty().bind(model.task().progressProperty());
        explainProgressLabel.textProperty().bind(model.task().messageProperty());
        explainProgressBar.visibleProperty().bind(model.task().runningProperty());
        explainProgressLabel.visibleProperty().bind(model.task().runningProperty());
        explainCancelButton.visibleProperty().bind(model.task().runningProperty());
        modelLabel.textProperty().bind(Bindings.createStringBinding(() -> model.loadedProperty().get() == null
                ? "No model open" : model.loadedProperty().get().name(), model.loadedProperty()));
        exportButton.disableProperty().bind(model.explanationProperty().isNull());
        explainStatusLabel.textProperty().bind(model.statusProperty());
        explainErrorLabel.textProperty().bind(model.errorProperty());
        explainErrorLabel.managedProperty().bind(explainErrorLabel.textProperty().isNotEmpty());
    }

    private void bindUsers() {
        userSearch.textProperty().bindBidirectional(model.userQueryProperty());
        userList.setItems(model.getMatchingUsers());
        userList.setPlaceholder(new Label("No users"));
        userList.getSelectionModel().selectedItemProperty().addListener((_, _, picked) -> {
            if (picked != null) {
                model.userProperty().set(picked);
            }
        });
        model.userProperty().addListener((_, _, user) -> selectUser(user));
        model.getMatchingUsers().addListener((ListChangeListener<String>) _ -> selectUser(model.userProperty().get()));
        userSearch.setOnAction(_ -> {
            if (!model.getMatchingUsers().isEmpty()) {
                model.userProperty().set(model.getMatchingUsers().getFirst());
            }
        });
        kSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 200, model.kProperty().get()));
        kSpinner.getValueFactory().valueProperty().addListener((_, _, v) -> model.kProperty().set(v));
    }

    private void selectUser(String user) {
        if (user != null && !user.equals(userList.getSelectionModel().getSelectedItem())
                && model.getMatchingUsers().contains(user)) {
            userList.getSelectionModel().select(user);
            userList.scrollTo(user);
        }
    }

    private void bindRecommendations() {
        recommendationTable.setItems(model.getRecommendations());
        rankColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rank()));
        itemColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().item()));
        scoreColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                String.format(Locale.ROOT, "%.3f", c.getValue().score())));
        recommendationTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        recommendationTable.getSelectionModel().selectedItemProperty().addListener((_, _, picked) -> {
            if (picked != null) {
                model.recommendationProperty().set(picked);
            }
        });
        model.recommendationProperty().addListener((_, _, picked) -> {
            if (picked != null) {
                recommendationTable.getSelectionModel().select(picked);
            }
        });
        headlineLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Explanation shown = model.explanationProperty().get();
            return shown == null ? "" : String.format(Locale.ROOT, "Why %s is recommended to %s", shown.item(),
                    shown.user());
        }, model.explanationProperty()));
        summaryLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Explanation shown = model.explanationProperty().get();
            return shown == null ? model.noteProperty().get() : shown.summary();
        }, model.explanationProperty(), model.noteProperty()));
        summaryLabel.visibleProperty().bind(summaryLabel.textProperty().isNotEmpty());
        summaryLabel.managedProperty().bind(summaryLabel.visibleProperty());
    }

    private void bindAttention() {
        heatmap.gridProperty().bind(model.attentionProperty());
        heatmap.highlightedRowProperty().bindBidirectional(model.highlightedProperty());
        attentionNote.textProperty().bind(Bindings.createStringBinding(() -> {
            if (model.explanationProperty().get() == null) {
                return "";
            }
            return "Attention of the latest position, whose output every item is scored against, per layer and head and"
                    + " rolled out through the layers. Hover a cell for its value; click a row to highlight the item.";
        }, model.explanationProperty()));
    }

    private void bindHistory() {
        historyList.setItems(model.getHistory());
        historyList.setPlaceholder(new Label("No history"));
        historyList.setCellFactory(_ -> new HistoryCell());
        historyNote.textProperty().bind(Bindings.createStringBinding(() -> {
            if (model.explanationProperty().get() == null) {
                return "";
            }
            String note = model.noteProperty().get();
            return (note.isEmpty() ? "" : note + " ") + "Latest first; bars show the rollout attention.";
        }, model.explanationProperty(), model.noteProperty()));
        historyList.getSelectionModel().selectedItemProperty().addListener((_, _, picked) -> {
            if (picked != null) {
                model.highlightedProperty().set(picked.row());
            }
        });
        model.highlightedProperty().addListener((_, _, row) -> selectHistory(row.intValue()));
        model.getHistory().addListener((ListChangeListener<HistoryRow>) _ -> historyList.refresh());
    }

    private void selectHistory(int row) {
        for (int i = 0; i < model.getHistory().size(); i++) {
            if (model.getHistory().get(i).row() == row) {
                if (historyList.getSelectionModel().getSelectedIndex() != i) {
                    historyList.getSelectionModel().select(i);
                    historyList.scrollTo(i);
                }
                return;
            }
        }
        historyList.getSelectionModel().clearSelection();
    }

    private void bindWhy() {
        attributionBars.chartProperty().bind(Bindings.createObjectBinding(
                () -> AttributionChart.of(model.explanationProperty().get()), model.explanationProperty()));
        attributionBars.highlightedProperty().bindBidirectional(model.highlightedProperty());
        model.explanationProperty().addListener((_, _, shown) -> showWhy(shown));
        rankingColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "top %d by %s",
                c.getValue().removed(), FaithfulnessCheck.ATTENTION.equals(c.getValue().ranking())
                        ? "attention (rollout)" : "attribution (Shapley)")));
        dropColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                String.format(Locale.ROOT, "%.4f", c.getValue().drop())));
        randomColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format(Locale.ROOT,
                "%.4f \u00b1 %.4f (%d draws)", c.getValue().randomMean(), c.getValue().randomSd(), c.getValue().draws())));
        verdictColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().beatsRandom()
                ? "\u2713 beats random" : "\u2717 no better than random"));
        verdictColumn.setCellFactory(_ -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("verdict-pass", "verdict-fail");
                if (!empty && item != null) {
                    getStyleClass().add(item.startsWith("\u2713") ? "verdict-pass" : "verdict-fail");
                }
            }
        });
        faithfulnessTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private void bindAcrossUsers() {
        aggregateUsersSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(10, 1_000_000,
                model.aggregateUsersProperty().get(), 100));
        aggregateUsersSpinner.getValueFactory().valueProperty()
                .addListener((_, _, v) -> model.aggregateUsersProperty().set(v));
        aggregateButton.disableProperty().bind(model.loadedProperty().isNull().or(model.task().runningProperty()));
        pairTable.itemsProperty().bind(Bindings.createObjectBinding(() -> {
            AttentionAggregate a = model.aggregateProperty().get();
            return FXCollections.observableArrayList(a == null ? List.of() : a.topPairs());
        }, model.aggregateProperty()));
        aggregateSummary.textProperty().bind(Bindings.createStringBinding(() -> {
            AttentionAggregate a = model.aggregateProperty().get();
            return a == null ? "" : String.format(Locale.ROOT, "%,d users read; pairs seen at least %d times.",
                    a.users(), a.minCount());
        }, model.aggregateProperty()));
        fromColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(itemLabel(c.getValue().from())));
        toColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(itemLabel(c.getValue().to())));
        pairWeightColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().meanWeight()));
        pairWeightColumn.setCellFactory(_ -> new WeightCell());
        pairCountColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        pairTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        bindCategories();
    }

    /** An item's id and, where the project's data give one, its name or category. */
    private String itemLabel(String item) {
        String name = model.labelsProperty().get().name(item);
        return name == null ? item : item + " \u00b7 " + name;
    }

    /** The item trait categories come from, and the category-to-category attention read with it. */
    private void bindCategories() {
        categoryBox.getItems().setAll(NO_CATEGORY);
        model.getCategoryColumns().addListener((ListChangeListener<String>) _ -> {
            List<String> choices = new java.util.ArrayList<>(List.of(NO_CATEGORY));
            choices.addAll(model.getCategoryColumns());
            categoryBox.getItems().setAll(choices);
            categoryBox.setValue(model.categoryColumnProperty().get() == null ? NO_CATEGORY
                    : model.categoryColumnProperty().get());
        });
        categoryBox.valueProperty().addListener((_, _, picked) -> model.categoryColumnProperty().set(
                picked == null || NO_CATEGORY.equals(picked) ? null : picked));
        model.categoryColumnProperty().addListener((_, _, column) -> categoryBox.setValue(column == null ? NO_CATEGORY
                : column));
        categoryBox.disableProperty().bind(Bindings.isEmpty(model.getCategoryColumns()));
        categoryMatrix.attentionProperty().bind(Bindings.createObjectBinding(() -> {
            AttentionAggregate a = model.aggregateProperty().get();
            return a == null ? null : a.categories();
        }, model.aggregateProperty()));
        categoryNote.textProperty().bind(Bindings.createStringBinding(() -> {
            AttentionAggregate a = model.aggregateProperty().get();
            if (model.getCategoryColumns().isEmpty()) {
                return "Category-to-category attention needs item categories: explain a model kept in the project,"
                        + " trained on a dataset whose items have a categorical trait (such as an items table joined"
                        + " to it).";
            }
            if (model.categoryColumnProperty().get() == null) {
                return "Pick the column item categories come from.";
            }
            return a == null ? "" : "Share of the attention that positions holding items of the row's category pay"
                    + " to earlier items of the column's category (rows sum to 1); categories from "
                    + model.categoryColumnProperty().get() + ".";
        }, model.aggregateProperty(), model.getCategoryColumns(), model.categoryColumnProperty()));
    }

    /** A mean attention weight: its value and a bar in the heatmap's colour for it, on a scale of 0 to 1. */
    private static final class WeightCell extends TableCell<ItemAttention, Double> {
        private final Label value = new Label();
        private final Region bar = new Region();
        private final HBox box = new HBox(8, bar, value);

        WeightCell() {
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            bar.setMinHeight(10);
            bar.setMaxHeight(10);
        }

        @Override
        protected void updateItem(Double weight, boolean empty) {
            super.updateItem(weight, empty);
            if (empty || weight == null) {
                setGraphic(null);
                return;
            }
            value.setText(String.format(Locale.ROOT, "%.4f", weight));
            bar.setMinWidth(Math.max(2, 120 * weight));
            bar.setStyle("-fx-background-color: " + SvgPainter.hex(ColourScale.colour(weight, 1))
                    + "; -fx-border-color: #a7adb8;");
            setGraphic(box);
        }
    }

    private void showWhy(Explanation shown) {
        verifiedLabel.getStyleClass().removeAll("verified", "unverified", "not-found");
        faithfulnessTable.getItems().setAll(shown == null ? List.of() : shown.faithfulness().checks());
        if (shown == null) {
            verifiedLabel.setText("");
            counterfactualLabel.setText("");
            searchLabel.setText("");
            attributionNote.setText("");
            faithfulnessNote.setText("");
            return;
        }
        Counterfactual c = shown.counterfactual();
        if (c.found()) {
            verifiedLabel.setText(c.verified() ? "\u2713 verified" : "\u2717 not confirmed");
            verifiedLabel.getStyleClass().add(c.verified() ? "verified" : "unverified");
            counterfactualLabel.setText(String.format(Locale.ROOT,
                    "Without %s, %s would fall from rank %d to rank %d (score %.3f \u2192 %.3f), out of the top %d.",
                    ExplainTexts.items(c.removed(), shown.history().size()), shown.item(), c.originalRank(),
                    c.newRank(), shown.score(), c.newScore(), shown.k()));
        } else {
            verifiedLabel.setText("none found");
            verifiedLabel.getStyleClass().add("not-found");
            counterfactualLabel.setText(c.reason().isEmpty() ? "" : Character.toUpperCase(c.reason().charAt(0))
                    + c.reason().substring(1) + ".");
        }
        searchLabel.setText(String.format(Locale.ROOT, "Search: %s; %,d removal sets scored. \u201cVerified\u201d:"
                + " the history without these items was scored afresh and the item ranked outside the top %d.",
                c.search(), c.evaluated(), shown.k()));
        attributionNote.setText(ExplainTexts.attributionMethod(shown.attributions()));
        faithfulnessNote.setText("Removing the items an explanation ranks highest should lower the score more than"
                + " removing as many at random. Random sets: " + (shown.faithfulness().checks().isEmpty() ? 0
                        : shown.faithfulness().checks().getFirst().draws()) + " per row, seed "
                + shown.faithfulness().seed() + ".");
    }

    /** A history item: how far back it is, its id and a bar of the attention it got. */
    private final class HistoryCell extends ListCell<HistoryRow> {
        private final Label position = new Label();
        private final Label item = new Label();
        private final Label detail = new Label();
        private final VBox text = new VBox(item, detail);
        private final Region bar = new Region();
        private final HBox box = new HBox(position, text, bar);

        HistoryCell() {
            box.getStyleClass().add("history-cell");
            position.getStyleClass().add("history-position");
            item.getStyleClass().add("history-item");
            bar.getStyleClass().add("history-bar");
            detail.getStyleClass().add("history-detail");
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
        }

        @Override
        protected void updateItem(HistoryRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            position.setText("\u2212" + row.fromEnd());
            item.setText(row.name() == null ? row.item() : row.item() + " \u00b7 " + row.name());
            detail.setText(row.time());
            setTooltip(new Tooltip(item.getText() + (row.time().isEmpty() ? "" : "\n" + row.time())));
            detail.setVisible(!row.time().isEmpty());
            detail.setManaged(detail.isVisible());
            double max = model.getHistory().stream().mapToDouble(HistoryRow::attention).max().orElse(1);
            bar.setPrefWidth(max > 0 ? Math.max(1, BAR_WIDTH * row.attention() / max) : 1);
            bar.setMinWidth(Region.USE_PREF_SIZE);
            setGraphic(box);
        }
    }

    @FXML
    private void openModel() {
        model.openModel();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void exportHeatmapPng() {
        model.exportPicture(ExportFormat.PNG, "attention", heatmap::writePng);
    }

    @FXML
    private void exportHeatmapSvg() {
        model.exportPicture(ExportFormat.SVG, "attention", heatmap::writeSvg);
    }

    @FXML
    private void exportBarsPng() {
        model.exportPicture(ExportFormat.PNG, "attributions", attributionBars::writePng);
    }

    @FXML
    private void exportBarsSvg() {
        model.exportPicture(ExportFormat.SVG, "attributions", attributionBars::writeSvg);
    }

    @FXML
    private void aggregate() {
        model.aggregate();
    }

    @FXML
    private void addPolicy() {
        policies.addPolicy();
    }

    @FXML
    private void runPolicies() {
        policies.refreshVariables();
        policies.run();
    }

    @FXML
    private void cancelPolicies() {
        policies.cancel();
    }

    @FXML
    private void exportPolicyPng() {
        policies.export(ExportFormat.PNG, "chart", policyChart::writePng);
    }

    @FXML
    private void exportPolicySvg() {
        policies.export(ExportFormat.SVG, "chart", policyChart::writeSvg);
    }

    @FXML
    private void exportPolicyCsv() {
        policies.exportCsv();
    }

    /** The report of the policy whose bar is highlighted, else of the first. */
    @FXML
    private void exportPolicyReport() {
        policies.exportReport(Math.max(0, policyChart.highlightedProperty().get()));
    }

    @FXML
    private void exportCsv() {
        model.exportExplanation(ExportFormat.CSV);
    }

    @FXML
    private void exportJson() {
        model.exportExplanation(ExportFormat.JSON);
    }
}
