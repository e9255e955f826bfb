package org.recausal.desktop.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.testing.FxWaits;
import org.recausal.engine.explain.ExplainOptions;
import org.recausal.engine.explain.Explainer;
import org.recausal.engine.explain.Explanation;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.task.CancellationToken;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The attribution chart of a SASRec with side features, headless: the history items as before, then a "Variables"
 * group in its own colours with the legend saying so; clicking a variable or the header highlights no history row.
 */
@ExtendWith(ApplicationExtension.class)
class AttributionChartFxTest {
    private static final StoredModel MODEL = ExplainFixtures.sasrec(true);

    @TempDir
    Path temp;

    private final SignedBars bars = new SignedBars();
    private Explanation explanation;

    @Start
    void start(Stage stage) {
        explanation = new Explainer(MODEL).explain("user3", "7", ExplainOptions.defaults(), CancellationToken.none());
        bars.chartProperty().set(AttributionChart.of(explanation));
        stage.setScene(new Scene(new StackPane(bars), 700, 520));
        stage.show();
    }

    @Test
    void variablesAreAGroupOfTheirOwnBelowTheHistoryItems(FxRobot robot) throws IOException {
        SignedBars.Chart chart = fx(() -> bars.chartProperty().get());
        assertThat(chart.bars()).hasSize(explanation.attributions().historyItems().size());
        assertThat(chart.variables()).extracting(SignedBars.Bar::prefix).containsExactlyInAnyOrder("user", "item");
        assertThat(chart.variables()).extracting(SignedBars.Bar::label)
                .containsExactlyInAnyOrder("parity = odd", "number = 7");
        assertThat(chart.variables()).allMatch(b -> b.key() == -1 && !b.hasInterval());
        List<SignedBars.Bar> rows = chart.rows();
        assertThat(rows.get(chart.bars().size())).isNull();
        assertThat(rows.stream().filter(Objects::isNull)).hasSize(1);

        Path svg = temp.resolve("bars.svg");
        robot.interact(() -> {
            try {
                bars.writeSvg(svg);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        String drawn = Files.readString(svg);
        assertThat(drawn).contains(">" + SignedBars.VARIABLES + "<").contains("variable raises").contains("variable lowers")
                .contains("parity = odd");
        String colour = explanation.attributions().variables().getFirst().value() >= 0 ? "#1b9e77" : "#7570b3";
        assertThat(drawn).contains("fill=\"" + colour + "\"");

        // The header's row and a variable's row carry no history item to highlight.
        robot.interact(() -> bars.highlightedProperty().set(-1));
        int header = chart.bars().size();
        robot.clickOn(rowCentre(header));
        robot.clickOn(rowCentre(header + 1));
        assertThat(fx(() -> bars.highlightedProperty().get())).isEqualTo(-1);
        robot.clickOn(rowCentre(0));
        assertThat(fx(() -> bars.highlightedProperty().get())).isEqualTo(chart.bars().getFirst().key());
    }

    /** The screen point in the middle of row {@code i}'s label (legend and padding above, as SignedBars lays out). */
    private Point2D rowCentre(int i) {
        return fx(() -> bars.localToScreen(60, 10 + 26 + 22 * i + 11));
    }

    private static <T> T fx(Callable<T> callable) {
        return FxWaits.fx(callable);
    }
}
