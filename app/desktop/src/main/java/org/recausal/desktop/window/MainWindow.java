package org.recausal.desktop.window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import org.recausal.desktop.canvas.DagCanvas;
import org.recausal.desktop.data.DataDialogs;
import org.recausal.desktop.data.DataPanelController;
import org.recausal.desktop.data.DataPanelModel;
import org.recausal.desktop.data.DatasetEntry;
import org.recausal.desktop.data.FxDataDialogs;
import org.recausal.desktop.dialog.DialogService;
import org.recausal.desktop.explain.ExplainModel;
import org.recausal.desktop.explain.ExplainPanelController;
import org.recausal.desktop.explain.PolicyComparisonModel;
import org.recausal.desktop.interchange.GraphTransferViewModel;
import org.recausal.desktop.properties.PropertiesController;
import org.recausal.desktop.properties.PropertiesViewModel;
import org.recausal.desktop.query.FxDebouncer;
import org.recausal.desktop.query.QueryPanelController;
import org.recausal.desktop.query.QueryPanelViewModel;
import org.recausal.desktop.recsys.CausalData;
import org.recausal.desktop.recsys.DatasetTable;
import org.recausal.desktop.recsys.FxRecsysDialogs;
import org.recausal.desktop.recsys.RecommendersModel;
import org.recausal.desktop.recsys.RecommendersPanelController;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.simulate.SimulateModel;
import org.recausal.desktop.simulate.SimulatePanelController;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.task.TaskExecutor;
import org.recausal.engine.analysis.NotADag;

/**
 * The Recausal main window on a stage: loads {@code main-window.fxml} with its controllers, applies
 * {@code recausal.css}, keeps the stage title in step with the project and asks about unsaved changes
 * when the window is closed.
 */
public final class MainWindow {
    private static final String UI = "/org/recausal/desktop/ui/";

    private final Stage stage;
    private final MainWindowViewModel model;
    private final MainWindowController controller;
    private final QueryPanelController query;

    private MainWindow(Stage stage, MainWindowViewModel model, MainWindowController controller,
            QueryPanelController query, Parent root) {
        this.stage = stage;
        this.model = model;
        this.controller = controller;
        this.query = query;
        Scene scene = new Scene(root);
        scene.getStylesheets().add(stylesheet());
        controller.installShortcuts(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleProperty());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1440, screen.getWidth() * 0.9));
        stage.setHeight(Math.min(900, screen.getHeight() * 0.9));
        stage.setOnCloseRequest(request -> {
            // Closing waits for the answer (and a save, if chosen); the window closes itself afterwards.
            request.consume();
            model.requestClose(stage::hide);
        });
    }

    /** Builds the window on {@code stage}; call {@link #show()} to put it on screen. */
    public static MainWindow create(Stage stage, DialogService dialogs, TaskExecutor tasks, RecentFiles recentFiles) {
        // Data work (imports, checks) gets a thread of its own, so a long import never holds up a save.
        return create(stage, dialogs, tasks, recentFiles, new FxDataDialogs(stage, List.of(stylesheet())),
                new BackgroundTaskExecutor());
    }

    /** The same with the data views' dialogs and worker given, as tests do. */
    public static MainWindow create(Stage stage, DialogService dialogs, TaskExecutor tasks, RecentFiles recentFiles,
            DataDialogs dataDialogs, TaskExecutor dataTasks) {
        MainWindowViewModel model = new MainWindowViewModel(dialogs, tasks, recentFiles);
        DataPanelModel data = new DataPanelModel(dataDialogs, dataTasks, Platform::runLater);
        Supplier<SimulateModel.Inputs> modelInputs = () -> new SimulateModel.Inputs(data.project(), data.loadedData());
        SimulateModel simulate = new SimulateModel(modelInputs, model::markDataChanged, dialogs, new BackgroundTaskExecutor(), Platform::runLater);
        RecommendersModel recommenders = new RecommendersModel(() -> data.getDatasets().stream()
                .filter(DatasetEntry::loaded).map(d -> new DatasetTable(d.id(), d.name(), d.table())).toList(),
                () -> new CausalData(data.dag().copy(), data.loadedData()), new FxRecsysDialogs(stage, List.of(stylesheet())),
                new BackgroundTaskExecutor("recausal-training"),
                new BackgroundTaskExecutor("recausal-models"), Platform::runLater);
        BackgroundTaskExecutor explainTasks = new BackgroundTaskExecutor("recausal-explain");
        ExplainModel explain = new ExplainModel(dialogs, explainTasks, Platform::runLater);
        PolicyComparisonModel policies = new PolicyComparisonModel(modelInputs, model::markDataChanged, dialogs, explainTasks,
                Platform::runLater);
        MainWindowController controller = new MainWindowController(model);
        // The live analysis has a thread of its own, so it never waits for a save or delays one.
        BackgroundTaskExecutor analysis = new BackgroundTaskExecutor("recausal-analysis");
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> analysis.close());
        QueryPanelController query = new QueryPanelController(
                new QueryPanelViewModel(analysis, new FxDebouncer(QueryPanelViewModel.QUIET_TIME)));
        FXMLLoader loader = new FXMLLoader(resource("main-window.fxml"));
        loader.setControllerFactory(type -> {
            if (type == MainWindowController.class) {
                return controller;
            }
            if (type == QueryPanelController.class) {
                return query;
            }
            if (type == PropertiesController.class) {
                return new PropertiesController(new PropertiesViewModel());
            }
            if (type == DataPanelController.class) {
                return new DataPanelController(data);
            }
            if (type == SimulatePanelController.class) {
                return new SimulatePanelController(simulate);
            }
            if (type == RecommendersPanelController.class) {
                return new RecommendersPanelController(recommenders);
            }
            if (type == ExplainPanelController.class) {
                return new ExplainPanelController(explain, policies);
            }
            throw new IllegalArgumentException("no controller of type " + type.getName());
        });
        try {
            Parent root = loader.load();
            DagCanvas canvas = controller.canvas();
            query.attach(model.historyProperty(), canvas);
            controller.setGraphTransfer(new GraphTransferViewModel(dialogs, tasks, model::currentHistory,
                    () -> model.fileProperty().get() == null ? null : model.fileProperty().get().toAbsolutePath().getParent(),
                    DagCanvas::boxWidth, transferListener(model, query.model(), canvas)));
            return new MainWindow(stage, model, controller, query, root);
        } catch (IOException e) {
            // The FXML ships inside the jar: failing to load it is a build error, not a user error.
            throw new UncheckedIOException("cannot load main-window.fxml", e);
        }
    }

    private static GraphTransferViewModel.Listener transferListener(MainWindowViewModel model,
            QueryPanelViewModel query, DagCanvas canvas) {
        return new GraphTransferViewModel.Listener() {
            @Override
            public void warn(String message) {
                model.reportRefusal(message);
            }

            @Override
            public void inform(String message) {
                model.reportInformation(message);
            }

            @Override
            public void notADag(NotADag cycle, String source) {
                query.showNotADag(cycle, source);
            }

            @Override
            public void added(List<String> names) {
                canvas.fitToWindow();
            }
        };
    }

    /** The query panel's controller. */
    public QueryPanelController query() {
        return query;
    }

    /** The application stylesheet, also given to dialogs. */
    public static String stylesheet() {
        return resource("recausal.css").toExternalForm();
    }

    /** Shows the window with the keyboard on the canvas, where the shortcuts act. */
    public void show() {
        stage.show();
        controller.canvas().requestFocus();
    }

    public Stage stage() {
        return stage;
    }

    public MainWindowViewModel model() {
        return model;
    }

    public DagCanvas canvas() {
        return controller.canvas();
    }

    /** The data panel under the canvas. */
    public DataPanelController dataPanel() {
        return controller.dataPanel();
    }

    public SimulatePanelController simulatePanel() {
        return controller.simulatePanel();
    }

    public RecommendersPanelController recommendersPanel() {
        return controller.recommendersPanel();
    }

    /** The Explain panel under the canvas. */
    public ExplainPanelController explainPanel() {
        return controller.explainPanel();
    }

    private static URL resource(String name) {
        return Objects.requireNonNull(MainWindow.class.getResource(UI + name), () -> UI + name + " is missing");
    }
}
