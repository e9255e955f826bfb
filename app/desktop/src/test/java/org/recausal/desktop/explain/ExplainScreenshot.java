package org.recausal.desktop.explain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.recausal.desktop.dialog.FxDialogService;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.simulate.ChartImages;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.window.MainWindow;

/**
 * The Explain panel for review, run under Xvfb (not a test). Arguments: a model file, a user, the tab to show
 * (0 attention, 1 why), the history row to highlight (-1 none, counted from the end: 1 = latest) and the PNG to
 * write. The real window opens the model, explains the user's top recommendation, and writes a picture of itself.
 */
public final class ExplainScreenshot {

    private ExplainScreenshot() {
    }

    public static void main(String[] args) {
        Application.launch(Shot.class, args);
    }

    /** Opens the window and drives the panel, each step when the one before has finished. */
    public static final class Shot extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            List<String> args = getParameters().getRaw();
            Path model = Path.of(args.get(0));
            String user = args.get(1);
            int tab = Integer.parseInt(args.get(2));
            int highlight = Integer.parseInt(args.get(3));
            Path out = Path.of(args.get(4));
            Path work = Files.createTempDirectory("explain-shot");
            MainWindow window = MainWindow.create(stage, new FxDialogService(stage, MainWindow.stylesheet()),
                    new BackgroundTaskExecutor(), new RecentFiles(work.resolve("config")));
            stage.setWidth(1920);
            stage.setHeight(1080);
            window.show();
            ExplainModel explain = window.explainPanel().model();
            window.explainPanel().shownProperty().set(true);
            explain.userProperty().set(user);
            explain.explanationProperty().addListener((_, _, shown) -> {
                if (shown == null || !shown.user().equals(user)) {
                    return;
                }
                ((TabPane) stage.getScene().lookup("#explainTabs")).getSelectionModel().select(tab);
                if (highlight > 0) {
                    explain.highlightedProperty().set(shown.attention().window().size() - highlight);
                }
                PauseTransition settle = new PauseTransition(Duration.seconds(1.5));
                settle.setOnFinished(_ -> {
                    try {
                        ChartImages.writePng(stage.getScene().getRoot(), out);
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                    Platform.exit();
                    System.exit(0);
                });
                settle.play();
            });
            explain.errorProperty().addListener((_, _, error) -> {
                if (!error.isEmpty()) {
                    System.err.println(error);
                    Platform.exit();
                    System.exit(1);
                }
            });
            explain.task().messageProperty().addListener((_, _, m) -> System.err.println(System.nanoTime() / 1_000_000
                    + " ms: " + m));
            explain.open(model);
        }
    }
}
