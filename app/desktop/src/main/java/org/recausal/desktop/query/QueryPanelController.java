package org.recausal.desktop.query;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.SegmentedButton;
import org.kordamp.ikonli.javafx.FontIcon;
import org.recausal.desktop.canvas.DagCanvas;
import org.recausal.engine.analysis.AdjustmentAnalysis.Effect;
import org.recausal.engine.analysis.Independence;
import org.recausal.engine.analysis.Instrument;
import org.recausal.engine.dag.edit.EditHistory;

/**
 * Binds {@code query-panel.fxml} to the {@link QueryPanelViewModel} and puts the model's overlay on the
 * canvas. Everything shown can be copied as text: Ctrl+C or the context menu on each list, the answer's
 * context menu, and the copy button for the whole report.
 */
public final class QueryPanelController {
    /** The answer's paths are drawn over the data panel's marks: they change with every edit. */
    static final int OVERLAY_LEVEL = 2;

    /** Height of a one-line row in the result lists. */
    private static final double LINE_ROW = 26;
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    /** The path list's width not available to a row's text: marker, gaps, cell padding, scroll bar. */
    private static final double PATH_TEXT_INSET = 44;

    private final QueryPanelViewModel model;

    @FXML private CheckComboBox<String> exposureBox;
    @FXML private CheckComboBox<String> outcomeBox;
    @FXML private SegmentedButton effectButtons;
    @FXML private ToggleButton totalButton;
    @FXML private ToggleButton directButton;
    @FXML private ProgressIndicator runningIndicator;
    @FXML private Button copyReportButton;
    @FXML private VBox answerCard;
    @FXML private FontIcon answerIcon;
    @FXML private Label answerHeadline;
    @FXML private Label answerDetail;
    @FXML private ListView<Set<String>> setList;
    @FXML private Label identificationLabel;
    @FXML private Hyperlink backLink;
    @FXML private TextField setField;
    @FXML private CheckComboBox<String> setBox;
    @FXML private Label setProblem;
    @FXML private HBox verdictBox;
    @FXML private FontIcon verdictIcon;
    @FXML private Label verdictLabel;
    @FXML private Tab pathTab;
    @FXML private Label pathSummary;
    @FXML private ListView<PathRow> pathList;
    @FXML private Tab implicationTab;
    @FXML private Label implicationSummary;
    @FXML private ListView<Independence> implicationList;
    @FXML private Tab instrumentTab;
    @FXML private Label instrumentSummary;
    @FXML private ListView<Instrument> instrumentList;
    @FXML private CheckBox overlayToggle;
    @FXML private Label problemLabel;

    private CheckedNames exposures;
    private CheckedNames outcomes;
    private CheckedNames setTicks;
    private boolean showingChosenSet;

    public QueryPanelController(QueryPanelViewModel model) {
        this.model = model;
    }

    public QueryPanelViewModel model() {
        return model;
    }

    /** Follows the window's project (its edit history) and draws the answer's paths on {@code canvas}. */
    public void attach(ObservableValue<EditHistory> history, DagCanvas canvas) {
        model.setHistory(history.getValue());
        history.addListener((obs, before, now) -> model.setHistory(now));
        canvas.setOverlay(OVERLAY_LEVEL, model.overlayProperty().get());
        model.overlayProperty().addListener((obs, before, now) -> canvas.setOverlay(OVERLAY_LEVEL, now));
    }

    @FXML
    private void initialize() {
        bindQuestion();
        bindAnswer();
        bindChosenSet();
        bindDetails();
        runningIndicator.visibleProperty().bind(model.runningProperty());
        overlayToggle.selectedProperty().bindBidirectional(model.showOnCanvasProperty());
        problemLabel.textProperty().bind(model.problemProperty());
        showWhenText(problemLabel);
        copyReportButton.setOnAction(event -> copy(model.reportText()));
    }

    private void bindQuestion() {
        exposures = CheckedNames.bind(exposureBox, model.getVariables(), "Choose\u2026", true, model::setExposures);
        outcomes = CheckedNames.bind(outcomeBox, model.getVariables(), "Choose\u2026", true, model::setOutcomes);
        exposures.show(model.getExposures());
        outcomes.show(model.getOutcomes());
        model.getExposures().addListener((ListChangeListener<String>) change -> exposures.show(model.getExposures()));
        model.getOutcomes().addListener((ListChangeListener<String>) change -> outcomes.show(model.getOutcomes()));

        ToggleGroup effects = effectButtons.getToggleGroup();
        totalButton.setUserData(Effect.TOTAL);
        directButton.setUserData(Effect.DIRECT);
        (model.effectProperty().get() == Effect.TOTAL ? totalButton : directButton).setSelected(true);
        effects.selectedToggleProperty().addListener((obs, before, now) -> {
            if (now == null) {
                before.setSelected(true); // one effect is always asked about
            } else {
                model.effectProperty().set((Effect) now.getUserData());
            }
        });
    }

    private void bindAnswer() {
        model.answerProperty().addListener((obs, before, now) -> showAnswer(now));
        showAnswer(model.answerProperty().get());
        setList.setItems(model.getSets());
        setList.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        setList.setCellFactory(list -> textCell(QueryText::set));
        setList.setFixedCellSize(LINE_ROW);
        setList.getSelectionModel().selectedItemProperty().addListener((obs, before, now) -> {
            if (now != null && !showingChosenSet) {
                model.chooseSet(now);
            }
        });
        model.getSets().addListener((ListChangeListener<Set<String>>) change -> {
            setList.setVisible(!model.getSets().isEmpty());
            setList.setPrefHeight(Math.min(6, model.getSets().size()) * LINE_ROW + 4);
            markChosenSet();
        });
        setList.setVisible(false);
        setList.managedProperty().bind(setList.visibleProperty());
        CopyableList.install(setList, QueryText::sets, this::copy);
        identificationLabel.textProperty().bind(model.identificationProperty());
        showWhenText(identificationLabel);
        backLink.setOnAction(event -> model.dismissNotADag());
        backLink.managedProperty().bind(backLink.visibleProperty());

        MenuItem copyAnswer = new MenuItem("Copy answer");
        copyAnswer.setAccelerator(CopyableList.COPY);
        copyAnswer.setOnAction(event -> copy(model.answerText()));
        ContextMenu menu = new ContextMenu(copyAnswer);
        answerCard.setOnContextMenuRequested(event -> menu.show(answerCard, event.getScreenX(), event.getScreenY()));
        // A click puts the keyboard on the card, so Ctrl+C copies the answer.
        answerCard.setOnMousePressed(event -> answerCard.requestFocus());
        answerCard.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (CopyableList.COPY.match(event)) {
                copy(model.answerText());
                event.consume();
            }
        });
    }

    private void showAnswer(QueryAnswer answer) {
        answerCard.getStyleClass().removeIf(style -> style.startsWith("answer-") && !style.equals("answer-card"));
        if (answer == null) {
            answerCard.getStyleClass().add("answer-pending");
            answerIcon.setIconLiteral("mdi2r-reload");
            answerHeadline.setText("Analysing the graph\u2026");
            answerDetail.setText("");
            backLink.setVisible(false);
            return;
        }
        answerCard.getStyleClass().add(answer.kind().styleClass());
        answerIcon.setIconLiteral(switch (answer.kind()) {
            case NO_QUESTION -> "mdi2h-help-circle-outline";
            case EMPTY_SET_SUFFICES -> "mdi2c-check-circle-outline";
            case ADJUSTMENT_SETS -> "mdi2f-format-list-checks";
            case NO_ADJUSTMENT_SET -> "mdi2c-close-circle-outline";
            case NOT_A_DAG -> "mdi2s-sync-alert";
        });
        answerHeadline.setText(answer.headline());
        answerDetail.setText(answer.detail());
        backLink.setVisible(answer.kind() == QueryAnswer.Kind.NOT_A_DAG);
    }

    private void bindChosenSet() {
        setTicks = CheckedNames.bind(setBox, model.getVariables(), "Tick", false, model::chooseSet);
        model.chosenSetProperty().addListener((obs, before, now) -> showChosenSet());
        showChosenSet();
        setField.setOnAction(event -> model.typeSet(setField.getText()));
        setField.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                model.typeSet(setField.getText());
            }
        });
        setProblem.textProperty().bind(model.setProblemProperty());
        showWhenText(setProblem);
        model.setProblemProperty().addListener((obs, before, now) ->
                setField.pseudoClassStateChanged(ERROR, !now.isEmpty()));
        verdictBox.managedProperty().bind(verdictBox.visibleProperty());
        model.verdictProperty().addListener((obs, before, now) -> showVerdict(now));
        showVerdict(model.verdictProperty().get());
    }

    private void showChosenSet() {
        Set<String> chosen = model.chosenSetProperty().get();
        setField.setText(QueryText.names(chosen));
        setTicks.show(chosen);
        markChosenSet();
    }

    /** Selects the listed set equal to the chosen one, if any, without choosing it again. */
    private void markChosenSet() {
        showingChosenSet = true;
        try {
            int index = model.getSets().indexOf(model.chosenSetProperty().get());
            if (index >= 0) {
                setList.getSelectionModel().clearAndSelect(index);
            } else {
                setList.getSelectionModel().clearSelection();
            }
        } finally {
            showingChosenSet = false;
        }
    }

    private void showVerdict(SetVerdict verdict) {
        verdictBox.setVisible(verdict != null);
        verdictBox.getStyleClass().removeAll("valid", "invalid");
        if (verdict == null) {
            return;
        }
        verdictBox.getStyleClass().add(verdict.valid() ? "valid" : "invalid");
        verdictIcon.setIconLiteral(verdict.valid() ? "mdi2c-check-circle-outline" : "mdi2a-alert-circle-outline");
        verdictLabel.setText(verdict.text());
    }

    private void bindDetails() {
        pathList.setCellFactory(list -> new PathCell(list));
        showList(pathTab, "Paths", pathList, model.getPaths(), QueryText::paths, pathSummary, model.pathSummaryProperty());
        implicationList.setCellFactory(list -> textCell(Independence::toString));
        // One line per row: a fixed height spares the list measuring a thousand rows after each run.
        implicationList.setFixedCellSize(LINE_ROW);
        showList(implicationTab, "Implications", implicationList, model.getImplications(), QueryText::implications,
                implicationSummary, model.implicationSummaryProperty());
        instrumentList.setCellFactory(list -> textCell(Instrument::toString));
        instrumentList.setFixedCellSize(LINE_ROW);
        showList(instrumentTab, "Instruments", instrumentList, model.getInstruments(), QueryText::instruments,
                instrumentSummary, model.instrumentSummaryProperty());
    }

    /** A result list in its tab: the tab counts the rows, the summary sits above, rows copy as text. */
    private <T> void showList(Tab tab, String name, ListView<T> list, ObservableList<T> rows,
            Function<List<T>, String> text, Label summary, ObservableValue<String> summaryText) {
        list.setItems(rows);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        CopyableList.install(list, text, this::copy);
        summary.textProperty().bind(summaryText);
        tab.textProperty().bind(Bindings.createStringBinding(
                () -> rows.isEmpty() ? name : name + " (" + rows.size() + ")", rows));
    }

    private static void showWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static <T> ListCell<T> textCell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    private void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A path in DAGitty's notation over why it is open or blocked, behind a marker in the path's canvas colour. */
    private static final class PathCell extends ListCell<PathRow> {
        private final Region marker = new Region();
        private final Label path = new Label();
        private final Label reason = new Label();
        private final HBox row = new HBox(marker, new VBox(path, reason));

        PathCell(ListView<PathRow> list) {
            getStyleClass().add("path-cell");
            marker.getStyleClass().add("path-marker");
            path.getStyleClass().add("path-text");
            reason.getStyleClass().add("path-reason");
            reason.setWrapText(true);
            path.setWrapText(true);
            row.getStyleClass().add("path-row");
            // Wrap to the list's width, known before the cell is laid out, so the list measures rows right.
            path.prefWidthProperty().bind(list.widthProperty().subtract(PATH_TEXT_INSET));
            reason.prefWidthProperty().bind(list.widthProperty().subtract(PATH_TEXT_INSET));
            path.setMinHeight(Region.USE_PREF_SIZE);
            reason.setMinHeight(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(PathRow item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            marker.getStyleClass().setAll("path-marker", item.status().styleClass());
            path.setText(item.path().toString());
            reason.setText(item.reason());
            setGraphic(row);
        }
    }
}
