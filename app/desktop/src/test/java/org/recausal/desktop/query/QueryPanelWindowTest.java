package org.recausal.desktop.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.NotificationPane;
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
import org.recausal.engine.analysis.AdjustmentAnalysis.Effect;
import org.recausal.engine.analysis.AdjustmentAnalysis;
import org.recausal.engine.analysis.TestableImplications;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.task.CancellationToken;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * The query panel in the real main window (headless Monocle), with the live analysis on its real
 * background thread: graphs come in by pasting DAGitty text or opening the sample project, the
 * question is set with the panel's pickers, the answer, the verdict and the canvas overlay are read
 * from the window.
 */
@ExtendWith(ApplicationExtension.class)
class QueryPanelWindowTest {
    /** M-bias (Greenland 2003): m is a collider between two causes of x and y. */
    static final String M_BIAS = """
            dag {
              x
              y
              m
              u1
              u2
              u1 -> x
              u1 -> m
              u2 -> m
              u2 -> y
              x -> y
            }
            """;

    static final Path SAMPLE = Path.of("../../sample-projects/recommender-shop.recausal");

    @TempDir
    static Path temp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final BackgroundTaskExecutor tasks = new BackgroundTaskExecutor();
    private MainWindow window;

    @Start
    void start(Stage primary) throws Exception {
        Stage stage = new Stage();
        window = MainWindow.create(stage, dialogs, tasks, new RecentFiles(Files.createTempDirectory(temp, "config")));
        TestWindows.show(window);
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(() -> window.stage().hide());
        tasks.close();
    }

    @Test
    void mBiasPastedThenAskedWithThePickers(FxRobot robot) throws Exception {
        paste(robot, M_BIAS);
        waitUntil(() -> dag().size() == 5);
        // Laid out: no two variables share a spot, causes above effects.
        assertThat(onFx(() -> dag().variables().stream().map(v -> v.position()).distinct().count())).isEqualTo(5L);
        assertThat(onFx(() -> dag().require("u1").position().y() < dag().require("m").position().y())).isTrue();
        assertThat(onFx(() -> window.model().undoTextProperty().get())).isEqualTo("Undo Paste DAGitty graph (5 variables)");
        waitUntil(() -> headline().equals("Ask a causal question"));

        tick(robot, "#exposureBox", "x");
        tick(robot, "#outcomeBox", "y");
        waitUntil(() -> dag().require("y").role() == Role.OUTCOME);
        assertThat(onFx(() -> dag().require("x").role())).isEqualTo(Role.EXPOSURE);
        assertThat(onFx(() -> window.model().undoTextProperty().get())).isEqualTo("Undo Make y outcome");
        waitUntil(() -> headline().equals("The empty set suffices"));
        assertThat(cardStyles()).contains("answer-empty-set");

        // Adjusting for the collider m opens x <- u1 -> m <- u2 -> y.
        robot.clickOn("#setField").write("M").type(KeyCode.ENTER);
        waitUntil(() -> verdict().contains("stays open"));
        assertThat(verdict()).contains("x <- u1 -> m <- u2 -> y");
        assertThat(onFx(() -> ((javafx.scene.control.TextField) lookup("#setField")).getText())).isEqualTo("m");
        assertThat(styles("#edge-u1-x")).contains("path-open");
        assertThat(styles("#edge-u1-m")).contains("path-open");
        assertThat(styles("#edge-u2-m")).contains("path-open");
        assertThat(styles("#edge-u2-y")).contains("path-open");
        assertThat(styles("#edge-x-y")).contains("path-causal");
        assertThat(styles("#node-m")).contains("node-adjusted");
        assertThat(legend()).contains("Open biasing path", "Causal path", "Adjusted for");

        // The empty set again: the same path is blocked at the collider.
        robot.doubleClickOn("#setField").eraseText(1).type(KeyCode.ENTER);
        waitUntil(() -> verdict().startsWith("Valid"));
        assertThat(styles("#edge-u1-x")).contains("path-blocked").doesNotContain("path-open");
        assertThat(styles("#node-m")).doesNotContain("node-adjusted");
        assertThat(legend()).contains("Blocked path").doesNotContain("Open biasing path");

        // Undo (on the canvas: in the text field Ctrl+Z undoes typing) takes the question back one step.
        robot.interact(() -> window.canvas().requestFocus());
        robot.press(KeyCode.SHORTCUT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHORTCUT);
        waitUntil(() -> headline().equals("Ask a causal question"));
        assertThat(onFx(() -> box("#outcomeBox").getCheckModel().getCheckedItems())).isEmpty();
        assertThat(onFx(() -> lookup("#edge-x-y").getStyleClass())).doesNotContain("path-causal");
    }

    @Test
    void pickingASetShowsWhatItBlocksAndEditsChangeTheAnswer(FxRobot robot) throws Exception {
        // Butterfly bias: m is a confounder and a collider at once.
        paste(robot, """
                dag {
                  x [exposure]
                  y [outcome]
                  a -> x
                  a -> m
                  b -> m
                  b -> y
                  m -> x
                  m -> y
                  x -> y
                }
                """);
        waitUntil(() -> headline().equals("2 minimal sufficient adjustment sets"));
        assertThat(onFx(() -> setList().getItems())).containsExactly(Set.of("a", "m"), Set.of("b", "m"));
        assertThat(cardStyles()).contains("answer-sets");

        robot.clickOn(robot.lookup("#setList .list-cell").match(hasText("{ b, m }")).<Node>query());
        waitUntil(() -> verdict().startsWith("Valid"));
        assertThat(onFx(() -> ((javafx.scene.control.TextField) lookup("#setField")).getText())).isEqualTo("b, m");
        assertThat(styles("#node-b")).contains("node-adjusted");
        assertThat(styles("#node-m")).contains("node-adjusted");
        assertThat(styles("#node-a")).doesNotContain("node-adjusted");
        assertThat(styles("#edge-a-x")).contains("path-blocked");
        assertThat(styles("#edge-m-x")).contains("path-blocked");
        assertThat(styles("#edge-x-y")).contains("path-causal");
        assertThat(pathRows()).allMatch(row -> row.status() != PathRow.Status.OPEN_BIASING);

        // Delete m on the canvas: nothing confounds any more, and m leaves the picked set.
        robot.clickOn("#node-m").type(KeyCode.DELETE);
        waitUntil(() -> headline().equals("The empty set suffices"));
        assertThat(onFx(() -> ((javafx.scene.control.TextField) lookup("#setField")).getText())).isEqualTo("b");
        assertThat(onFx(() -> setList().getItems())).isEmpty();

        // Undo brings m and the two sets back.
        robot.press(KeyCode.SHORTCUT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHORTCUT);
        waitUntil(() -> headline().equals("2 minimal sufficient adjustment sets"));

        // The direct effect asks for other sets.
        robot.clickOn("#directButton");
        waitUntil(() -> detail().contains("direct effect"));
        assertThat(headline()).isEqualTo(expectedDirectHeadline());
    }

    @Test
    void theThreeAnswersNeverLookAlike(FxRobot robot) throws Exception {
        paste(robot, "dag { x [exposure] y [outcome] x -> y }");
        waitUntil(() -> headline().equals("The empty set suffices"));
        List<String> empty = List.of(headline(), detail(), String.join(" ", cardStyles()));

        robot.clickOn(lookupCanvas());
        robot.press(KeyCode.SHORTCUT, KeyCode.A).release(KeyCode.A, KeyCode.SHORTCUT);
        robot.type(KeyCode.DELETE);
        waitUntil(() -> dag().size() == 0);
        paste(robot, "dag { x [exposure] y [outcome] u [latent] u -> x u -> y x -> y }");
        waitUntil(() -> headline().equals("No adjustment set exists"));
        List<String> none = List.of(headline(), detail(), String.join(" ", cardStyles()));
        assertThat(detail()).contains("x <- u -> y");
        assertThat(onFx(() -> ((Label) lookup("#identificationLabel")).getText())).contains("front-door");

        String before = onFx(() -> dag().edges().toString());
        paste(robot, """
                dag {
                  a -> b
                  b -> c
                  c -> a
                }
                """);
        waitUntil(() -> headline().equals("The graph is not a DAG"));
        List<String> cyclic = List.of(headline(), detail(), String.join(" ", cardStyles()));
        assertThat(detail()).contains("a \u2192 b \u2192 c \u2192 a").contains("line 4, column 5");
        assertThat(notice()).contains("Line 4, column 5").contains("Nothing was changed");
        assertThat(onFx(() -> dag().edges().toString())).isEqualTo(before);

        for (int i = 0; i < 3; i++) {
            assertThat(empty.get(i)).isNotEqualTo(none.get(i)).isNotEqualTo(cyclic.get(i));
            assertThat(none.get(i)).isNotEqualTo(cyclic.get(i));
        }

        // Back to the canvas's own answer.
        robot.clickOn("#backLink");
        waitUntil(() -> headline().equals("No adjustment set exists"));
    }

    @Test
    void brokenTextIsRefusedWithItsLineAndColumnAndChangesNothing(FxRobot robot) throws Exception {
        paste(robot, "dag { x [exposure] y [outcome] x -> y }");
        waitUntil(() -> dag().size() == 2);
        String undo = onFx(() -> window.model().undoTextProperty().get());

        paste(robot, "dag { a -> }");
        waitUntil(() -> notice().contains("column 12"));
        assertThat(notice()).contains("Line 1, column 12").contains("DAGitty").contains("Nothing was changed");
        assertThat(onFx(() -> dag().names())).containsExactly("x", "y");
        assertThat(onFx(() -> window.model().undoTextProperty().get())).isEqualTo(undo);

        paste(robot, "hello ]] world");
        waitUntil(() -> notice().contains("no graph format"));
        assertThat(onFx(() -> dag().names())).containsExactly("x", "y");

        // A name taken already: refused as a whole, nothing added.
        paste(robot, "digraph { x -> z; }");
        waitUntil(() -> notice().contains("already has a variable named x"));
        assertThat(onFx(() -> dag().names())).containsExactly("x", "y");
        assertThat(headline()).isEqualTo("The empty set suffices");

        // In a text field Ctrl+V pastes text, not a graph.
        onFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("dag { p -> q }");
            return Clipboard.getSystemClipboard().setContent(content);
        });
        robot.clickOn("#setField");
        robot.press(KeyCode.SHORTCUT, KeyCode.V).release(KeyCode.V, KeyCode.SHORTCUT);
        assertThat(onFx(() -> ((javafx.scene.control.TextField) lookup("#setField")).getText())).isEqualTo("dag { p -> q }");
        assertThat(onFx(() -> dag().names())).containsExactly("x", "y");
    }

    @Test
    void theSampleProjectsQuestion(FxRobot robot) throws Exception {
        dialogs.answerOpen(SAMPLE);
        robot.press(KeyCode.SHORTCUT, KeyCode.O).release(KeyCode.O, KeyCode.SHORTCUT);
        waitUntil(() -> dag().size() == 16);
        waitUntil(() -> !headline().startsWith("Analysing") && !headline().startsWith("Ask"));
        assertThat(onFx(() -> box("#exposureBox").getCheckModel().getCheckedItems())).containsExactly("exposure");
        assertThat(onFx(() -> box("#outcomeBox").getCheckModel().getCheckedItems())).containsExactly("purchase");

        // The ranking score drives the slate; logged_in is in every set, as a selection variable.
        assertThat(headline()).isEqualTo("1 minimal sufficient adjustment set");
        assertThat(onFx(() -> setList().getItems())).containsExactly(Set.of("logged_in", "recommender_score"));
        robot.clickOn(robot.lookup("#setList .list-cell").match(hasText("{ logged_in, recommender_score }")).<Node>query());
        waitUntil(() -> verdict().startsWith("Valid"));
        assertThat(styles("#node-recommender_score")).contains("node-adjusted");
        assertThat(styles("#edge-recommender_score-exposure")).contains("path-blocked");
        assertThat(styles("#edge-exposure-click")).contains("path-causal");
        Dag dag = onFx(() -> dag().copy());
        assertThat(onFx(() -> implicationList().getItems())).containsExactlyElementsOf(
                new TestableImplications(dag).all(1_000, CancellationToken.none()).implications());

        // Ticking the rating, which the purchase causes, is refused with the reason, on the canvas too.
        tick(robot, "#setBox", "rating");
        waitUntil(() -> verdict().contains("rating must not be adjusted for"));
        assertThat(styles("#node-rating")).contains("node-flagged");
        assertThat(onFx(() -> ((javafx.scene.control.TextField) lookup("#setField")).getText()))
                .isEqualTo("logged_in, rating, recommender_score");
    }

    @Test
    void resultsCopyAsDagittyText(FxRobot robot) throws Exception {
        paste(robot, M_BIAS.replace("  x\n", "  x [exposure]\n").replace("  y\n", "  y [outcome]\n"));
        waitUntil(() -> headline().equals("The empty set suffices"));

        robot.clickOn("#answerHeadline");
        robot.press(KeyCode.SHORTCUT, KeyCode.C).release(KeyCode.C, KeyCode.SHORTCUT);
        assertThat(clipboard()).isEqualTo("No adjustment is necessary to estimate the total effect of x on y:"
                + " the empty set suffices.\n{}");

        Dag dag = onFx(() -> dag().copy());
        String expected = QueryText.implications(new TestableImplications(dag).all(1_000, CancellationToken.none())
                .implications());
        robot.clickOn(robot.lookup(".tab").match(node -> node.lookup(".tab-label") instanceof Label label
                && label.getText().startsWith("Implications")).<Node>query());
        robot.clickOn(robot.lookup("#implicationList .list-cell").nth(0).<Node>query());
        robot.press(KeyCode.SHORTCUT, KeyCode.A).release(KeyCode.A, KeyCode.SHORTCUT);
        robot.press(KeyCode.SHORTCUT, KeyCode.C).release(KeyCode.C, KeyCode.SHORTCUT);
        assertThat(clipboard()).isEqualTo(expected).contains("m _||_ x | u1");

        // The context menu copies the whole list when nothing is selected.
        robot.interact(() -> implicationList().getSelectionModel().clearSelection());
        onFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("");
            return Clipboard.getSystemClipboard().setContent(content);
        });
        // Monocle turns no click into a context-menu request: send the request itself.
        robot.interact(() -> {
            ListView<?> list = implicationList();
            javafx.geometry.Point2D at = list.localToScreen(20, 20);
            list.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 20, 20, at.getX(), at.getY(),
                    false, null));
        });
        robot.clickOn("Copy all");
        assertThat(clipboard()).isEqualTo(expected);

        robot.clickOn("#copyReportButton");
        assertThat(clipboard()).startsWith("Exposures: x\nOutcomes: y\nEffect: total\n\nNo adjustment is necessary")
                .contains("Testable implications: \n" + expected);
    }

        // ---------------------------------------------------------------- helpers

    private Dag dag() {
        return window.model().currentHistory().dag();
    }

    private Node lookup(String query) {
        return window.stage().getScene().lookup(query);
    }

    private Node lookupCanvas() {
        return window.canvas();
    }

    /** Puts {@code text} on the clipboard and pastes it onto the canvas with Ctrl+V. */
    private void paste(FxRobot robot, String text) throws Exception {
        onFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            return Clipboard.getSystemClipboard().setContent(content);
        });
        robot.interact(() -> window.canvas().requestFocus());
        robot.press(KeyCode.SHORTCUT, KeyCode.V).release(KeyCode.V, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String clipboard() throws Exception {
        return onFx(() -> Clipboard.getSystemClipboard().getString());
    }

    /** Opens a check-combo box, clicks the item, and closes it again. */
    private void tick(FxRobot robot, String box, String item) throws Exception {
        robot.clickOn(box);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".combo-box-popup .list-view").tryQuery().isPresent());
        // The popup shows ten rows: scroll the item into view first.
        robot.interact(() -> robot.lookup(".combo-box-popup .list-view").<ListView<String>>query().scrollTo(item));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup(".combo-box-popup .list-cell").match(hasText(item)).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(hasText(item)).<Node>query());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private CheckComboBox<String> box(String id) {
        return (CheckComboBox<String>) lookup(id);
    }

    @SuppressWarnings("unchecked")
    private ListView<Set<String>> setList() {
        return (ListView<Set<String>>) lookup("#setList");
    }

    @SuppressWarnings("unchecked")
    private ListView<org.recausal.engine.analysis.Independence> implicationList() {
        return (ListView<org.recausal.engine.analysis.Independence>) lookup("#implicationList");
    }

    @SuppressWarnings("unchecked")
    private List<PathRow> pathRows() throws Exception {
        return onFx(() -> List.copyOf(((ListView<PathRow>) lookup("#pathList")).getItems()));
    }

    private String headline() throws Exception {
        return onFx(() -> ((Label) lookup("#answerHeadline")).getText());
    }

    private String detail() throws Exception {
        return onFx(() -> ((Label) lookup("#answerDetail")).getText());
    }

    private List<String> cardStyles() throws Exception {
        return onFx(() -> List.copyOf(lookup("#answerCard").getStyleClass()));
    }

    private String verdict() throws Exception {
        return onFx(() -> lookup("#verdictBox").isVisible() ? ((Label) lookup("#verdictLabel")).getText() : "");
    }

    private List<String> styles(String id) throws Exception {
        return onFx(() -> List.copyOf(lookup(id).getStyleClass()));
    }

    private List<String> legend() throws Exception {
        return onFx(() -> lookup("#canvas-legend").lookupAll(".legend-label").stream()
                .map(node -> ((Label) node).getText()).toList());
    }

    private String notice() throws Exception {
        return onFx(() -> {
            NotificationPane pane = (NotificationPane) lookup("#notifications");
            return pane.isShowing() ? pane.getText() : "";
        });
    }

    /** What the engine says about the butterfly's direct effect, as the panel should headline it. */
    private String expectedDirectHeadline() throws Exception {
        Dag dag = onFx(() -> dag().copy());
        return QueryComputation.answer(new Question(List.of("x"), List.of("y"), Effect.DIRECT),
                AdjustmentAnalysis.of(dag, Effect.DIRECT).minimalSets(100)).headline();
    }

    private static <T> T onFx(Callable<T> query) {
        return FxWaits.fx(query);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        FxWaits.waitUntilOnFx(15, condition);
    }
}
