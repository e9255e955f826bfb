package org.recausal.desktop.simulate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.recausal.desktop.chart.ChartImages;
import org.recausal.desktop.data.DatasetEntry;
import org.recausal.desktop.dialog.FxDialogService;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.window.MainWindow;

/**
 * The Simulate panel for review, run under Xvfb (not a test). Without a project (second argument): the known SCM's
 * graph and 5,000 rows, fitted; three scenarios kept (treat everyone, treat no one, treat where z > 0 by a rule),
 * the first run, all three compared, the effect of t on y estimated and refuted, and a counterfactual for an
 * untreated row. With the bundled sample project: its discount on the price, for all items and for books against no
 * discount, compared. Then each result tab is written as a PNG of the whole window into the folder given as the
 * first argument, and the app exits.
 */
public final class SimulateScreenshot {

    private SimulateScreenshot() {
    }

    public static void main(String[] args) {
        // Launched through a nested class: a main class that is an Application needs JavaFX on the module path.
        Application.launch(Shot.class, args);
    }

    /** Opens the window and drives the panel step by step, each step when the one before has finished. */
    public static final class Shot extends Application {
        private static final List<String> TABS = List.of("effects", "compare", "fit", "counterfactual", "estimate");

        private MainWindow window;
        private SimulateModel model;
        private Path out;

        @Override
        public void start(Stage stage) throws Exception {
            out = Path.of(getParameters().getRaw().isEmpty() ? "target/screenshots" : getParameters().getRaw()
                    .getFirst());
            Files.createDirectories(out);
            Path work = Files.createTempDirectory("simulate-shot");
            window = MainWindow.create(stage, new FxDialogService(stage, MainWindow.stylesheet()),
                    new BackgroundTaskExecutor(), new RecentFiles(work.resolve("config")));
            stage.setWidth(1440);
            stage.setHeight(900);
            stage.setX(0);
            stage.setY(0);
            window.show();
            model = window.simulatePanel().model();
            // Under Xvfb nobody reads the window: what goes wrong goes to the console too.
            model.errorProperty().addListener((_, _, error) -> System.err.println("error: " + error));
            model.statusProperty().addListener((_, _, status) -> System.err.println("status: " + status));
            if (getParameters().getRaw().size() > 1) {
                openSample(Path.of(getParameters().getRaw().get(1)));
                return;
            }
            window.model().openFile(SimulateWindowSetup.project(work));
            window.model().historyProperty().addListener((_, _, _) -> {
                SimulateWindowSetup.attachData(window, work, 5000);
                window.dataPanel().shownProperty().set(false);
                window.simulatePanel().shownProperty().set(true);
                model.fit();
            });
            once(() -> model.fittedProperty().get() != null, model.fittedProperty(), this::keepAndRun);
        }

        /** Opens the sample project, waits for its datasets to load, fits, and compares its discount scenarios. */
        private void openSample(Path project) {
            window.model().openFile(project);
            Timeline loaded = new Timeline(new KeyFrame(Duration.seconds(1)));
            loaded.setCycleCount(Animation.INDEFINITE);
            loaded.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1), _ -> {
                var datasets = window.dataPanel().model().getDatasets();
                if (!datasets.isEmpty() && datasets.stream().allMatch(DatasetEntry::loaded)) {
                    loaded.stop();
                    window.dataPanel().shownProperty().set(false);
                    window.simulatePanel().shownProperty().set(true);
                    model.fit();
                }
            }));
            loaded.play();
            once(() -> model.fittedProperty().get() != null, model.fittedProperty(), () -> {
                ScenarioDraft draft = model.draft();
                draft.getOutcomes().add("item_price");
                draft.replicatesProperty().set(3);
                draft.samplesProperty().set(10_000);
                draft.nodeProperty().set("discount");
                draft.valueProperty().set("0");
                model.addIntervention(true);
                keep("discount", "discount", ScenarioDraft.Kind.SET, "1");
                draft.subgroupProperty().set("item_category == \"books\"");
                keep("discount on books", "discount", ScenarioDraft.Kind.SET, "1");
                once(() -> !model.getComparison().isEmpty(), model.getComparison(), () -> {
                    draft.nodeProperty().set("item_price");
                    model.simulate();
                });
                once(() -> model.resultProperty().get() != null, model.resultProperty(),
                        () -> shoot(new ArrayDeque<>(List.of("compare", "fit", "effects"))));
                model.compare(List.copyOf(model.getScenarios()));
            });
        }

        private void keepAndRun() {
            ScenarioDraft draft = model.draft();
            draft.getOutcomes().add("y");
            draft.replicatesProperty().set(40);
            keep("treat no one", "t", ScenarioDraft.Kind.SET, "0");
            keep("treat where z > 0", "t", ScenarioDraft.Kind.RULE, "if(z > 0, 1, t)");
            keep("treat everyone", "t", ScenarioDraft.Kind.SET, "1");
            once(() -> model.resultProperty().get() != null, model.resultProperty(),
                    () -> model.compare(List.copyOf(model.getScenarios())));
            once(() -> !model.getComparison().isEmpty(), model.getComparison(), () -> {
                model.treatmentProperty().set("t");
                model.outcomeProperty().set("y");
                model.estimate();
            });
            once(() -> model.estimatedProperty().get() != null, model.estimatedProperty(), () -> {
                model.counterfactualOutcomeProperty().set("y");
                double[] treated = model.fittedProperty().get().data().column("t");
                int untreated = 0;
                while (treated[untreated] != 0) {
                    untreated++;
                }
                model.counterfactualRowProperty().set(untreated + 1);
                model.counterfactual();
                draft.nodeProperty().set("y");
                shoot(new ArrayDeque<>(TABS));
            });
            model.simulate();
        }

        private void keep(String name, String node, ScenarioDraft.Kind kind, String value) {
            ScenarioDraft draft = model.draft();
            draft.getInterventions().clear();
            draft.nodeProperty().set(node);
            draft.kindProperty().set(kind);
            draft.valueProperty().set(value);
            model.addIntervention(false);
            draft.nameProperty().set(name);
            model.saveScenario();
        }

        /** Shows each tab in turn and writes the window as {@code simulate-<tab>.png}, then exits. */
        private void shoot(Deque<String> tabs) {
            if (tabs.isEmpty()) {
                Platform.exit();
                System.exit(0);
            }
            TabPane pane = (TabPane) window.stage().getScene().lookup("#resultTabs");
            String tab = tabs.pop();
            pane.getSelectionModel().select(TABS.indexOf(tab));
            PauseTransition settle = new PauseTransition(Duration.seconds(1.5));
            settle.setOnFinished(_ -> {
                try {
                    ChartImages.writePng(window.stage().getScene().getRoot(), out.resolve("simulate-" + tab + ".png"),
                            1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                shoot(tabs);
            });
            settle.play();
        }

        /** Runs {@code step} once, the first time {@code done} holds after {@code changes} changes. */
        private static void once(BooleanSupplier done, Observable changes,
                Runnable step) {
            InvalidationListener[] listener = new InvalidationListener[1];
            listener[0] = _ -> {
                if (done.getAsBoolean()) {
                    changes.removeListener(listener[0]);
                    Platform.runLater(step);
                }
            };
            changes.addListener(listener[0]);
        }
    }
}
