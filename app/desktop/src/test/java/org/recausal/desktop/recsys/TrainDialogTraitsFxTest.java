package org.recausal.desktop.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.testing.FxWaits;
import org.recausal.desktop.window.MainWindow;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.project.ProjectFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Train dialog's side-features checkbox, headless: on when the DAG feeds the exposure, its tooltip naming them. */
@ExtendWith(ApplicationExtension.class)
class TrainDialogTraitsFxTest {
    @TempDir
    Path temp;

    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 320, 200));
        stage.show();
    }

    private TrainDialog show(FxRobot robot, Dag dag) {
        Table read = TableReader.read(RecsysFixtures.exposureLog(temp)).table();
        TrainDialogModel model = new TrainDialogModel(List.of(new DatasetTable("pairs", "pairs", read)), dag);
        TrainDialog[] dialog = new TrainDialog[1];
        robot.interact(() -> {
            dialog[0] = new TrainDialog(owner, List.of(MainWindow.stylesheet()), model);
            dialog[0].stage().show();
        });
        return dialog[0];
    }

    private static CheckBox box(TrainDialog dialog) {
        return new FxRobot().from(dialog.stage().getScene().getRoot()).lookup("#traitsBox").queryAs(CheckBox.class);
    }

    @Test
    void theCheckboxStartsOnAndItsTooltipListsTheVariables(FxRobot robot) throws Exception {
        TrainDialog dialog = show(robot, ProjectFiles.open(RecsysFixtures.exposureProject(temp)).dag());
        CheckBox traits = box(dialog);
        assertThat(fx(traits::isSelected)).isTrue();
        assertThat(fx(traits::isDisabled)).isFalse();
        assertThat(fx(() -> traits.getText())).isEqualTo("Use the DAG's variables that feed the recommender");
        assertThat(fx(() -> traits.getTooltip().getText())).contains("popularity");
        robot.clickOn(traits);
        assertThat(fx(traits::isSelected)).isFalse();
        robot.interact(() -> dialog.stage().close());
    }

    @Test
    void withoutSuchVariablesItIsOffAndDisabled(FxRobot robot) {
        TrainDialog dialog = show(robot, new Dag());
        CheckBox traits = box(dialog);
        assertThat(fx(traits::isSelected)).isFalse();
        assertThat(fx(traits::isDisabled)).isTrue();
        assertThat(fx(() -> traits.getTooltip().getText())).contains("no observed variable upstream of its exposure");
        robot.interact(() -> dialog.stage().close());
    }

    @Test
    void theWindowFitsTheSettingsOfTheChosenModel(FxRobot robot) throws Exception {
        TrainDialog dialog = show(robot, new Dag());
        Scene scene = dialog.stage().getScene();
        @SuppressWarnings("unchecked")
        ChoiceBox<ModelKind> kinds = robot.from(scene.getRoot()).lookup("#kindBox").queryAs(ChoiceBox.class);
        double sasrec = fx(scene::getHeight);
        for (ModelKind kind : List.of(ModelKind.BPR, ModelKind.MF_IPS, ModelKind.SASREC)) {
            robot.interact(() -> kinds.setValue(kind));
            double preferred = fx(() -> scene.getRoot().prefHeight(scene.getWidth()));
            assertThat(fx(scene::getHeight)).as(kind.toString()).isCloseTo(preferred, within(1.0));
        }
        assertThat(fx(scene::getHeight)).isCloseTo(sasrec, within(1.0));
        robot.interact(() -> dialog.stage().close());
    }

    private static <T> T fx(Callable<T> callable) {
        return FxWaits.fx(callable);
    }
}
