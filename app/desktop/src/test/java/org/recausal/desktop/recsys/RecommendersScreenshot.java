package org.recausal.desktop.recsys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

import org.recausal.desktop.chart.ChartImages;
import org.recausal.desktop.data.DatasetEntry;
import org.recausal.desktop.dialog.FxDialogService;
import org.recausal.desktop.recsys.TrainDialogModel.PropensitySource;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.window.MainWindow;
import org.recausal.engine.recsys.EpochReport;

/**
 * The Recommenders panel for review, run under Xvfb with GTK (not a test): on the sample project's log, BPR with
 * the Train dialog's defaults (a picture of its live curves halfway), then MF-IPS on the ratings weighted by the
 * log's propensity column; then each model's curves, evaluation and plots, and the data panel's header. Writes
 * {@code bpr-live.png}, {@code bpr-training.png}, {@code mf-ips-training.png}, {@code bpr-evaluation.png},
 * {@code bpr-plots.png}, {@code mf-ips-plots.png} and {@code data-header.png} (window pictures at 1440 x 900) to the
 * folder given as the first argument, then quits.
 */
public final class RecommendersScreenshot {

    private RecommendersScreenshot() {
    }

    public static void main(String[] args) {
        // Launched through a nested class: a main class that is an Application needs JavaFX on the module path.
        Application.launch(Shot.class, args);
    }

    /** Opens the window and drives the panel step by step, each step when the one before has finished. */
    public static final class Shot extends Application {
        private Stage stage;
        private Path out;

        @Override
        public void start(Stage primary) throws Exception {
            stage = primary;
            List<String> args = getParameters().getRaw();
            out = Path.of(args.isEmpty() ? "." : args.getFirst()).toAbsolutePath();
            Files.createDirectories(out);
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
                    TrainDialogModel bpr = new TrainDialogModel(loaded, window.dataPanel().model().dag());
                    bpr.kindProperty().set(ModelKind.BPR);
                    model.train(bpr.settings());
                }
            }));
            waitForData.setCycleCount(Timeline.INDEFINITE);
            waitForData.play();
            boolean[] live = {false};
            model.getCurve().addListener((ListChangeListener<EpochReport>) _ -> {
                if (!live[0] && model.getCurve().size() == 15 && model.task().isRunning()) {
                    live[0] = true;
                    Platform.runLater(() -> shoot("bpr-live"));
                }
            });
            model.getModels().addListener((ListChangeListener<TrainedRecommender>) _ -> {
                if (model.getModels().size() == 1) {
                    TrainDialogModel mf = new TrainDialogModel(loaded(window), window.dataPanel().model().dag());
                    mf.kindProperty().set(ModelKind.MF_IPS);
                    mf.feedbackProperty().set("rating");
                    mf.propensitySourceProperty().set(PropensitySource.COLUMN);
                    mf.propensityProperty().set("exposure_propensity");
                    mf.epochsProperty().set("300");
                    model.train(mf.settings());
                } else if (model.getModels().size() == 2) {
                    TabPane tabs = (TabPane) stage.getScene().lookup("#tabs");
                    List<Runnable> tour = new ArrayList<>();
                    tour.add(() -> shoot("mf-ips-training"));
                    tour.add(() -> tabs.getSelectionModel().select(2));
                    tour.add(() -> shoot("mf-ips-plots"));
                    tour.add(() -> {
                        model.selectedProperty().set(model.getModels().getFirst());
                        tabs.getSelectionModel().select(0);
                    });
                    tour.add(() -> shoot("bpr-training"));
                    tour.add(() -> tabs.getSelectionModel().select(1));
                    tour.add(() -> shoot("bpr-evaluation"));
                    tour.add(() -> tabs.getSelectionModel().select(2));
                    tour.add(() -> shoot("bpr-plots"));
                    tour.add(() -> {
                        window.recommendersPanel().shownProperty().set(false);
                        window.dataPanel().shownProperty().set(true);
                    });
                    tour.add(() -> shoot("data-header"));
                    tour.add(() -> {
                        Platform.exit();
                        System.exit(0);
                    });
                    step(tour, 0);
                }
            });
        }

        private void shoot(String name) {
            try {
                ChartImages.writePng(stage.getScene().getRoot(), out.resolve(name + ".png"), 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Runs the tour's steps a second apart, so each picture shows the laid-out step before it. */
        private static void step(List<Runnable> tour, int next) {
            PauseTransition wait = new PauseTransition(Duration.seconds(1));
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
