package org.recausal.desktop.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.geometry.Bounds;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.canvas.CanvasOverlay.EdgeKey;
import org.recausal.desktop.canvas.CanvasOverlay.LegendEntry;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.edit.EditHistory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** PNG and SVG exports: the whole graph whatever the view, with the colours shown on screen. */
class DagCanvasExportTest extends CanvasTestBase {
    @TempDir
    Path folder;

    private void showShop() {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("price", Role.EXPOSURE, DataType.CONTINUOUS).at(100, 100));
        dag.addVariable(Variable.of("demand", Role.OUTCOME, DataType.CONTINUOUS).at(100, 300));
        dag.addVariable(Variable.of("season", Role.LATENT, DataType.CATEGORICAL).at(400, 100));
        dag.addVariable(Variable.of("region").at(700, 500));
        dag.addEdge("price", "demand", "Higher prices lower demand");
        dag.addEdge("season", "demand");
        dag.addEdge("season", "price");
        history = new EditHistory(dag);
        robot.interact(() -> {
            canvas.setHistory(history);
            canvas.zoomProperty().set(3);
        });
    }

    @Test
    void thePngShowsTheWholeGraphAtTwiceItsSizeOnWhite() throws IOException {
        showShop();
        robot.interact(() -> {
            canvas.reveal("demand");
            canvas.selectAll();
        });
        robot.moveTo(centreOf("demand"));
        assertThat(robot.lookup("#node-demand").query().isHover()).isTrue();
        Path file = folder.resolve("graph.png");
        assertThat(export(() -> canvas.exportPng(file))).isEmpty();

        BufferedImage image = ImageIO.read(file.toFile());
        Bounds bounds = fx(() -> canvas.graphLayer().graphBounds());
        double legendHeight = fx(() -> canvas.legend().getBoundsInParent().getHeight());
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil((bounds.getWidth() + 2 * GraphImages.PADDING) * 2));
        assertThat(image.getHeight()).isBetween(
                (int) ((bounds.getHeight() + 2 * GraphImages.PADDING + legendHeight) * 2),
                (int) ((bounds.getHeight() + 3 * GraphImages.PADDING + legendHeight) * 2) + 2);
        assertThat(new Color24(image.getRGB(1, 1))).isEqualTo(new Color24(0xFFFFFF));
        // Inside each box, left of its name, the box's own fill; just outside, white but for the faint
        // shadow: no selection halo (which shows as #b7cef2 there).
        int outside = beside(image, bounds, "price", -2);
        assertThat(List.of(outside >> 16 & 0xFF, outside >> 8 & 0xFF, outside & 0xFF)).allMatch(level -> level >= 240);
        assertThat(new Color24(insideLeftOf(image, bounds, "price"))).isEqualTo(new Color24(fill("price")));
        assertThat(new Color24(insideLeftOf(image, bounds, "region"))).isEqualTo(new Color24(0xFFFFFF));
        assertThat(new Color24(insideLeftOf(image, bounds, "demand"))).isEqualTo(new Color24(fill("demand")));
        // The hovered variable's connector ring is left out: its bottom border shows where the ring would be.
        VariableView demand = fx(() -> canvas.graphLayer().view("demand"));
        int ringX = (int) Math.round((demand.centreX() - bounds.getMinX() + GraphImages.PADDING) * 2);
        int ringY = (int) Math.round((demand.centreY() + VariableView.HEIGHT / 2 - 0.75 - bounds.getMinY()
                + GraphImages.PADDING) * 2);
        assertThat(new Color24(image.getRGB(ringX, ringY))).isEqualTo(new Color24(0x0072B2));
        assertThat(canvas.getSelectedVariables()).hasSize(4);
    }

    @Test
    void theSvgIsRealXmlWithBoxesNamesArrowsRoleColoursAndTheLegend() throws Exception {
        showShop();
        robot.interact(() -> canvas.setOverlay(new CanvasOverlay(Map.of(new EdgeKey("season", "price"), "path-open"),
                Map.of(), List.of(new LegendEntry("path-open", "Open backdoor path")))));
        Path file = folder.resolve("graph.svg");
        assertThat(export(() -> canvas.exportSvg(file))).isEmpty();
        // Written like any other file of the user's, not with a temporary file's owner-only permissions.
        Path plain = Files.createFile(folder.resolve("plain.txt"));
        if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
        assertThat(Files.list(folder).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("graph.svg",
                "plain.txt");

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document svg = factory.newDocumentBuilder().parse(file.toFile());
        Element root = svg.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");

        Element price = byId(svg, "node-price");
        Element priceBox = (Element) price.getElementsByTagName("rect").item(0);
        assertThat(priceBox.getAttribute("stroke")).isEqualTo("#009e73");
        assertThat(price.getElementsByTagName("text").item(0).getTextContent()).isEqualTo("price");
        assertThat(byId(svg, "node-demand").getElementsByTagName("rect").item(0).getAttributes()
                .getNamedItem("stroke").getNodeValue()).isEqualTo("#0072b2");
        Element latentBox = (Element) byId(svg, "node-season").getElementsByTagName("rect").item(0);
        assertThat(latentBox.getAttribute("stroke-dasharray")).isNotEmpty();

        Element open = byId(svg, "edge-season-price");
        assertThat(((Element) open.getElementsByTagName("path").item(0)).getAttribute("stroke")).isEqualTo("#d55e00");
        assertThat(open.getElementsByTagName("polygon").getLength()).isEqualTo(1);
        Element noted = byId(svg, "edge-price-demand");
        assertThat(noted.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Higher prices lower demand");
        assertThat(((Element) noted.getElementsByTagName("path").item(0)).getAttribute("d")).startsWith("M");

        assertThat(texts(svg)).contains("Legend", "Exposure", "Outcome", "Latent", "Selection", "Open backdoor path",
                "region");
        assertThat(svg.getElementsByTagName("rect").getLength()).isEqualTo(1 + 4 + Role.values().length);
    }

    @Test
    void anEmptyGraphIsRefusedWithAClearMessageAndNoFile() {
        Path file = folder.resolve("empty.svg");
        assertThat(export(() -> canvas.exportSvg(file))).singleElement().extracting(Exception::getMessage)
                .asString().contains("The graph is empty");
        assertThat(Files.exists(file)).isFalse();
    }

    @FunctionalInterface
    private interface Export {
        void run() throws IOException;
    }

    /** Runs an export on the FX thread; returns what it threw. */
    private List<IOException> export(Export export) {
        List<IOException> failures = new ArrayList<>();
        robot.interact(() -> {
            try {
                export.run();
            } catch (IOException e) {
                failures.add(e);
            }
        });
        return failures;
    }

    /** The pixel just inside the left border of {@code name}'s box, before its name starts. */
    private int insideLeftOf(BufferedImage image, Bounds bounds, String name) {
        return beside(image, bounds, name, 6);
    }

    /** The pixel {@code offset} canvas units right of the left edge of {@code name}'s box, at mid-height. */
    private int beside(BufferedImage image, Bounds bounds, String name, double offset) {
        VariableView view = fx(() -> canvas.graphLayer().view(name));
        double x = view.centreX() - view.boxWidth() / 2 + offset;
        double y = view.centreY();
        double scale = 2;
        return image.getRGB((int) Math.round((x - bounds.getMinX() + GraphImages.PADDING) * scale),
                (int) Math.round((y - bounds.getMinY() + GraphImages.PADDING) * scale));
    }

    private int fill(String name) {
        Color c = fx(() -> (Color) canvas.graphLayer().view(name).boxRegion().getBackground().getFills().getLast()
                .getFill());
        return ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    private static Element byId(Document svg, String id) {
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (id.equals(group.getAttribute("id"))) {
                return group;
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** An RGB colour compared within 2 levels per channel (anti-aliasing and rounding). */
    private record Color24(int rgb) {
        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Color24 that)) {
                return false;
            }
            for (int shift = 0; shift <= 16; shift += 8) {
                if (Math.abs((rgb >> shift & 0xFF) - (that.rgb >> shift & 0xFF)) > 2) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return 0;
        }

        @Override
        public String toString() {
            return String.format("#%06x", rgb & 0xFFFFFF);
        }
    }
}
