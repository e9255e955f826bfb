package org.recausal.desktop.explain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.recausal.desktop.dialog.FxDialogService;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.chart.ChartImages;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.window.MainWindow;

/**
 * The Explain panel for review, run under Xvfb (not a test). Arguments: a project holding a trained SASRec (e.g. the
 * sample after {@code ./recausal train sasrec --data PROJECT --save NAME}), a user, the tab to show (0 attention,
 * 1 why, 2 across users, 3 policies), the history row to highlight (-1 none, counted from the end: 1 = latest), the
 * PNG to write, and for the policies tab {@code run} (compare two policies, then save the project) or {@code saved}
 * (show the policies the project keeps). The real window opens the project, explains the user's top recommendation
 * with the project's first recommender, does what the tab needs and writes a picture of itself.
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
            Path project = Path.of(args.get(0)).toAbsolutePath();
            String user = args.get(1);
            int tab = Integer.parseInt(args.get(2));
            int highlight = Integer.parseInt(args.get(3));
            Path out = Path.of(args.get(4));
            boolean runPolicies = args.size() > 5 && args.get(5).equals("run");
            Path work = Files.createTempDirectory("explain-shot");
            MainWindow window = MainWindow.create(stage, new FxDialogService(stage, MainWindow.stylesheet()),
                    new BackgroundTaskExecutor(), new RecentFiles(work.resolve("config")));
            stage.setWidth(1920);
            stage.setHeight(1080);
            window.show();
            ExplainModel explain = window.explainPanel().model();
            explain.explanationProperty().addListener((_, _, shown) -> {
                if (shown == null || !shown.user().equals(user)) {
                    return;
                }
                ((TabPane) stage.getScene().lookup("#explainTabs")).getSelectionModel().select(tab);
                if (highlight > 0) {
                    explain.highlightedProperty().set(shown.attention().window().size() - highlight);
                }
                switch (tab) {
                    case 2 -> {
                        explain.aggregateProperty().addListener((_, _, a) -> shoot(stage, out));
                        explain.aggregate();
                    }
                    case 3 -> policies(window, stage, out, runPolicies);
                    default -> shoot(stage, out);
                }
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
            window.model().historyProperty().addListener((_, _, _) -> {
                window.dataPanel().shownProperty().set(false);
                window.explainPanel().shownProperty().set(true);
                explain.loadedProperty().addListener((_, _, loaded) -> {
                    if (loaded != null) {
                        explain.userProperty().set(user);
                    }
                });
                explain.use(window.model().projectProperty().get().recommenders().getFirst());
            });
            window.model().openFile(project);
        }

        /** Compares two policies and saves the project, or shows the ones it keeps. */
        private static void policies(MainWindow window, Stage stage, Path out, boolean run) {
            PolicyComparisonModel policies = window.explainPanel().policies();
            ScrollPane scroll = (ScrollPane) stage.getScene().lookup("#policiesScroll");
            if (!run) {
                scroll.setVvalue(1);
                shoot(stage, out);
                return;
            }
            policies.getResults().addListener((ListChangeListener<Object>) _ -> {
                scroll.setVvalue(1);
                window.model().save();
                shoot(stage, out);
            });
            policies.errorProperty().addListener((_, _, error) -> System.err.println("policies: " + error));
            policies.task().messageProperty().addListener((_, _, m) -> System.err.println("policies: " + m));
            policies.refreshVariables();
            // No bootstrap refits: each refits the mechanisms on all 80,600 rows, minutes on a shared machine.
            policies.replicatesProperty().set(0);
            for (String policy : List.of("popularity-penalty=0.5", "boost=0.5:item_category == \"books\"")) {
                policies.policyTextProperty().set(policy);
                policies.addPolicy();
            }
            policies.run();
        }

        private static void shoot(Stage stage, Path out) {
            PauseTransition settle = new PauseTransition(Duration.seconds(2.5));
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
        }
    }
}
