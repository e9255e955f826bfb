package org.recausal.desktop.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.testing.FxWaits;
import org.recausal.desktop.testing.TestWindows;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Plots as the panels export them, rendered headless: the PNG decodes at twice the plot's size on screen with its
 * series' colour in it, the SVG parses as XML and draws each series (a segment between each two points, bars as tall
 * as their values) with its legend and axes named, and the CSV holds every number plotted. A tooltip shown follows
 * new data under the resting mouse.
 */
@ExtendWith(ApplicationExtension.class)
class PlotExportFxTest {
    private static final PlotData.Series LOSS = new PlotData.Series("training loss", PlotData.COLOURS.get(0),
            new double[] {1, 2, 3, 4, 5}, new double[] {0.693, 0.52, 0.41, 0.37, 0.355});
    private static final PlotData.Series HR = new PlotData.Series("HR@10", PlotData.COLOURS.get(1),
            new double[] {2, 4, 5}, new double[] {0.2, 0.31, 0.335});
    private static final PlotData LINES = new PlotData("Training loss", "epoch", "epoch %s", "BPR loss", List.of(),
            new double[] {0, 5}, false, List.of(LOSS, HR), "none");
    private static final PlotData BARS = new PlotData("Item popularity", "popularity fifth", "%s fifth", "share",
            List.of("1st", "2nd", "3rd"), null, true, List.of(
                    new PlotData.Series("recommended", PlotData.COLOURS.get(0), new double[] {0, 1, 2}, new double[] {0.6, 0.3, 0.1}),
                    new PlotData.Series("consumed, held out", PlotData.COLOURS.get(4), new double[] {0, 1, 2},
                            new double[] {0.4, 0.35, 0.25})), "none");

    @TempDir
    Path temp;

    private LinePlot lines;
    private BarPlot bars;

    @Start
    void start(Stage stage) {
        lines = new LinePlot();
        bars = new BarPlot();
        lines.show(LINES);
        bars.show(BARS);
        HBox.setHgrow(lines, Priority.ALWAYS);
        HBox.setHgrow(bars, Priority.ALWAYS);
        stage.setScene(new Scene(new HBox(lines, bars), 900, 320));
        stage.show();
    }

    @Test
    void thePngDecodesAtTwiceThePlotsSizeWithItsSeriesColour() throws Exception {
        Path png = temp.resolve("loss.png");
        double[] size = FxWaits.fx(() -> {
            lines.writePng(png);
            return new double[] {lines.getWidth(), lines.getHeight()};
        });
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo((int) Math.round(2 * size[0]));
        assertThat(image.getHeight()).isEqualTo((int) Math.round(2 * size[1]));
        assertThat(size[1]).isGreaterThan(250);
        int accent = 0x3567d4;
        boolean found = false;
        for (int y = 0; y < image.getHeight() && !found; y++) {
            for (int x = 0; x < image.getWidth() && !found; x++) {
                found = (image.getRGB(x, y) & 0xffffff) == accent;
            }
        }
        assertThat(found).as("a pixel in the loss series' colour").isTrue();
    }

    @Test
    void theSvgParsesAndDrawsEachSeriesWithItsLegendAndAxes() throws Exception {
        Path svg = temp.resolve("loss.svg");
        FxWaits.fx(() -> {
            lines.writeSvg(svg);
            return null;
        });
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        List<String> texts = texts(doc);
        assertThat(texts).contains("Training loss", "training loss", "HR@10", "BPR loss", "epoch");
        // One segment between each two points of a series, in its colour.
        assertThat(elements(doc, "line", "stroke", "#3567d4")).hasSize(LOSS.x().length - 1);
        assertThat(elements(doc, "line", "stroke", "#0f8b8d")).hasSize(HR.x().length - 1);
        // The SVG is the size the plot has on screen.
        double[] size = FxWaits.fx(() -> new double[] {lines.getWidth(), lines.getHeight()});
        assertThat(Double.parseDouble(doc.getDocumentElement().getAttribute("width"))).isCloseTo(size[0], within(0.01));
        assertThat(Double.parseDouble(doc.getDocumentElement().getAttribute("height"))).isCloseTo(size[1], within(0.01));
    }

    @Test
    void barsAreAsTallAsTheirValues() throws Exception {
        Path svg = temp.resolve("popularity.svg");
        FxWaits.fx(() -> {
            bars.writeSvg(svg);
            return null;
        });
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(texts(doc)).contains("Item popularity", "recommended", "consumed, held out", "1st", "2nd", "3rd");
        // The legend's swatch, then one bar per category.
        List<Element> recommended = elements(doc, "rect", "fill", "#3567d4");
        List<Element> consumed = elements(doc, "rect", "fill", "#a7adb8");
        assertThat(recommended).hasSize(4);
        assertThat(consumed).hasSize(4);
        double unit = height(recommended.get(1)) / 0.6;
        assertThat(height(recommended.get(2))).isCloseTo(0.3 * unit, within(0.01));
        assertThat(height(recommended.get(3))).isCloseTo(0.1 * unit, within(0.01));
        assertThat(height(consumed.get(1))).isCloseTo(0.4 * unit, within(0.01));
        assertThat(height(consumed.get(3))).isCloseTo(0.25 * unit, within(0.01));
    }

    @Test
    void theTooltipFollowsALiveCurveThatChangesUnderTheMouse(FxRobot robot) {
        XyPlot.Hit last = new XyPlot.Hit(0, LOSS.x().length - 1);
        robot.moveTo(FxWaits.fx(() -> lines.localToScreen(lines.placeOf(last))));
        FxWaits.waitFor(5, () -> FxWaits.fx(() -> lines.hoverTextProperty().get())
                .equals("training loss · epoch 5: 0.3550"));
        // The next epoch report moves the point under the resting mouse: the tooltip names its new value.
        double[] moved = LOSS.y().clone();
        moved[moved.length - 1] = 0.36;
        PlotData.Series loss = new PlotData.Series(LOSS.name(), LOSS.colour(), LOSS.x(), moved);
        robot.interact(() -> lines.show(new PlotData(LINES.title(), LINES.xLabel(), LINES.xPoint(), LINES.yLabel(),
                List.of(), LINES.xRange(), false, List.of(loss, HR), "none")));
        assertThat(FxWaits.fx(() -> lines.hoverTextProperty().get())).isEqualTo("training loss · epoch 5: 0.3600");
    }

    @Test
    void theTooltipGoesWhenADialogOpensOverThePlot(FxRobot robot) {
        robot.moveTo(FxWaits.fx(() -> lines.localToScreen(lines.placeOf(new XyPlot.Hit(0, 0)))));
        FxWaits.waitFor(5, () -> !FxWaits.fx(() -> lines.hoverTextProperty().get()).isEmpty());
        Stage dialog = TestWindows.openDialogOver(lines);
        assertThat(FxWaits.fx(() -> lines.hoverTextProperty().get())).isEmpty();
        robot.interact(dialog::close);
    }

    @Test
    void theCsvHoldsEveryPlottedNumber() throws Exception {
        Path csv = temp.resolve("plots.csv");
        PlotCsv.write(List.of(LINES, BARS), csv);
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(rows.getFirst()).isEqualTo("plot,series,x_axis,x,y_axis,y");
        assertThat(rows).hasSize(1 + 5 + 3 + 3 + 3);
        assertThat(rows.get(1)).isEqualTo("Training loss,training loss,epoch,1,BPR loss,0.693000000");
        assertThat(rows.get(7)).isEqualTo("Training loss,HR@10,epoch,4,BPR loss,0.310000000");
        assertThat(rows.get(12)).isEqualTo("Item popularity,\"consumed, held out\",popularity fifth,1st,share,0.400000000");
        for (int r = 1; r < rows.size(); r++) {
            String[] cells = rows.get(r).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            PlotData plot = cells[0].equals("Training loss") ? LINES : BARS;
            PlotData.Series series = plot.series().stream().filter(s -> cells[1].replace("\"", "").equals(s.name()))
                    .findFirst().orElseThrow();
            int k = plot.categories().isEmpty() ? indexOf(series.x(), Double.parseDouble(cells[3]))
                    : plot.categories().indexOf(cells[3]);
            assertThat(Double.parseDouble(cells[5])).isEqualTo(series.y()[k]);
        }
    }

    private static int indexOf(double[] values, double value) {
        for (int k = 0; k < values.length; k++) {
            if (values[k] == value) {
                return k;
            }
        }
        throw new AssertionError(value + " is not plotted");
    }

    private static List<String> texts(Document doc) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName("text");
        for (int n = 0; n < nodes.getLength(); n++) {
            texts.add(nodes.item(n).getTextContent());
        }
        return texts;
    }

    private static List<Element> elements(Document doc, String tag, String attribute, String value) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName(tag);
        for (int n = 0; n < nodes.getLength(); n++) {
            Element e = (Element) nodes.item(n);
            if (e.getAttribute(attribute).equals(value)) {
                found.add(e);
            }
        }
        return found;
    }

    private static double height(Element rect) {
        return Double.parseDouble(rect.getAttribute("height"));
    }
}
