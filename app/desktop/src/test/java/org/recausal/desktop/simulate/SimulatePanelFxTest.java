package org.recausal.desktop.simulate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.scene.chart.BarChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.query.QueryPanelViewModel;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.testing.FxWaits;
import org.recausal.desktop.testing.ScriptedDialogs;
import org.recausal.desktop.testing.TestWindows;
import org.recausal.desktop.window.MainWindow;
import org.recausal.engine.dag.edit.RemoveEdge;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Simulate panel in the real main window, headless: fit on the attached data, pick the treatment, set do(t = 1), pick the outcome, run, and read the effect in the table.
 */
@ExtendWith(ApplicationExtension.class)
class SimulatePanelFxTest {

    @TempDir
    Path temp;

    private final BackgroundTaskExecutor tasks = new BackgroundTaskExecutor();
    private MainWindow window;

    @Start
    void start(Stage primary) throws Exception {
        Stage stage = new Stage();
        window = MainWindow.create(stage, new ScriptedDialogs(), tasks,
                new RecentFiles(Files.createTempDirectory(temp, "config")));
        TestWindows.show(window);
    }

    @AfterEach
    void close(FxRobot robot) {
        // The query panel reruns its analysis once the graph has been quiet: let it, before its worker closes.
        WaitForAsyncUtils.sleep((long) QueryPanelViewModel.QUIET_TIME.toMillis() * 3, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.stage().hide());
        tasks.close();
    }

    @Test
    void anInterventionSetOnTheCanvasShowsItsEffectWithAnInterval(FxRobot robot) {
        Path project = SimulateWindowSetup.project(temp);
        robot.interact(() -> window.model().openFile(project));
        waitFor(() -> fx(() -> window.model().currentHistory().dag().size() == 3));
        robot.interact(() -> SimulateWindowSetup.attachData(window, temp, 2000));
        robot.interact(() -> {
            window.dataPanel().shownProperty().set(false);
            window.simulatePanel().shownProperty().set(true);
        });
        WaitForAsyncUtils.waitForFxEvents();

        SimulateModel model = window.simulatePanel().model();
        robot.clickOn("#fitModelButton");
        waitFor(() -> fx(() -> model.getFitRows().size() == 3 || !model.errorProperty().get().isEmpty()));
        assertThat(fx(() -> model.errorProperty().get())).isEmpty();

        ComboBox<String> nodeBox = robot.lookup("#nodeBox").queryComboBox();
        robot.interact(() -> nodeBox.setValue("t"));
        assertThat(fx(() -> model.draft().nodeProperty().get())).isEqualTo("t");
        // The builder column scrolls in a window this small; its controls are driven directly, the header clicked.
        robot.interact(() -> {
            robot.lookup("#valueField").queryTextInputControl().setText("1");
            robot.lookup("#addInterventionButton").queryButton().fire();
            ((CheckBox) robot.lookup("#outcome-y").query()).setSelected(true);
        });
        assertThat(fx(() -> model.draft().getInterventions().size())).isEqualTo(1);
        robot.interact(() -> model.draft().replicatesProperty().set(20));
        robot.clickOn("#runButton");

        TableView<EffectRow> table = robot.lookup("#effectTable").queryTableView();
        waitFor(() -> fx(() -> table.getItems().size() == 1 || !model.errorProperty().get().isEmpty()));
        assertThat(fx(() -> model.errorProperty().get())).isEmpty();
        EffectRow row = fx(() -> table.getItems().getFirst());
        assertThat(row.quantity()).isEqualTo("E[y]");
        assertThat(row.values().effectCi().contains(SimulateFixtures.EFFECT_OF_DO_T1)).as(row.toString()).isTrue();
        assertThat(robot.lookup(".two-line-sub").queryAll()).anyMatch(label -> row.effectCi()
                .equals(((Labeled) label).getText()));
        BarChart<?, ?> chart = robot.lookup("#chart").query();
        assertThat(fx(() -> chart.getData().stream().map(s -> s.getName()).toList()))
                .containsExactly("Baseline (world as it is)", "Intervention: do(t = 1)");
    }

    @Test
    void theScenarioIsMarkedOnTheCanvasAndAGraphEditMakesTheModelStale(FxRobot robot) {
        Path project = SimulateWindowSetup.project(temp);
        robot.interact(() -> window.model().openFile(project));
        waitFor(() -> fx(() -> window.model().currentHistory().dag().size() == 3));
        robot.interact(() -> SimulateWindowSetup.attachData(window, temp, 1000));
        robot.interact(() -> {
            window.dataPanel().shownProperty().set(false);
            window.simulatePanel().shownProperty().set(true);
        });
        SimulateModel model = window.simulatePanel().model();
        robot.clickOn("#fitModelButton");
        waitFor(() -> fx(() -> model.getFitRows().size() == 3 || !model.errorProperty().get().isEmpty()));
        assertThat(fx(() -> model.errorProperty().get())).isEmpty();

        robot.interact(() -> {
            model.draft().nodeProperty().set("t");
            robot.lookup("#valueField").queryTextInputControl().setText("1");
            robot.lookup("#addInterventionButton").queryButton().fire();
            ((CheckBox) robot.lookup("#outcome-y").query()).setSelected(true);
        });
        assertThat(fx(() -> robot.lookup("#node-t").query().getStyleClass())).contains(ScenarioDraft.INTERVENED_STYLE);
        assertThat(fx(() -> robot.lookup("#node-y").query().getStyleClass())).contains(ScenarioDraft.OUTCOME_STYLE);
        assertThat(fx(() -> robot.lookup("#node-z").query().getStyleClass()))
                .doesNotContain(ScenarioDraft.INTERVENED_STYLE, ScenarioDraft.OUTCOME_STYLE);
        assertThat(robot.lookup(".legend-label").queryAll()).anyMatch(l -> "Intervened on".equals(((Labeled) l)
                .getText()));

        Labeled stale = robot.lookup("#staleLabel").query();
        assertThat(fx(stale::isVisible)).isFalse();
        robot.interact(() -> window.model().currentHistory().execute(new RemoveEdge("z", "y")));
        assertThat(fx(stale::isVisible)).isTrue();
        assertThat(fx(stale::getText)).contains("the graph changed since the fit");
        robot.interact(() -> window.model().currentHistory().undo());
        assertThat(fx(stale::isVisible)).isFalse();
    }

    private static void waitFor(BooleanSupplier condition) {
        FxWaits.waitFor(90, condition);
    }

    private static <T> T fx(Callable<T> callable) {
        return FxWaits.fx(callable);
    }
}
