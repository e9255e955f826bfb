package org.recausal.desktop.window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.canvas.DagCanvas;
import org.recausal.desktop.dialog.SaveChoice;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.testing.FxWaits;
import org.recausal.desktop.testing.ScriptedDialogs;
import org.recausal.desktop.testing.TestWindows;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * The real main window driven with the mouse and keyboard (headless Monocle): draw a graph, be refused a
 * cycle, undo and redo, edit properties, save, reopen, and the unsaved-changes and bad-file paths. Dialogs
 * are scripted; file work runs on the real background executor.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowEndToEndTest {
    @TempDir
    static Path temp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final BackgroundTaskExecutor tasks = new BackgroundTaskExecutor();
    private MainWindow window;

    @Start
    void start(Stage primary) throws Exception {
        // A stage of the test's own: closing TestFX's primary stage would stall the next test's start.
        Stage stage = new Stage();
        Path config = Files.createTempDirectory(temp, "config");
        window = MainWindow.create(stage, dialogs, tasks, new RecentFiles(config));
        TestWindows.show(window);
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(() -> window.stage().hide());
        tasks.close();
    }

    @Test
    void drawRefuseACycleUndoRedoSaveAndReopen(FxRobot robot) throws Exception {
        addVariableByDoubleClick(robot, 0.25, 0.25, "a");
        addVariableByDoubleClick(robot, 0.50, 0.50, "b");
        addVariableByDoubleClick(robot, 0.75, 0.75, "c");
        assertThat(onFx(() -> dag().names())).containsExactly("a", "b", "c");

        connect(robot, "a", "b");
        connect(robot, "b", "c");
        assertThat(edges()).containsExactly("a -> b", "b -> c");
        assertThat(robot.lookup("#edge-a-b").tryQuery()).isPresent();

        // c -> a would close a -> b -> c -> a: refused in the window, nothing changes.
        String before = onFx(() -> GraphText.of(dag()));
        connect(robot, "c", "a");
        waitUntil(() -> notifications().isShowing());
        assertThat(onFx(() -> notifications().getText())).contains("cycle").contains("c -> a -> b -> c");
        assertThat(onFx(() -> GraphText.of(dag()))).isEqualTo(before);
        assertThat(robot.lookup("#edge-c-a").tryQuery()).isEmpty();

        // Undo through the Edit menu, whose item names the edit.
        robot.clickOn("Edit");
        robot.clickOn("Undo Add edge b -> c");
        assertThat(edges()).containsExactly("a -> b");
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.SHORTCUT);
        assertThat(edges()).containsExactly("a -> b", "b -> c");
        robot.press(KeyCode.SHORTCUT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHORTCUT);
        assertThat(edges()).containsExactly("a -> b");
        robot.press(KeyCode.SHORTCUT, KeyCode.Y).release(KeyCode.Y, KeyCode.SHORTCUT);
        assertThat(edges()).containsExactly("a -> b", "b -> c");

        // Properties: a is the exposure, c a binary outcome with a description.
        robot.clickOn("#node-a");
        choose(robot, "#roleBox", "Exposure");
        robot.clickOn("#node-c");
        choose(robot, "#roleBox", "Outcome");
        choose(robot, "#typeBox", "Binary");
        robot.clickOn("#descriptionArea").write("bought within a week");
        robot.clickOn("#node-b");
        assertThat(onFx(() -> dag().require("a").role())).isEqualTo(Role.EXPOSURE);
        assertThat(onFx(() -> dag().require("c").role())).isEqualTo(Role.OUTCOME);
        assertThat(onFx(() -> dag().require("c").type())).isEqualTo(DataType.BINARY);
        assertThat(onFx(() -> dag().require("c").description())).isEqualTo("bought within a week");

        // Save to a new file (Ctrl+S asks where, since the project has none).
        assertThat(onFx(() -> window.stage().getTitle())).isEqualTo("\u2022 Untitled \u2014 Recausal");
        Path file = temp.resolve("drawn.recausal");
        dialogs.answerSave(temp.resolve("drawn"));
        robot.press(KeyCode.SHORTCUT, KeyCode.S).release(KeyCode.S, KeyCode.SHORTCUT);
        waitUntil(() -> !window.model().dirtyProperty().get());
        assertThat(onFx(() -> window.stage().getTitle())).isEqualTo("drawn \u2014 Recausal");
        assertThat(file).isRegularFile();
        String saved = onFx(() -> GraphText.of(dag()));

        // Export through File > Export: real image files, and the graph is untouched.
        dialogs.answerExport(temp.resolve("drawn-figure"));
        robot.clickOn("File").clickOn("#exportMenu").clickOn("#exportPngItem");
        Path png = temp.resolve("drawn-figure.png");
        waitUntil(() -> Files.isRegularFile(png));
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(onFx(() -> GraphText.of(dag()))).isEqualTo(saved);
        assertThat(onFx(() -> window.model().dirtyProperty().get())).isFalse();

        // A new project, then the file again through File > Open.
        robot.press(KeyCode.SHORTCUT, KeyCode.N).release(KeyCode.N, KeyCode.SHORTCUT);
        assertThat(onFx(() -> dag().size())).isZero();
        dialogs.answerOpen(file);
        robot.clickOn("File");
        robot.clickOn("#openItem");
        waitUntil(() -> dag().size() == 3);
        assertThat(onFx(() -> GraphText.of(dag()))).isEqualTo(saved);
        assertThat(onFx(() -> window.stage().getTitle())).isEqualTo("drawn \u2014 Recausal");
        assertThat(robot.lookup("#node-c").tryQuery()).isPresent();
        assertThat(dialogs.errors()).isEmpty();
        assertThat(dialogs.scriptUsedUp()).isTrue();
    }

    @Test
    void aHostileFileOnOpenShowsTheErrorAndKeepsTheProject(FxRobot robot) throws Exception {
        addVariableByDoubleClick(robot, 0.4, 0.4, "kept");
        String before = onFx(() -> GraphText.of(dag()));
        Path hostile = Files.write(temp.resolve("hostile.recausal"), "PK\u0003\u0004 not really a zip".getBytes());
        dialogs.answerSaveChanges(SaveChoice.DONT_SAVE).answerOpen(hostile);

        robot.press(KeyCode.SHORTCUT, KeyCode.O).release(KeyCode.O, KeyCode.SHORTCUT);
        waitUntil(() -> !dialogs.errors().isEmpty() && !window.model().busyProperty().get());

        ScriptedDialogs.Message error = dialogs.errors().getFirst();
        assertThat(error.title()).isEqualTo("Cannot open hostile.recausal");
        assertThat(error.text()).contains("hostile.recausal").contains("zip");
        assertThat(onFx(() -> GraphText.of(dag()))).isEqualTo(before);
        assertThat(onFx(() -> window.stage().getTitle())).isEqualTo("\u2022 Untitled \u2014 Recausal");
        assertThat(robot.lookup("#node-kept").tryQuery()).isPresent();
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindow(FxRobot robot) throws Exception {
        addVariableByDoubleClick(robot, 0.5, 0.4, "pending");
        dialogs.answerSaveChanges(SaveChoice.CANCEL).answerSaveChanges(SaveChoice.CANCEL);

        // The window's close button...
        robot.interact(() -> window.stage().fireEvent(
                new WindowEvent(window.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        // ... and File > Quit (Ctrl+Q).
        robot.press(KeyCode.SHORTCUT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHORTCUT);

        assertThat(dialogs.saveQuestions()).containsExactly("Untitled", "Untitled");
        assertThat(onFx(() -> window.stage().isShowing())).isTrue();
        assertThat(onFx(() -> dag().names())).containsExactly("pending");

        // "Don't save" lets it close.
        dialogs.answerSaveChanges(SaveChoice.DONT_SAVE);
        robot.press(KeyCode.SHORTCUT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHORTCUT);
        assertThat(onFx(() -> window.stage().isShowing())).isFalse();
    }

    @Test
    void editingKeysInThePropertyPanelStayInTheTextField(FxRobot robot) throws Exception {
        addVariableByDoubleClick(robot, 0.3, 0.3, "price");
        addVariableByDoubleClick(robot, 0.6, 0.6, "sales");
        robot.clickOn("#node-price");
        waitUntilLaidOut("#nameField");

        robot.doubleClickOn("#nameField");
        robot.press(KeyCode.SHORTCUT, KeyCode.A).release(KeyCode.A, KeyCode.SHORTCUT);
        robot.type(KeyCode.DELETE).write("cost").type(KeyCode.ENTER);

        assertThat(onFx(() -> dag().names())).containsExactly("cost", "sales");
        assertThat(onFx(() -> window.model().undoTextProperty().get())).isEqualTo("Undo Rename price to cost");

        // A refused name shows why next to the field and changes nothing.
        robot.press(KeyCode.SHORTCUT, KeyCode.A).release(KeyCode.A, KeyCode.SHORTCUT);
        robot.write("Sales").type(KeyCode.ENTER);
        assertThat(robot.lookup("#nameError").queryLabeled().getText()).contains("'sales' already exists");
        assertThat(onFx(() -> dag().names())).containsExactly("cost", "sales");
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#nameField").queryTextInputControl().getText()).isEqualTo("cost");
        assertThat(robot.lookup("#nameError").queryLabeled().isVisible()).isFalse();
    }

    // ---------------------------------------------------------------- helpers

    private Dag dag() {
        return window.model().currentHistory().dag();
    }

    private NotificationPane notifications() {
        return (NotificationPane) window.stage().getScene().lookup("#notifications");
    }

    private List<String> edges() throws Exception {
        return onFx(() -> dag().edges().stream().map(Object::toString).toList());
    }

    /** Double-clicks empty canvas at a fraction of its size, types the name and commits with Enter. */
    private void addVariableByDoubleClick(FxRobot robot, double fx, double fy, String name) throws Exception {
        DagCanvas canvas = window.canvas();
        Point2D point = onFx(() -> {
            Bounds screen = canvas.localToScreen(canvas.getLayoutBounds());
            return new Point2D(screen.getMinX() + screen.getWidth() * fx, screen.getMinY() + screen.getHeight() * fy);
        });
        int size = onFx(() -> dag().size());
        robot.doubleClickOn(point, MouseButton.PRIMARY);
        waitUntil(() -> dag().size() == size + 1);
        robot.write(name).type(KeyCode.ENTER);
        waitUntil(() -> dag().contains(name));
    }

    /** Opens a combo box and clicks one of its items. */
    private void choose(FxRobot robot, String combo, String item) throws Exception {
        waitUntilLaidOut(combo);
        robot.clickOn(combo);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup(".combo-box-popup .list-cell").match(hasText(item)).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(hasText(item)).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void connect(FxRobot robot, String from, String to) {
        robot.drag("#node-" + from, MouseButton.SECONDARY).dropTo("#node-" + to);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The panel's pages appear when the selection changes; clicks must wait for their layout. */
    private void waitUntilLaidOut(String query) throws Exception {
        waitUntil(() -> {
            Node node = window.stage().getScene().lookup(query);
            return node != null && node.isVisible() && node.getParent().isVisible()
                    && node.getLayoutBounds().getWidth() > 0 && node.localToScene(0, 0).getX() > 0;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> query) {
        return FxWaits.fx(query);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        FxWaits.waitUntilOnFx(10, condition);
    }

    /** Everything the analyst would see differ: names, roles, types, descriptions, positions, edges, notes. */
    private static final class GraphText {
        static String of(Dag dag) {
            StringBuilder text = new StringBuilder();
            dag.variables().forEach(v -> text.append(v).append('\n'));
            dag.edges().forEach(e -> text.append(e).append(" [").append(e.note()).append("]\n"));
            return text.toString();
        }
    }
}
