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

import org.recausal.desktop.data.DatasetRole;
import org.recausal.desktop.data.ImportDialogModel;
import org.recausal.desktop.dialog.FxDialogService;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.chart.ChartImages;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.window.MainWindow;
import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.data.ImportResult;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.project.DatasetSource;
import org.recausal.engine.simulate.RecommenderWorld;

/**
 * The Explain panel for review, run under Xvfb (not a test). Arguments: a model file, a user, the tab to show
 * (0 attention, 1 why, 2 across users, 3 policies), the history row to highlight (-1 none, counted from the end:
 * 1 = latest) and the PNG to write. The real window opens the sample project with a log simulated from its known
 * mechanisms, opens the model, explains the user's top recommendation (for the policies tab, also compares two
 * policies) and writes a picture of itself.
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
            explain.userProperty().set(user);
            explain.explanationProperty().addListener((_, _, shown) -> {
                if (shown == null || !shown.user().equals(user)) {
                    return;
                }
                ((TabPane) stage.getScene().lookup("#explainTabs")).getSelectionModel().select(tab);
                if (highlight > 0) {
                    explain.highlightedProperty().set(shown.attention().window().size() - highlight);
                }
                if (tab == 3) {
                    PolicyComparisonModel policies = window.explainPanel().policies();
                    policies.getResults().addListener((javafx.collections.ListChangeListener<Object>) _ -> {
                        ((javafx.scene.control.ScrollPane) stage.getScene().lookup("#policiesScroll")).setVvalue(1);
                        shoot(stage, out);
                    });
                    policies.errorProperty().addListener((_, _, error) -> System.err.println("policies: " + error));
                    policies.task().messageProperty().addListener((_, _, m) -> System.err.println("policies: " + m));
                    policies.refreshVariables();
                    policies.replicatesProperty().set(3);
                    for (String policy : List.of("popularity-penalty=0.5",
                            "boost=0.5:item_category == \"books\"")) {
                        policies.policyTextProperty().set(policy);
                        policies.addPolicy();
                    }
                    policies.run();
                } else {
                    shoot(stage, out);
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
                attachLog(window, work);
                window.dataPanel().shownProperty().set(false);
                window.explainPanel().shownProperty().set(true);
                explain.open(model);
            });
            window.model().openFile(Path.of("sample-projects/recommender-shop.recausal").toAbsolutePath());
        }

        private static void shoot(Stage stage, Path out) {
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
        }

        /** A log of 2,000 rows simulated from the sample project's known mechanisms, attached as its data. */
        private static void attachLog(MainWindow window, Path work) {
            try {
                Path file = work.resolve("shop-log.csv");
                RecommenderWorld.observedData(2000, 1).writeCsv(file);
                ImportResult result = TableReader.read(file);
                window.dataPanel().model().add(new ImportDialogModel.Imported(file, "shop-log",
                        DatasetRole.INTERACTIONS, DatasetSource.embed(file), ImportOptions.defaults(), result,
                        ColumnInfo.of(result.table()), null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
