package org.recausal.desktop.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.testing.FxWaits;
import org.recausal.desktop.testing.TestWindows;
import org.recausal.engine.explain.AttentionView;
import org.recausal.engine.explain.ExplainOptions;
import org.recausal.engine.explain.Explainer;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.sasrec.AttentionMap;
import org.recausal.engine.task.CancellationToken;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The heatmap rendered headless on a real SASRec's attention: every cell shows the model's weight (and the
 * rollout column the explainer's rollout), in its exact value on hover and in the colour the legend gives that value;
 * a click highlights the row.
 */
@ExtendWith(ApplicationExtension.class)
class AttentionHeatmapFxTest {
    private static final StoredModel STORED = ExplainFixtures.sasrec();
    private static final int USER = 4;

    @TempDir
    Path temp;

    private final AttentionMap truth = STORED.sasrec().attention(STORED.histories()[USER]);
    private final AttentionView view = new Explainer(STORED).explain("user" + USER,
            STORED.recommend("user" + USER, 1).getFirst().item(), ExplainOptions.defaults(), CancellationToken.none())
            .attention();
    private AttentionHeatmap heatmap;

    @Start
    void start(Stage stage) {
        heatmap = new AttentionHeatmap();
        heatmap.gridProperty().set(AttentionGrid.of(view));
        stage.setScene(new Scene(new StackPane(heatmap), 720, 420));
        stage.show();
    }

    @Test
    void hoveringEachCellShowsTheModelsExactWeight(FxRobot robot) {
        int rows = truth.items().size();
        assertThat(rows).isGreaterThan(3);
        for (int b = 0; b < truth.blocks(); b++) {
            for (int h = 0; h < truth.heads(); h++) {
                float[] weights = truth.lastRow(b, h);
                for (int j = 0; j < rows; j++) {
                    int row = j;
                    int column = b * truth.heads() + h;
                    Point2D centre = FxWaits.fx(() -> heatmap.localToScreen(heatmap.cellCentre(row, column)));
                    robot.moveTo(centre);
                    String expected = String.format(Locale.ROOT, "Layer %d · head %d: %.5f", b + 1, h + 1, weights[j]);
                    FxWaits.waitFor(5, () -> FxWaits.fx(() -> heatmap.hoverTextProperty().get()).endsWith(expected));
                    assertThat(FxWaits.fx(() -> heatmap.hoverTextProperty().get()))
                            .startsWith(truth.items().get(j) + " (\u2212" + (rows - j) + ")");
                }
            }
        }
        for (int j = 0; j < rows; j++) {
            int row = j;
            int rollout = truth.blocks() * truth.heads();
            robot.moveTo(FxWaits.fx(() -> heatmap.localToScreen(heatmap.cellCentre(row, rollout))));
            String expected = String.format(Locale.ROOT, "Rollout: %.5f", view.rollout()[j]);
            FxWaits.waitFor(5, () -> FxWaits.fx(() -> heatmap.hoverTextProperty().get()).endsWith(expected));
        }
        assertThat(robot.from(heatmap).lookup(".chart-hover").queryLabeled().isVisible()).isTrue();
    }

    @Test
    void theTooltipGoesWhenADialogOpensOverTheHeatmap(FxRobot robot) {
        robot.moveTo(FxWaits.fx(() -> heatmap.localToScreen(heatmap.cellCentre(0, 0))));
        FxWaits.waitFor(5, () -> !FxWaits.fx(() -> heatmap.hoverTextProperty().get()).isEmpty());
        Stage dialog = TestWindows.openDialogOver(heatmap);
        assertThat(FxWaits.fx(() -> heatmap.hoverTextProperty().get())).isEmpty();
        robot.interact(dialog::close);
    }

    @Test
    void eachCellIsPaintedInTheLegendsColourForItsWeight(FxRobot robot) {
        AttentionGrid grid = AttentionGrid.of(view);
        WritableImage image = FxWaits.fx(() -> heatmap.snapshot(null, null));
        for (int r = 0; r < grid.rowCount(); r++) {
            for (int c = 0; c < grid.columnCount(); c++) {
                int row = r;
                int column = c;
                Point2D at = FxWaits.fx(() -> heatmap.cellCentre(row, column));
                // A corner of the cell, clear of the value written in its middle.
                Color shown = image.getPixelReader().getColor((int) (at.getX() - 20), (int) (at.getY() - 6));
                Color expected = ColourScale.colour(grid.value(r, c), grid.max());
                assertThat(distance(shown, expected)).as("cell %d,%d", r, c).isLessThan(0.02);
            }
        }
    }

    @Test
    void clickingARowHighlightsIt(FxRobot robot) {
        Point2D cell = FxWaits.fx(() -> heatmap.localToScreen(heatmap.cellCentre(2, 1)));
        robot.clickOn(cell);
        assertThat(FxWaits.fx(() -> heatmap.highlightedRowProperty().get())).isEqualTo(2);
    }

    @Test
    void theSvgHoldsACellPerWeightAndTheLegend() throws Exception {
        Path file = temp.resolve("attention.svg");
        FxWaits.fx(() -> {
            heatmap.writeSvg(file);
            return null;
        });
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        AttentionGrid grid = AttentionGrid.of(view);
        Color top = ColourScale.colour(grid.max(), grid.max());
        assertThat(svg).startsWith("<?xml").endsWith("</svg>\n").contains(">Attention</text>", ">weight</text>",
                ">Layer 2</text>", ">head 2</text>");
        assertThat(svg).contains(String.format(Locale.ROOT, ">%.3f</text>", grid.max()));
        assertThat(svg).contains(String.format(Locale.ROOT, "fill=\"#%02x%02x%02x\"", Math.round(top.getRed() * 255),
                Math.round(top.getGreen() * 255), Math.round(top.getBlue() * 255)));
        Path png = temp.resolve("attention.png");
        FxWaits.fx(() -> {
            heatmap.writePng(png);
            return null;
        });
        assertThat(Files.size(png)).isGreaterThan(1000);
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }
}
