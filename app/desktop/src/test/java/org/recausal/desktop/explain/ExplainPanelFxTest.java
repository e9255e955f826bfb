package org.recausal.desktop.explain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import javafx.geometry.Point2D;
import javafx.scene.control.ListView;
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
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Explain panel in the real main window, headless: open a model through the panel's button, see the first
 * user's recommendations explained, follow a history item across the linked views, pick another recommendation
 * and another user.
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

    private static void waitFor(BooleanSupplier condition) {
        FxWaits.waitFor(60, condition);
    }

    private static <T> T fx(Callable<T> callable) {
        return FxWaits.fx(callable);
    }
}
