package org.recausal.desktop.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.testing.FxWaits;
import org.recausal.desktop.testing.ScriptedDialogs;
import org.recausal.desktop.window.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The data panel's header at the window sizes the app supports, with the sample project's datasets loaded: every
 * button shows its whole text (none cut to an ellipsis) and gets at least the width it asks for.
 */
@ExtendWith(ApplicationExtension.class)
class DataHeaderFxTest {
    private static final Path SAMPLE = Path.of("../../sample-projects/recommender-shop.recausal");

    @TempDir
    Path temp;

    private final BackgroundTaskExecutor tasks = new BackgroundTaskExecutor();
    private final BackgroundTaskExecutor dataTasks = new BackgroundTaskExecutor();
    private MainWindow window;

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().hide());
        tasks.close();
        dataTasks.close();
    }

    @ParameterizedTest
    @CsvSource({"1280, 800", "1440, 900"})
    void everyButtonShowsItsWholeText(int width, int height, FxRobot robot) throws Exception {
        Path config = Files.createTempDirectory(temp, "config");
        robot.interact(() -> {
            Stage stage = new Stage();
            window = MainWindow.create(stage, new ScriptedDialogs(), tasks, new RecentFiles(config),
                    new ScriptedDataDialogs(), dataTasks);
            stage.setWidth(width);
            stage.setHeight(height);
            window.show();
            window.model().openFile(SAMPLE.toAbsolutePath());
        });
        FxWaits.waitFor(60, () -> FxWaits.fx(() -> window.dataPanel().model().getDatasets().size() == 3
                && window.dataPanel().model().getDatasets().stream().allMatch(DatasetEntry::loaded)));
        robot.interact(() -> window.dataPanel().shownProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        List<ButtonBase> buttons = FxWaits.fx(() -> window.stage().getScene().lookup(".data-header")
                .lookupAll(".button").stream().filter(n -> n instanceof ButtonBase && shown(n))
                .map(n -> (ButtonBase) n).toList());
        assertThat(buttons).extracting(Labeled::getText).contains("Add dataset…");
        for (ButtonBase button : buttons) {
            FxWaits.fx(() -> {
                assertThat(button.getWidth()).as(button.getText() + " width").isGreaterThanOrEqualTo(
                        button.prefWidth(-1) - 0.5);
                assertThat(shownText(button)).as("the text shown on " + button.getText()).isEqualTo(button.getText());
                return null;
            });
        }
    }

    /** Whether the node and all its parents are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The text a Labeled renders: its own unless the skin cut it to fit (its LabeledText child, styled "text"). */
    private static String shownText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text && n.getStyleClass().contains("text"))
                .map(n -> ((Text) n).getText()).findFirst().orElse("");
    }
}
