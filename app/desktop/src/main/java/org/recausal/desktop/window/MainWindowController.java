package org.recausal.desktop.window;

import java.nio.file.Path;
import java.util.Locale;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.Duration;

import org.controlsfx.control.NotificationPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.recausal.desktop.canvas.DagCanvas;
import org.recausal.desktop.data.DataPanelController;
import org.recausal.desktop.dialog.ExportFormat;
import org.recausal.desktop.explain.ExplainPanelController;
import org.recausal.desktop.interchange.GraphTransferViewModel;
import org.recausal.desktop.properties.PropertiesController;
import org.recausal.desktop.recsys.RecommendersPanelController;
import org.recausal.desktop.simulate.SimulatePanelController;
import org.recausal.engine.dag.edit.EditHistory;

/**
 * Binds {@code main-window.fxml} to the {@link MainWindowViewModel} and the canvas: menu and toolbar
 * commands, the notification bar, the status bar and the property panel's selection.
 */
public final class MainWindowController {
    /** How long a notice stays before it slides away by itself. */
    static final Duration NOTICE_TIME = Duration.seconds(8);

    private final MainWindowViewModel model;
    private GraphTransferViewModel graphTransfer;
    private final PauseTransition noticeTimer = new PauseTransition(NOTICE_TIME);
    /**
     * Held here because the canvas hands out an unmodifiable view that listens to its set weakly: a
     * listener on a view nobody keeps would stop firing after the next garbage collection.
     */
    private ObservableSet<String> selectedVariables;

    @FXML private DagCanvas canvas;
    @FXML private NotificationPane notifications;
    @FXML private Label hintLabel;
    @FXML private HBox busyBox;
    @FXML private Label busyLabel;
    @FXML private Label countsLabel;
    @FXML private Label zoomLabel;
    @FXML private Menu recentMenu;
    @FXML private MenuItem newItem;
    @FXML private MenuItem openItem;
    @FXML private MenuItem saveItem;
    @FXML private MenuItem saveAsItem;
    @FXML private MenuItem undoItem;
    @FXML private MenuItem redoItem;
    @FXML private CheckMenuItem snapItem;
    @FXML private Button newButton;
    @FXML private Button openButton;
    @FXML private Button saveButton;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Tooltip undoTooltip;
    @FXML private Tooltip redoTooltip;
    @FXML private PropertiesController propertiesController;
    @FXML private SplitPane centreSplit;
    @FXML private CheckMenuItem dataPanelItem;
    @FXML private DataPanelController dataPanelController;
    @FXML private CheckMenuItem simulatePanelItem;
    @FXML private SimulatePanelController simulatePanelController;
    @FXML private CheckMenuItem recommendersPanelItem;
    @FXML private RecommendersPanelController recommendersPanelController;
    @FXML private CheckMenuItem explainPanelItem;
    @FXML private ExplainPanelController explainPanelController;

    public MainWindowController(MainWindowViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        canvas.setOnEditRefused(model::reportRefusal);
        showHistory(model.currentHistory());
        model.historyProperty().addListener((_, _, history) -> showHistory(history));
        selectedVariables = canvas.getSelectedVariables();
        selectedVariables.addListener((SetChangeListener<String>) _ -> selectionChanged());
        canvas.selectedEdgeProperty().addListener((_, _, _) -> selectionChanged());

        undoItem.textProperty().bind(model.undoTextProperty());
        redoItem.textProperty().bind(model.redoTextProperty());
        undoTooltip.textProperty().bind(model.undoTextProperty());
        redoTooltip.textProperty().bind(model.redoTextProperty());
        undoItem.disableProperty().bind(model.canUndoProperty().not());
        undoButton.disableProperty().bind(model.canUndoProperty().not());
        redoItem.disableProperty().bind(model.canRedoProperty().not());
        redoButton.disableProperty().bind(model.canRedoProperty().not());
        // One file operation at a time; edits stay possible while a save runs (it saves a copy).
        for (MenuItem item : new MenuItem[] {newItem, openItem, saveItem, saveAsItem, recentMenu}) {
            item.disableProperty().bind(model.busyProperty());
        }
        for (Button button : new Button[] {newButton, openButton, saveButton}) {
            button.disableProperty().bind(model.busyProperty());
        }
        snapItem.selectedProperty().bindBidirectional(canvas.snapToGridProperty());

        model.getRecentFiles().addListener((ListChangeListener<Path>) _ -> fillRecentMenu());
        fillRecentMenu();

        model.noticeProperty().addListener((_, _, notice) -> showNotice(notice));
        noticeTimer.setOnFinished(_ -> notifications.hide());

        hintLabel.textProperty().bind(canvas.hintProperty());
        countsLabel.textProperty().bind(model.graphSummaryProperty());
        zoomLabel.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.0f%%", canvas.zoomProperty().getValue().doubleValue() * 100),
                canvas.zoomProperty()));
        busyLabel.textProperty().bind(model.busyTextProperty());
        busyBox.visibleProperty().bind(model.busyProperty());
        busyBox.managedProperty().bind(busyBox.visibleProperty());

        dataPanelController.attach(canvas, centreSplit, model.projectProperty(), model.historyProperty(),
                model::markDataChanged);
        dataPanelItem.selectedProperty().bindBidirectional(dataPanelController.shownProperty());
        simulatePanelController.attach(canvas, centreSplit, model.historyProperty(),
                dataPanelController.model().getDatasets(), dataPanelController.model().getMappingRows());
        simulatePanelItem.selectedProperty().bindBidirectional(simulatePanelController.shownProperty());
        recommendersPanelController.attach(canvas, centreSplit, model.projectProperty(), model::markDataChanged);
        recommendersPanelItem.selectedProperty().bindBidirectional(recommendersPanelController.shownProperty());
        explainPanelController.attach(canvas, centreSplit, model.projectProperty(), model.historyProperty());
        explainPanelItem.selectedProperty().bindBidirectional(explainPanelController.shownProperty());
    }

    /** Keys beyond the menu accelerators: the second redo shortcut and Ctrl+= for zoom in on US keyboards. */
    void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), this::redo);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), this::zoomIn);
    }

    DagCanvas canvas() {
        return canvas;
    }

    DataPanelController dataPanel() {
        return dataPanelController;
    }

    /** Paste, import and export of graph text; set once the canvas exists. */
    void setGraphTransfer(GraphTransferViewModel transfer) {
        graphTransfer = transfer;
    }

    SimulatePanelController simulatePanel() {
        return simulatePanelController;
    }

    RecommendersPanelController recommendersPanel() {
        return recommendersPanelController;
    }

    ExplainPanelController explainPanel() {
        return explainPanelController;
    }

    // ---------------------------------------------------------------- commands

    @FXML
    private void newProject() {
        model.newProject();
    }

    @FXML
    private void open() {
        model.open();
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void saveAs() {
        model.saveAs();
    }

    @FXML
    private void exportPng() {
        model.export(ExportFormat.PNG, canvas::exportPng);
    }

    @FXML
    private void exportSvg() {
        model.export(ExportFormat.SVG, canvas::exportSvg);
    }

    @FXML
    private void importGraph() {
        graphTransfer.importGraph();
    }

    @FXML
    private void exportGraph() {
        graphTransfer.exportGraph(model.currentProject().name());
    }

    @FXML
    private void pasteGraph() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        graphTransfer.paste(clipboard.hasString() ? clipboard.getString() : null);
    }

    @FXML
    private void quit() {
        Window window = canvas.getScene().getWindow();
        model.requestClose(window::hide);
    }

    @FXML
    private void undo() {
        model.undo();
    }

    @FXML
    private void redo() {
        model.redo();
    }

    @FXML
    private void addVariable() {
        canvas.addVariableAtCentre();
    }

    @FXML
    private void delete() {
        canvas.deleteSelection();
    }

    @FXML
    private void rename() {
        canvas.renameSelected();
    }

    @FXML
    private void reverseEdge() {
        canvas.reverseSelectedEdge();
    }

    @FXML
    private void selectAll() {
        canvas.selectAll();
    }

    @FXML
    private void zoomIn() {
        canvas.zoomIn();
    }

    @FXML
    private void zoomOut() {
        canvas.zoomOut();
    }

    @FXML
    private void resetZoom() {
        canvas.resetZoom();
    }

    @FXML
    private void fitToWindow() {
        canvas.fitToWindow();
    }

    @FXML
    private void autoLayout() {
        canvas.autoLayout();
    }

    @FXML
    private void addDataset() {
        dataPanelController.model().addDataset();
    }

    @FXML
    private void checkData() {
        dataPanelController.showCheck();
        dataPanelController.model().runCheck();
    }

    @FXML
    private void trainRecommender() {
        recommendersPanelController.shownProperty().set(true);
        recommendersPanelController.model().train();
    }

    @FXML
    private void openModel() {
        explainPanelController.shownProperty().set(true);
        explainPanelController.model().openModel();
    }

    @FXML
    private void about() {
        model.about();
    }

    // ---------------------------------------------------------------- internals

    private void showHistory(EditHistory history) {
        canvas.setHistory(history);
        propertiesController.model().setHistory(history);
    }

    private void selectionChanged() {
        propertiesController.model().select(selectedVariables, canvas.selectedEdgeProperty().get());
    }

    private void fillRecentMenu() {
        recentMenu.getItems().clear();
        for (Path file : model.getRecentFiles()) {
            Path folder = file.getParent();
            MenuItem item = new MenuItem(file.getFileName() + (folder == null ? "" : "  \u2014  " + folder));
            // Underscores in file names are text, not mnemonics.
            item.setMnemonicParsing(false);
            item.setOnAction(_ -> model.openRecent(file));
            recentMenu.getItems().add(item);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent projects");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("Clear list");
            clear.setOnAction(_ -> model.clearRecent());
            recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    private void showNotice(Notice notice) {
        if (notice == null) {
            return;
        }
        boolean warning = notice.kind() == Notice.Kind.WARNING;
        FontIcon icon = new FontIcon(warning ? "mdi2a-alert-outline" : "mdi2i-information-outline");
        icon.getStyleClass().add("notice-icon");
        notifications.getStyleClass().removeAll("warning", "info");
        notifications.getStyleClass().add(warning ? "warning" : "info");
        notifications.show(notice.text(), icon);
        noticeTimer.playFromStart();
    }
}
