package org.recausal.desktop.explain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.testing.FxWaits;
import org.recausal.desktop.testing.ScriptedDialogs;
import org.recausal.desktop.testing.TestWindows;
import org.recausal.desktop.window.MainWindow;
import org.recausal.engine.explain.Explanation;
import org.recausal.engine.explain.HistoryItem;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.project.StoredRecommender;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Explain panel in the real main window, headless: open a model through the panel's button, see the first
 * user's recommendations explained, follow a history item across the linked views, pick another recommendation
 * and another user; on the sample project, see its items' categories and click times.
 */
@ExtendWith(ApplicationExtension.class)
class ExplainPanelFxTest {
    @TempDir
    Path temp;

    private final BackgroundTaskExecutor tasks = new BackgroundTaskExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MainWindow window;

    @Start
    void start(Stage primary) throws Exception {
        Stage stage = new Stage();
        window = MainWindow.create(stage, dialogs, tasks, new RecentFiles(Files.createTempDirectory(temp, "config")));
        TestWindows.show(window);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().hide());
        tasks.close();
    }

    @Test
    void aHistoryItemPickedInOneViewIsHighlightedInAll(FxRobot robot) {
        dialogs.answerModel(ExplainFixtures.sasrecFile(temp));
        ExplainModel model = window.explainPanel().model();
        robot.interact(() -> window.explainPanel().shownProperty().set(true));
        robot.clickOn("#openModelButton");
        waitFor(() -> fx(() -> model.explanationProperty().get() != null || !model.errorProperty().get().isEmpty()));
        assertThat(fx(() -> model.errorProperty().get())).isEmpty();
        Explanation shown = fx(() -> model.explanationProperty().get());
        assertThat(shown.user()).isEqualTo("user0");

        TableView<RecommendationRow> table = robot.lookup("#recommendationTable").queryTableView();
        assertThat(fx(() -> table.getItems().size())).isEqualTo(ExplainModel.DEFAULT_K);
        AttentionHeatmap heatmap = window.explainPanel().heatmap();
        assertThat(fx(() -> heatmap.gridProperty().get().items())).isEqualTo(
                shown.attention().window().stream().map(h -> h.item()).toList());

        ListView<HistoryRow> history = robot.lookup("#historyList").queryListView();
        robot.clickOn(robot.lookup("#historyList .list-cell").nth(2).queryAs(javafx.scene.Node.class));
        HistoryRow picked = fx(() -> history.getItems().get(2));
        assertThat(fx(() -> heatmap.highlightedRowProperty().get())).isEqualTo(picked.row());
        SignedBars bars = robot.lookup("#attributionBars").query();
        assertThat(fx(() -> bars.highlightedProperty().get())).isEqualTo(picked.row());

        Point2D oldest = fx(() -> heatmap.localToScreen(heatmap.cellCentre(0, 0)));
        robot.clickOn(oldest);
        assertThat(fx(() -> history.getSelectionModel().getSelectedItem().row())).isZero();
        assertThat(fx(() -> history.getSelectionModel().getSelectedItem().fromEnd()))
                .isEqualTo(shown.attention().window().size());

        robot.clickOn(robot.lookup("#recommendationTable .table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        String second = fx(() -> table.getItems().get(1).item());
        waitFor(() -> fx(() -> model.explanationProperty().get() != null
                && model.explanationProperty().get().item().equals(second)));
        assertThat(robot.lookup("#headlineLabel").queryLabeled().getText())
                .isEqualTo("Why " + second + " is recommended to user0");

        robot.clickOn("#userSearch").write("user42").type(javafx.scene.input.KeyCode.ENTER);
        waitFor(() -> fx(() -> model.explanationProperty().get() != null
                && model.explanationProperty().get().user().equals("user42")));
        assertThat(fx(() -> table.getItems().getFirst().item()))
                .isEqualTo(fx(() -> model.explanationProperty().get().item()));
    }

    /**
     * On the sample project with a SASRec trained on its clicks and kept in it: the project's model is picked in the
     * panel, and the history list, the heatmap's rows and its tooltip show the sample's item ids with their
     * categories and click times; the view across users reads categories from the project's item_category.
     */
    @Test
    void historyRowsShowTheSampleProjectsItemsAndTimes(FxRobot robot) throws Exception {
        Project sample = ExplainFixtures.sampleProject();
        StoredRecommender recommender = ExplainFixtures.sampleSasrec(sample, 1);
        sample.addRecommender(recommender);
        Path file = temp.resolve("shop.recausal");
        ProjectFiles.save(sample, file);
        robot.interact(() -> window.model().openFile(file));
        waitFor(() -> fx(() -> window.model().projectProperty().get() != null
                && !window.model().projectProperty().get().recommenders().isEmpty()));

        ExplainModel model = window.explainPanel().model();
        robot.interact(() -> {
            window.dataPanel().shownProperty().set(false);
            window.explainPanel().shownProperty().set(true);
        });
        ComboBox<StoredRecommender> models = robot.lookup("#projectModelBox").queryComboBox();
        robot.interact(() -> models.getSelectionModel().select(0));
        waitFor(() -> fx(() -> model.explanationProperty().get() != null || !model.errorProperty().get().isEmpty()));
        robot.interact(() -> model.userProperty().set("u1064"));
        waitFor(() -> fx(() -> model.explanationProperty().get() != null
                && model.explanationProperty().get().user().equals("u1064")));
        assertThat(fx(() -> model.errorProperty().get())).isEmpty();

        List<HistoryItem> read = fx(() -> model.explanationProperty().get().attention().window());
        HistoryItem latest = read.getLast();
        HistoryLabels labels = fx(() -> model.labelsProperty().get());
        // The first history cell is the latest click: its id and category, then its time.
        String shownItem = fx(() -> text(robot.lookup("#historyList .history-item").queryAll()).getFirst());
        String shownTime = fx(() -> text(robot.lookup("#historyList .history-detail").queryAll()).getFirst());
        assertThat(shownItem).isEqualTo(latest.item() + " · " + labels.name(latest.item()));
        assertThat(labels.name(latest.item())).isIn("books", "electronics", "fashion", "home", "toys");
        assertThat(shownTime).isEqualTo(labels.time(latest)).endsWith(" UTC").contains("2026");

        // The heatmap's first row (the oldest item read, on screen at the top), hovered: its tooltip says the same.
        AttentionHeatmap heatmap = window.explainPanel().heatmap();
        HistoryItem oldest = read.getFirst();
        Point2D cell = fx(() -> heatmap.localToScreen(heatmap.cellCentre(0, 0)));
        robot.moveTo(cell);
        waitFor(() -> fx(() -> !heatmap.hoverTextProperty().get().isEmpty()));
        assertThat(fx(() -> heatmap.hoverTextProperty().get())).startsWith(oldest.item() + " · "
                + labels.name(oldest.item()) + " · " + labels.time(oldest) + " (−" + read.size() + ")");

        robot.interact(() -> ((TabPane) robot.lookup("#explainTabs").query()).getSelectionModel().select(2));
        ComboBox<String> categories = robot.lookup("#categoryBox").queryComboBox();
        assertThat(fx(() -> categories.getValue())).isEqualTo("item_category");
        robot.interact(() -> model.aggregateUsersProperty().set(100));
        robot.interact(() -> robot.lookup("#aggregateButton").queryButton().fire());
        waitFor(() -> fx(() -> model.aggregateProperty().get() != null || !model.errorProperty().get().isEmpty()));
        assertThat(fx(() -> model.errorProperty().get())).isEmpty();
        Set<Node> cells = robot.lookup("#categoryMatrix .category-cell").queryAll();
        // 5 x 5 shares and the 5 steps of the colour scale.
        assertThat(cells).hasSize(30);
    }

    /** A project saved with policy scenarios (the engine's format-4 fixture) shows them as soon as it opens. */
    @Test
    void theProjectsSavedPoliciesShowWhenItOpens(FxRobot robot) {
        Path saved = Path.of("../engine/src/test/resources/fixtures/v4/policies.recausal").toAbsolutePath();
        robot.interact(() -> window.model().openFile(saved));
        PolicyComparisonModel policies = window.explainPanel().policies();
        waitFor(() -> fx(() -> policies.getPolicies().size() == 2));
        assertThat(fx(() -> policies.getPolicies().stream().map(p -> p.text()).toList()))
                .containsExactly("popularity-penalty=0.5", "boost=0.3:item_category == \"books\"");
        assertThat(fx(() -> policies.getResults().stream().map(r -> r.policy()).toList()))
                .containsExactly("popularity-penalty=0.5");
        assertThat(fx(() -> policies.staleProperty().get())).isFalse();
        assertThat(fx(() -> policies.statusProperty().get())).startsWith("Saved results of 1 policies");
        robot.interact(() -> window.explainPanel().shownProperty().set(true));
        robot.interact(() -> ((TabPane) robot.lookup("#explainTabs").query()).getSelectionModel().select(3));
        TableView<?> table = robot.lookup("#policyTable").queryTableView();
        assertThat(fx(() -> table.getItems().size())).isEqualTo(2);
    }

    private static List<String> text(Set<Node> labels) {
        return labels.stream().filter(Node::isVisible).map(n -> ((Label) n).getText()).toList();
    }

    private static void waitFor(BooleanSupplier condition) {
        FxWaits.waitFor(90, condition);
    }

    private static <T> T fx(Callable<T> callable) {
        return FxWaits.fx(callable);
    }
}
