package org.recausal.desktop.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableReader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The grid over two million rows: only the rows on screen have cells, and each reads its own row's values. */
@ExtendWith(ApplicationExtension.class)
class DataGridFxTest {

    private static final int ROWS = 2_000_000;

    @TempDir
    static Path temp;

    private TableGrid grid;

    @Start
    void start(Stage stage) {
        grid = new TableGrid();
        Scene scene = new Scene(grid, 900, 600);
        scene.getStylesheets().add(ImportDialog.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void scrollsThroughTwoMillionRowsWithCellsOnlyForThoseInView(FxRobot robot) throws Exception {
        Path file = temp.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("n,half,label\n");
            for (int row = 0; row < ROWS; row++) {
                // Every 1000th half is missing.
                out.write(row + "," + (row % 1000 == 7 ? "" : row / 2.0) + ",l" + (row % 3) + "\n");
            }
        }
        Table table = TableReader.read(file).table();
        robot.interact(() -> grid.setTable(table));

        assertThat(grid.getItems()).hasSize(ROWS);
        robot.interact(() -> grid.scrollTo(ROWS - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rowTexts(robot, ROWS - 1)).containsExactly("2000000", "1999999", "999999.5", "l1");

        robot.interact(() -> grid.scrollTo(1_234_000));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rowTexts(robot, 1_234_007)).containsExactly("1234008", "1234007", "NA", "l2");
        Node missing = cellsOf(robot, 1_234_007).get(2);
        assertThat(missing.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("missing"));

        // Virtualised: a screenful of rows, not two million.
        long rowCells = robot.lookup(".table-row-cell").queryAll().size();
        assertThat(rowCells).isLessThan(60);
    }

    /** The texts of the cells showing table row {@code index}: row number, then each column. */
    private List<String> rowTexts(FxRobot robot, int index) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> cellsOf(robot, index).stream().map(n -> ((Labeled) n).getText())
                .toList()).get(10, TimeUnit.SECONDS);
    }

    private static List<Node> cellsOf(FxRobot robot, int index) {
        return robot.lookup(".table-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((IndexedCell<?>) n).getIndex() == index)
                .sorted(java.util.Comparator.comparingDouble(n -> n.localToScene(0, 0).getX()))
                .map(Node.class::cast).toList();
    }
}
