package org.recausal.desktop.simulate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.recausal.desktop.dialog.FxDialogService;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.window.MainWindow;

/**
 * The Simulate panel for review, run under Xvfb (not a test): the known SCM's graph and 5,000 rows, fitted; three
 * scenarios kept (treat everyone, treat no one, treat where z > 0 by a rule), the first run, all three compared,
 * the effect of t on y estimated and refuted, and a counterfactual for row 1. Then each result tab is written as a
 * PNG of the whole window into the folder given as the first argument, and the app exits.
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
            window.model().openFile(SimulateWindowSetup.project(work));
            window.model().historyProperty().addListener((_, _, _) -> {
                SimulateWindowSetup.attachData(window, work, 5000);
                window.dataPanel().shownProperty().set(false);
                window.simulatePanel().shownProperty().set(true);
                model.fit();
            });
            once(() -> model.fittedProperty().get() != null, model.fittedProperty(), this::keepAndRun);
        }

        private void keepAndRun() {
            ScenarioDraft draft = model.draft();
            draft.getOutcomes().add("y");
            draft.replicatesProperty().set(40);
            keep("treat no one", ScenarioDraft.Kind.SET, "0");
            keep("treat where z > 0", ScenarioDraft.Kind.RULE, "if(z > 0, 1, t)");
            keep("treat everyone", ScenarioDraft.Kind.SET, "1");
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

        private void keep(String name, ScenarioDraft.Kind kind, String value) {
            ScenarioDraft draft = model.draft();
            draft.getInterventions().clear();
            draft.nodeProperty().set("t");
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
