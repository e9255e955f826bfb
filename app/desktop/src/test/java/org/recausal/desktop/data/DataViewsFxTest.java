package org.recausal.desktop.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
import org.recausal.engine.data.ColumnType;
import org.recausal.engine.data.ImportProblem;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data views in the real main window, headless: import through the real dialog (only the file chooser is
 * scripted), the grid and cards, a type override, a malformed file's problems, the mapping's latent-by-data nodes
 * on the canvas, the check's rejected implication, and a big import that keeps the UI responsive and stops on
 * request.
 */
@ExtendWith(ApplicationExtension.class)
class DataViewsFxTest {

    @TempDir
    static Path temp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ScriptedDataDialogs dataDialogs = new ScriptedDataDialogs();
    private final BackgroundTaskExecutor tasks = new BackgroundTaskExecutor();
    private final BackgroundTaskExecutor dataTasks = new BackgroundTaskExecutor();
    private MainWindow window;

    @Start
    void start(Stage primary) throws Exception {
        Stage stage = new Stage();
        window = MainWindow.create(stage, dialogs, tasks, new RecentFiles(Files.createTempDirectory(temp, "config")),
                dataDialogs, dataTasks);
        dataDialogs.answerImport(model -> new ImportDialog(stage, List.of(MainWindow.stylesheet()), model,
                Optional::empty).showAndWait(model));
        TestWindows.show(window);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().hide());
        tasks.close();
        dataTasks.close();
    }

    @Test
    void importsACsvThroughTheDialogAndShowsItsRowsAndSummaries(FxRobot robot) throws Exception {
        openChain(robot);
        Path file = DataFixtures.write(Files.createTempDirectory(temp, "csv"), "shop.csv",
                "a,b,zip\n0.5,1.5,01234\n1.5,2.5,00042\n2.5,3.5,99999\n");

        startImport(robot, file);
        waitFor(() -> fx(() -> lookupGrid(robot, true).table() != null));
        assertThat(fx(() -> lookupGrid(robot, true).table().rowCount())).isEqualTo(3);

        // zip reads as whole numbers; keep its leading zeros by making it categorical.
        ComboBox<ColumnType> zipType = robot.lookup("#type-zip").queryComboBox();
        assertThat(fx(() -> lookupGrid(robot, true).table().column("zip").text(0))).isEqualTo("1234");
        robot.interact(() -> zipType.setValue(ColumnType.CATEGORICAL));
        waitFor(() -> fx(() -> lookupGrid(robot, true).table().column("zip").text(0).equals("01234")));

        robot.clickOn("#importButton");
        waitForDataset(robot);

        TableGrid grid = lookupGrid(robot, false);
        assertThat(fx(() -> grid.table().rowCount())).isEqualTo(3);
        assertThat(fx(() -> grid.table().column("zip").type())).isEqualTo(ColumnType.CATEGORICAL);
        waitFor(() -> fx(() -> robot.lookup("#card-zip").tryQuery().isPresent()));
        assertThat(texts(robot, "#card-a")).contains("Min \u2013 max", "0.5 \u2013 2.5", "Mean", "1.5");
        assertThat(texts(robot, "#card-zip")).contains("categorical", "Distinct", "3");
        assertThat(robot.lookup(".numeric-cell").queryAll()).extracting(n -> ((javafx.scene.control.Labeled) n)
                .getText()).contains("0.5", "2.5");
    }

    @Test
    void aMalformedCsvShowsItsProblemsWithLineNumbers(FxRobot robot) throws Exception {
        openChain(robot);
        StringBuilder text = new StringBuilder("a,b,c\n");
        for (int row = 1; row <= 60; row++) {
            text.append(row == 7 ? "1.0,2.0" : row == 20 ? "1.0,oops,3.0" : row + ".5," + row + ".25," + row)
                    .append('\n');
        }
        Path file = DataFixtures.write(Files.createTempDirectory(temp, "bad"), "bad.csv", text.toString());

        startImport(robot, file);
        waitFor(() -> fx(() -> problemTable(robot).getItems().size() == 2));
        assertThat(fx(() -> problemTable(robot).getItems().stream().map(ImportProblem::line).toList()))
                .containsExactly(8L, 21L);
        assertThat(robot.lookup("#problemSummary").queryLabeled().getText())
                .isEqualTo("In the first 60 rows: 1 row with the wrong number of fields (dropped) \u00b7 "
                        + "1 unreadable value (kept as missing)");

        robot.clickOn("#importButton");
        // Problems keep the dialog open until the analyst has seen them and adds the dataset.
        waitFor(() -> fx(() -> "Add dataset".equals(((Button) robot.lookup("#importButton").query()).getText())));
        assertThat(robot.lookup("#problemSummary").queryLabeled().getText())
                .startsWith("Imported 59 rows, dropped 1: ");
        robot.clickOn("#importButton");
        waitForDataset(robot);

        robot.clickOn("Problems");
        TableView<ImportProblem> panelProblems = robot.lookup("#datasetProblems").queryTableView();
        assertThat(fx(() -> panelProblems.getItems().stream().map(p -> p.line() + ": " + p.detail()).toList()))
                .containsExactly("8: 2 fields where 3 were expected", "21: 'oops' is not a number");
    }

    @Test
    void theMappingMarksNodesWithoutDataAndTheCheckListsARejectedImplication(FxRobot robot) throws Exception {
        openChain(robot);
        Path dir = Files.createTempDirectory(temp, "sim");
        Path full = DataFixtures.chainData(dir, "sim.csv", 3000, 0.5, 21);
        List<String> lines = Files.readAllLines(full);
        // Without column d, node d has no data.
        List<String> withoutD = lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
        Path file = Files.write(dir.resolve("abc.csv"), withoutD);

        startImport(robot, file);
        waitFor(() -> fx(() -> robot.lookup("#importButton").query().isDisabled() == false));
        robot.clickOn("#importButton");
        waitForDataset(robot);

        Node d = robot.lookup("#node-d").query();
        assertThat(d.getStyleClass()).contains(DataPanelModel.LATENT_BY_DATA);
        assertThat(robot.lookup("#node-a").query().getStyleClass()).doesNotContain(DataPanelModel.LATENT_BY_DATA);
        assertThat(texts(robot, "#canvas-legend")).contains("No data: latent for this data");
        robot.clickOn("Mapping");
        assertThat(robot.lookup("#withoutDataList").queryListView().getItems()).containsExactly("d");

        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.K).release(KeyCode.K, KeyCode.SHIFT, KeyCode.SHORTCUT);
        TableView<DataCheckModel.Row> checks = robot.lookup("#checkTable").queryTableView();
        waitFor(() -> fx(() -> !checks.getItems().isEmpty()));
        assertThat(fx(() -> checks.getItems().stream().filter(DataCheckModel.Row::rejected)
                .map(DataCheckModel.Row::text).toList())).containsExactly("a \u22a5 c | b");
        assertThat(robot.lookup("#node-a").query().getStyleClass()).contains(DataPanelModel.REJECTED);
        assertThat(robot.lookup("#node-c").query().getStyleClass()).contains(DataPanelModel.REJECTED);
        assertThat(texts(robot, "#canvas-legend")).contains("In an independence the data reject");
        assertThat(robot.lookup("#checkSummary").queryLabeled().getText()).contains("1 rejected at \u03b1 = 0.05");
    }

    @Test
    void aBigImportKeepsTheWindowResponsiveAndStopsWhenAsked(FxRobot robot) throws Exception {
        Path file = bigFile(Files.createTempDirectory(temp, "big"), 400_000);

        // First run: import it all, watching the UI thread and the progress bar while the worker reads.
        startImport(robot, file);
        waitFor(() -> fx(() -> !robot.lookup("#importButton").query().isDisabled()));
        ImportWatch watch = new ImportWatch(robot);
        robot.clickOn("#importButton");
        watch.untilDone(() -> fx(() -> robot.lookup("#importButton").tryQuery().isEmpty()));
        waitForDataset(robot);
        System.out.printf("400,000-row import through the dialog: %d ms, UI thread answered within %d ms at worst "
                + "(%d pings)%n", watch.elapsedMillis, watch.worstLatencyMillis, watch.progressSeen.size());
        assertThat(watch.progressSeen).as("progress shown while importing").anyMatch(p -> p > 0 && p < 1);
        assertThat(watch.worstLatencyMillis).as("UI thread answered within").isLessThan(500);
        assertThat(fx(() -> lookupGrid(robot, false).table().rowCount())).isEqualTo(400_000);

        // Second run: press Stop as soon as the first progress arrives; nothing is added.
        startImport(robot, file);
        waitFor(() -> fx(() -> !robot.lookup("#importButton").query().isDisabled()));
        Button stop = robot.lookup("#cancelImportButton").queryButton();
        javafx.scene.control.ProgressBar bar = robot.lookup("#progressBar").query();
        robot.interact(() -> bar.progressProperty().addListener((_, _, now) -> {
            if (now.doubleValue() > 0 && stop.isVisible()) {
                stop.fire();
            }
        }));
        robot.clickOn("#importButton");
        Label error = robot.lookup("#importError").queryAs(Label.class);
        waitFor(() -> fx(() -> error.getText().equals("Import cancelled; nothing was added.")));
        robot.clickOn("#closeButton");
        waitFor(() -> fx(() -> robot.lookup("#importButton").tryQuery().isEmpty()));
        assertThat(fx(() -> window.stage().isShowing())).isTrue();
        assertThat(robot.lookup("#datasetBox").queryComboBox().getItems()).hasSize(1);
    }

    @Test
    void reopeningAProjectWhoseReferencedFileChangedAsksAndNeverUsesItSilently(FxRobot robot) throws Exception {
        openChain(robot);
        Path dir = Files.createTempDirectory(temp, "ref");
        Path data = DataFixtures.chainData(dir, "sim.csv", 500, 0.0, 4);
        startImport(robot, data);
        waitFor(() -> fx(() -> !robot.lookup("#importButton").query().isDisabled()));
        robot.clickOn("#referenceRadio");
        robot.clickOn("#importButton");
        waitForDataset(robot);
        assertThat(fx(() -> window.stage().getTitle())).startsWith("\u2022 ");

        Path project = dir.resolve("chain-with-data.recausal");
        dialogs.answerSave(project);
        robot.interact(() -> window.model().saveAs());
        waitFor(() -> fx(() -> !window.model().dirtyProperty().get()));
        DataFixtures.chainData(dir, "sim.csv", 400, 0.0, 5);

        dataDialogs.answerRelink(DataDialogs.RelinkChoice.LEAVE_UNLOADED);
        robot.interact(() -> window.model().openFile(project));
        waitFor(() -> fx(() -> !dataDialogs.relinkQuestions().isEmpty()));
        ScriptedDataDialogs.Question question = dataDialogs.relinkQuestions().getFirst();
        assertThat(question.changed()).isTrue();
        assertThat(question.text()).contains("sim.csv changed since it was attached").contains("SHA-256");
        waitFor(() -> fx(() -> robot.lookup("#relinkButton").query().isVisible()));
        assertThat(robot.lookup("#unloadedLabel").queryLabeled().getText()).contains("without data");
        assertThat(fx(() -> lookupGrid(robot, false).table())).isNull();

        dataDialogs.answerRelink(DataDialogs.RelinkChoice.ACCEPT_CHANGED);
        robot.clickOn("#relinkButton");
        waitFor(() -> fx(() -> lookupGrid(robot, false).table() != null));
        assertThat(fx(() -> lookupGrid(robot, false).table().rowCount())).isEqualTo(400);
        assertThat(fx(() -> window.model().dirtyProperty().get())).as("the accepted change is unsaved").isTrue();
    }

    // ---------------------------------------------------------------- helpers

    /** Pings the UI thread every 10 ms while an import runs and records the slowest answer and the progress. */
    private static final class ImportWatch {
        final List<Double> progressSeen = new ArrayList<>();
        long worstLatencyMillis;
        long elapsedMillis;
        private final FxRobot robot;

        ImportWatch(FxRobot robot) {
            this.robot = robot;
        }

        void untilDone(BooleanSupplier done) throws Exception {
            javafx.scene.control.ProgressBar bar = robot.lookup("#progressBar").query();
            long started = System.nanoTime();
            long deadline = started + TimeUnit.SECONDS.toNanos(120);
            while (!done.getAsBoolean()) {
                long sent = System.nanoTime();
                double progress = WaitForAsyncUtils.asyncFx(bar::getProgress).get(5, TimeUnit.SECONDS);
                worstLatencyMillis = Math.max(worstLatencyMillis, (System.nanoTime() - sent) / 1_000_000);
                progressSeen.add(progress);
                Thread.sleep(10);
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the import did not finish within two minutes");
                }
            }
            elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        }
    }

    private static Path bigFile(Path dir, int rows) throws Exception {
        Path file = dir.resolve("interactions.csv");
        java.util.Random random = new java.util.Random(1);
        try (var out = Files.newBufferedWriter(file)) {
            out.write("user_id,item_id,rating,timestamp,clicked\n");
            for (int row = 0; row < rows; row++) {
                out.write("u" + random.nextInt(20_000) + ",i" + random.nextInt(5_000) + "," + (1 + random.nextInt(5))
                        + "," + (1_600_000_000L + row * 7L) + "," + (random.nextInt(10) == 0) + "\n");
            }
        }
        return file;
    }

    /** Opens a saved project holding the chain a → b → c with a lone d. */
    private void openChain(FxRobot robot) throws Exception {
        Path project = Files.createTempDirectory(temp, "project").resolve("chain.recausal");
        ProjectFiles.save(new Project("chain", DataFixtures.chain()), project);
        robot.interact(() -> window.model().openFile(project));
        waitFor(() -> fx(() -> window.model().currentHistory().dag().size() == 4));
    }

    /** Data > Add dataset… with the file chooser answered; the real import dialog opens. */
    private void startImport(FxRobot robot, Path file) {
        dataDialogs.answerFile(file);
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.SHORTCUT);
        waitFor(() -> fx(() -> robot.lookup("#importButton").tryQuery().isPresent()));
    }

    /** Waits until the dialog is gone and the panel shows the new dataset's rows. */
    private static void waitForDataset(FxRobot robot) {
        waitFor(() -> fx(() -> robot.lookup("#importButton").tryQuery().isEmpty()
                && robot.lookup("#grid").tryQuery().map(g -> ((TableGrid) g).table() != null).orElse(false)));
    }

    private static TableGrid lookupGrid(FxRobot robot, boolean inDialog) {
        return (TableGrid) robot.lookup(inDialog ? "#previewGrid" : "#grid").query();
    }

    private static TableView<ImportProblem> problemTable(FxRobot robot) {
        return robot.lookup("#problemTable").queryTableView();
    }

    /** Every label text under the node. */
    private static List<String> texts(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).query().lookupAll(".label").stream()
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).toList());
    }

    private static void waitFor(BooleanSupplier condition) {
        FxWaits.waitFor(60, condition);
    }

    private static <T> T fx(Callable<T> callable) {
        return FxWaits.fx(callable);
    }
}
