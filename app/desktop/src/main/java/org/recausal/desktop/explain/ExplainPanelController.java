package org.recausal.desktop.explain;

import java.util.Locale;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.recausal.desktop.canvas.DagCanvas;
import org.recausal.desktop.dialog.ExportFormat;

/** The Explain panel's view (explain-panel.fxml): binds its controls to an {@link ExplainModel}. */
public final class ExplainPanelController {
    private static final double PANEL_SHARE = 0.72;
    private static final double BAR_WIDTH = 64;

    private final ExplainModel model;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");

    @FXML private BorderPane explainRoot;
    @FXML private Button openModelButton;
    @FXML private Label modelLabel;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Button cancelButton;
    @FXML private MenuButton exportButton;
    @FXML private TextField userSearch;
    @FXML private ListView<String> userList;
    @FXML private Spinner<Integer> kSpinner;
    @FXML private TableView<RecommendationRow> recommendationTable;
    @FXML private TableColumn<RecommendationRow, Integer> rankColumn;
    @FXML private TableColumn<RecommendationRow, String> itemColumn;
    @FXML private TableColumn<RecommendationRow, String> scoreColumn;
    @FXML private Label headlineLabel;
    @FXML private Label attentionNote;
    @FXML private AttentionHeatmap heatmap;
    @FXML private Label historyNote;
    @FXML private ListView<HistoryRow> historyList;
    @FXML private Label errorLabel;
    @FXML private Label statusLabel;

    public ExplainPanelController(ExplainModel model) {
        this.model = model;
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

    /** Puts the panel under the canvas in {@code split} while it is shown, refitting the graph to what is left. */
    public void attach(DagCanvas canvas, SplitPane split) {
        shown.addListener((_, _, now) -> {
            if (now) {
                split.getItems().add(explainRoot);
                split.setDividerPositions(1 - PANEL_SHARE);
            } else {
                split.getItems().remove(explainRoot);
            }
            Platform.runLater(canvas::fitToWindow);
        });
    }

    @FXML
    private void initialize() {
        bindTask();
        bindUsers();
        bindRecommendations();
        bindAttention();
        bindHistory();
    }

    private void bindTask() {
        progressBar.progressProperty().bind(model.task().progressProperty());
        progressLabel.textProperty().bind(model.task().messageProperty());
        progressBar.visibleProperty().bind(model.task().runningProperty());
        progressLabel.visibleProperty().bind(model.task().runningProperty());
        cancelButton.visibleProperty().bind(model.task().runningProperty());
        modelLabel.textProperty().bind(Bindings.createStringBinding(() -> model.loadedProperty().get() == null
                ? "No model open" : model.loadedProperty().get().name(), model.loadedProperty()));
        exportButton.disableProperty().bind(model.explanationProperty().isNull());
        statusLabel.textProperty().bind(model.statusProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());
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
        model.userProperty().addListener((_, _, user) -> {
            if (user != null && !user.equals(userList.getSelectionModel().getSelectedItem())) {
                userList.getSelectionModel().select(user);
                userList.scrollTo(user);
            }
        });
        userSearch.setOnAction(_ -> {
            if (!model.getMatchingUsers().isEmpty()) {
                model.userProperty().set(model.getMatchingUsers().getFirst());
            }
        });
        kSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 200, model.kProperty().get()));
        kSpinner.getValueFactory().valueProperty().addListener((_, _, v) -> model.kProperty().set(v));
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
            RecommendationRow picked = model.recommendationProperty().get();
            ExplainModel.UserExplanation shown = model.explanationProperty().get();
            if (picked == null || shown == null) {
                return "";
            }
            return String.format(Locale.ROOT, "Why %s is recommended to %s (rank %d, score %.3f)", picked.item(),
                    shown.user(), picked.rank(), picked.score());
        }, model.recommendationProperty(), model.explanationProperty()));
    }

    private void bindAttention() {
        heatmap.gridProperty().bind(model.attentionProperty());
        heatmap.highlightedRowProperty().bindBidirectional(model.highlightedProperty());
        attentionNote.textProperty().bind(Bindings.createStringBinding(() -> {
            ExplainModel.UserExplanation shown = model.explanationProperty().get();
            if (shown == null) {
                return "";
            }
            if (shown.attention() == null) {
                return shown.note();
            }
            return "Where the model's latest position looked in each layer and head when it built this user's vector;"
                    + " every candidate item is scored against that vector, so these weights lie behind each of the"
                    + " user's recommendations. Hover a cell for its exact value, click a row to highlight the item.";
        }, model.explanationProperty()));
    }

    private void bindHistory() {
        historyList.setItems(model.getHistory());
        historyList.setPlaceholder(new Label("No history"));
        historyList.setCellFactory(_ -> new HistoryCell());
        historyNote.textProperty().bind(Bindings.createStringBinding(() -> {
            ExplainModel.UserExplanation shown = model.explanationProperty().get();
            if (shown == null || shown.attention() == null) {
                return "";
            }
            return (shown.note().isEmpty() ? "" : shown.note() + " ")
                    + "Latest first; bars show the last heatmap column.";
        }, model.explanationProperty()));
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

    /** A history item: how far back it is, its id and a bar of the attention it got. */
    private final class HistoryCell extends ListCell<HistoryRow> {
        private final Label position = new Label();
        private final Label item = new Label();
        private final Region bar = new Region();
        private final HBox box = new HBox(position, item, bar);

        HistoryCell() {
            box.getStyleClass().add("history-cell");
            position.getStyleClass().add("history-position");
            item.getStyleClass().add("history-item");
            bar.getStyleClass().add("history-bar");
            item.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(item, Priority.ALWAYS);
        }

        @Override
        protected void updateItem(HistoryRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            position.setText("\u2212" + row.fromEnd());
            item.setText(row.item());
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
    private void exportCsv() {
        model.exportExplanation(ExportFormat.CSV);
    }

    @FXML
    private void exportJson() {
        model.exportExplanation(ExportFormat.JSON);
    }
}
