package org.recausal.desktop.recsys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.recausal.desktop.data.DatasetEntry;
import org.recausal.desktop.dialog.FxDialogService;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.window.MainWindow;

/**
 * The Recommenders panel for review, run under Xvfb (not a test): the sample project's interaction log, SASRec trained
 * for 40 epochs on its clicks and BPR for comparison; then SASRec selected and its evaluation, plots and curves shown
 * {@value #SHOW} seconds each, and the Train dialog on top last. The window stays up for {@code seconds} (the
 * argument, default 300) so screenshots can be taken.
 */
public final class RecommendersScreenshot {

    static final int SHOW = 12;

    private RecommendersScreenshot() {
    }

    public static void main(String[] args) {
        // Launched through a nested class: a main class that is an Application needs JavaFX on the module path.
        Application.launch(Shot.class, args);
    }

    /** Opens the window and drives the panel step by step, each step when the one before has finished. */
    public static final class Shot extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            List<String> args = getParameters().getRaw();
            Path work = Files.createTempDirectory("recsys-shot");
            MainWindow window = MainWindow.create(stage, new FxDialogService(stage, MainWindow.stylesheet()),
                    new BackgroundTaskExecutor(), new RecentFiles(work.resolve("config")));
            stage.setWidth(1440);
            stage.setHeight(900);
            stage.setX(0);
            stage.setY(0);
            window.show();
            RecommendersModel model = window.recommendersPanel().model();
            window.model().openFile(Path.of("sample-projects/recommender-shop.recausal").toAbsolutePath());
            Timeline waitForData = new Timeline();
            waitForData.getKeyFrames().add(new KeyFrame(Duration.millis(500), _ -> {
                List<DatasetTable> loaded = loaded(window);
                if (loaded.size() == 3) {
                    waitForData.stop();
                    window.dataPanel().shownProperty().set(false);
                    window.recommendersPanel().shownProperty().set(true);
                    TrainDialogModel sasrec = new TrainDialogModel(loaded, window.dataPanel().model().dag());
                    sasrec.epochsProperty().set("40");
                    sasrec.validateEveryProperty().set("5");
                    model.train(sasrec.settings());
                }
            }));
            waitForData.setCycleCount(Timeline.INDEFINITE);
            waitForData.play();
            model.getModels().addListener((ListChangeListener<TrainedRecommender>) _ -> {
                if (model.getModels().size() == 1) {
                    TrainDialogModel bpr = new TrainDialogModel(loaded(window), window.dataPanel().model().dag());
                    bpr.kindProperty().set(ModelKind.BPR);
                    model.train(bpr.settings());
                } else if (model.getModels().size() == 2) {
                    TabPane tabs = (TabPane) stage.getScene().lookup("#tabs");
                    List<Runnable> tour = List.of(() -> {
                        model.selectedProperty().set(model.getModels().getFirst());
                        tabs.getSelectionModel().select(1);
                    }, () -> tabs.getSelectionModel().select(2), () -> tabs.getSelectionModel().select(0),
                            () -> Platform.runLater(model::train));
                    step(tour, 0);
                }
            });
            long seconds = args.isEmpty() ? 300 : Long.parseLong(args.getFirst());
            PauseTransition quit = new PauseTransition(Duration.seconds(seconds));
            quit.setOnFinished(_ -> {
                Platform.exit();
                System.exit(0);
            });
            quit.play();
        }

        /** Runs the tour's steps {@value RecommendersScreenshot#SHOW} seconds apart, the first after one second. */
        private static void step(List<Runnable> tour, int next) {
            PauseTransition wait = new PauseTransition(Duration.seconds(next == 0 ? 1 : SHOW));
            wait.setOnFinished(_ -> {
                tour.get(next).run();
                if (next + 1 < tour.size()) {
                    step(tour, next + 1);
                }
            });
            wait.play();
        }

        private static List<DatasetTable> loaded(MainWindow window) {
            return window.dataPanel().model().getDatasets().stream().filter(DatasetEntry::loaded)
                    .map(d -> new DatasetTable(d.id(), d.name(), d.table())).toList();
        }
    }
}
