package org.recausal.desktop.simulate;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.recausal.desktop.dialog.FxDialogService;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.window.MainWindow;

/**
 * The Simulate panel for review, run under Xvfb (not a test): the known SCM's graph and 5,000 rows, fitted, do(t = 1)
 * simulated on y and the effect of t on y estimated and refuted; the window stays up for {@code seconds} (first
 * argument, default 90) so a screenshot can be taken.
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
        @Override
        public void start(Stage stage) throws Exception {
            Path work = Files.createTempDirectory("simulate-shot");
            MainWindow window = MainWindow.create(stage, new FxDialogService(stage, MainWindow.stylesheet()),
                    new BackgroundTaskExecutor(), new RecentFiles(work.resolve("config")));
            stage.setWidth(1440);
            stage.setHeight(900);
            stage.setX(0);
            stage.setY(0);
            window.show();
            SimulateModel model = window.simulatePanel().model();
            window.model().openFile(SimulateWindowSetup.project(work));
            window.model().historyProperty().addListener((_, _, _) -> {
                SimulateWindowSetup.attachData(window, work, 5000);
                window.dataPanel().shownProperty().set(false);
                window.simulatePanel().shownProperty().set(true);
                model.fit();
            });
            model.fittedProperty().addListener((_, _, _) -> {
                model.draft().nodeProperty().set("t");
                model.draft().valueProperty().set("1");
                model.addIntervention(false);
                model.draft().getOutcomes().add("y");
                model.draft().nameProperty().set("treat everyone");
                model.saveScenario();
                model.simulate();
            });
            model.resultProperty().addListener((_, _, _) -> {
                model.treatmentProperty().set("t");
                model.outcomeProperty().set("y");
                model.estimate();
            });
            long seconds = getParameters().getRaw().isEmpty() ? 90 : Long.parseLong(getParameters().getRaw().getFirst());
            PauseTransition quit = new PauseTransition(Duration.seconds(seconds));
            quit.setOnFinished(_ -> {
                Platform.exit();
                System.exit(0);
            });
            quit.play();
        }
    }
}
