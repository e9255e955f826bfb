package org.recausal.desktop.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.PickResult;
import javafx.scene.input.ZoomEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;

import org.junit.jupiter.api.Test;
import org.recausal.desktop.canvas.CanvasOverlay.EdgeKey;
import org.recausal.desktop.canvas.CanvasOverlay.LegendEntry;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.RandomDags;
import org.recausal.engine.dag.edit.EditHistory;
import org.testfx.util.WaitForAsyncUtils;

/** Zoom, pan, fitting, auto-layout and overlays. */
class DagCanvasViewTest extends CanvasTestBase {

    @Test
    void theWheelZoomsAboutTheCursor() {
        show(List.of("a@100,100", "b@400,300"), List.of("a->b"));
        Point2D mouse = rounded(screen(330, 150));
        Point2D before = worldUnder(mouse);
        double zoomBefore = zoom();

        robot.moveTo(mouse).scroll(3, VerticalDirection.UP);
        double zoomedIn = zoom();
        assertThat(zoomedIn).isNotEqualTo(zoomBefore);
        assertThat(worldUnder(mouse).distance(before)).isLessThan(1e-6);

        robot.scroll(6, VerticalDirection.DOWN);
        assertThat(zoom()).isNotEqualTo(zoomedIn);
        assertThat(worldUnder(mouse).distance(before)).isLessThan(1e-6);
    }

    @Test
    void aPinchZoomsAboutItsCentre() {
        show(List.of("a@100,100", "b@400,300"), List.of());
        Point2D local = new Point2D(600, 200);
        Point2D before = fx(() -> canvas.toWorld(local.getX(), local.getY()));
        double zoomBefore = zoom();
        robot.interact(() -> Event.fireEvent(canvas, new ZoomEvent(ZoomEvent.ZOOM, local.getX(), local.getY(),
                0, 0, false, false, false, false, true, false, 1.5, 1.5, new PickResult(canvas, local.getX(),
                        local.getY()))));
        assertThat(zoom()).isCloseTo(zoomBefore * 1.5, within(1e-9));
        assertThat(fx(() -> canvas.toWorld(local.getX(), local.getY())).distance(before)).isLessThan(1e-6);
    }

    @Test
    void zoomStaysWithinItsLimitsAndCtrlZeroResetsIt() {
        robot.interact(() -> canvas.zoomProperty().set(100));
        assertThat(zoom()).isEqualTo(Viewport.MAX_ZOOM);
        robot.interact(() -> canvas.zoomProperty().set(0.001));
        assertThat(zoom()).isEqualTo(Viewport.MIN_ZOOM);
        robot.interact(canvas::zoomIn);
        assertThat(zoom()).isCloseTo(Viewport.MIN_ZOOM * 1.25, within(1e-9));
        robot.clickOn(screen(0, 0)).press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        assertThat(zoom()).isEqualTo(1.0);
    }

    @Test
    void fitToWindowShowsTheWholeGraph() {
        show(List.of("a@0,0", "b@3000,0", "c@1500,2000"), List.of("a->c", "b->c"));
        robot.interact(canvas::resetZoom);
        assertThat(List.of("a", "b", "c")).anyMatch(name -> !insideWindow(name));

        robot.interact(canvas::fitToWindow);
        assertThat(zoom()).isLessThan(0.3);
        assertThat(List.of("a", "b", "c")).allMatch(this::insideWindow);
    }

    @Test
    void fitToWindowKeepsEveryVariableClearOfTheLegend() {
        // Variables in every corner, the bottom-left one where the legend sits.
        show(List.of("a@0,0", "b@1200,0", "c@0,700", "d@1200,700", "e@600,350"), List.of("a->e", "e->d"));
        robot.interact(canvas::fitToWindow);
        assertThat(variablesUnderTheLegend()).isEmpty();
        assertThat(List.of("a", "b", "c", "d", "e")).allMatch(this::insideWindow);

        // Folded, the legend needs less room, so the fit gets bigger.
        double unfoldedZoom = zoom();
        robot.clickOn("#legend-toggle");
        assertThat(fx(() -> canvas.legendExpandedProperty().get())).isFalse();
        robot.interact(canvas::fitToWindow);
        assertThat(zoom()).isGreaterThan(unfoldedZoom);
        assertThat(variablesUnderTheLegend()).isEmpty();
    }

    @Test
    void aFittedGraphIsFittedAgainWhenTheCanvasChangesSizeUntilTheViewIsMoved() {
        show(List.of("a@0,0", "b@1200,0", "c@0,700", "d@1200,700"), List.of("a->d"));
        robot.interact(canvas::fitToWindow);
        double tall = zoom();

        // A panel docks under the canvas: half the height, and the graph is fitted to what is left.
        robot.interact(() -> canvas.getScene().getWindow().setHeight(canvas.getScene().getWindow().getHeight() / 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(zoom()).isLessThan(tall * 0.8);
        assertThat(List.of("a", "b", "c", "d")).allMatch(this::insideWindow);
        assertThat(variablesUnderTheLegend()).isEmpty();

        // Once the analyst zooms, a resize leaves the view alone.
        robot.interact(canvas::zoomIn);
        double chosen = zoom();
        robot.interact(() -> canvas.getScene().getWindow().setHeight(canvas.getScene().getWindow().getHeight() * 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(zoom()).isEqualTo(chosen);
    }

    @Test
    void theLegendFoldsToItsHeaderStaysFoldedAndUnfoldsForExports() throws IOException {
        show(List.of("a@100,100", "b@100,260"), List.of("a->b"));
        double unfolded = legendHeight();
        robot.clickOn("#legend-toggle");
        assertThat(legendHeight()).isLessThan(unfolded / 3);
        assertThat(robot.lookup(".legend-body").queryAs(Node.class).isVisible()).isFalse();

        // New overlays and new projects keep it folded.
        robot.interact(() -> canvas.setOverlay(new CanvasOverlay(Map.of(), Map.of("a", "node-adjusted"),
                List.of(new LegendEntry("node-adjusted", "Adjusted for")))));
        robot.interact(() -> canvas.setHistory(new EditHistory(new Dag())));
        assertThat(fx(() -> canvas.legendExpandedProperty().get())).isFalse();
        robot.interact(() -> canvas.setOverlay(CanvasOverlay.NONE));

        show(List.of("a@100,100", "b@100,260"), List.of("a->b"));
        java.nio.file.Path file = Files.createTempFile("legend", ".png");
        try {
            robot.interact(() -> {
                try {
                    canvas.exportPng(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Bounds bounds = fx(() -> canvas.graphLayer().graphBounds());
            int height = ImageIO.read(file.toFile()).getHeight();
            // The image holds the unfolded legend below the graph, and the canvas keeps it folded.
            assertThat(height).isGreaterThanOrEqualTo((int) ((bounds.getHeight() + unfolded) * GraphImages.SCALE));
            assertThat(fx(() -> canvas.legendExpandedProperty().get())).isFalse();
        } finally {
            Files.deleteIfExists(file);
        }

        robot.clickOn("#legend-toggle");
        assertThat(legendHeight()).isEqualTo(unfolded);
    }

    @Test
    void middleButtonAndSpaceDragPan() {
        show(List.of("a@100,100", "b@400,300"), List.of());
        double z = zoom();
        Point2D aBefore = centreOf("a");
        Point2D start = screen(250, 360);
        drag(start, start.add(60, -40), MouseButton.MIDDLE);
        assertThat(centreOf("a").subtract(aBefore).distance(60, -40)).isLessThan(1.01);
        assertThat(zoom()).isEqualTo(z);
        assertThat(dag().require("a").position()).isEqualTo(new CanvasPosition(100, 100));

        Point2D aMiddle = centreOf("a");
        robot.press(KeyCode.SPACE);
        drag(start, start.add(-30, 20), MouseButton.PRIMARY);
        robot.release(KeyCode.SPACE);
        assertThat(centreOf("a").subtract(aMiddle).distance(-30, 20)).isLessThan(1.01);
        assertThat(canvas.getSelectedVariables()).isEmpty();
    }

    @Test
    void autoLayoutPutsCausesAboveEffectsAsOneUndoStepAndCurvesLongEdges() {
        show(List.of("a@100,400", "b@100,250", "c@100,100", "d@300,100"), List.of("a->b", "b->c", "a->c"));
        autoLayout();
        double ya = dag().require("a").position().y();
        double yb = dag().require("b").position().y();
        double yc = dag().require("c").position().y();
        assertThat(ya).isLessThan(yb);
        assertThat(yb).isLessThan(yc);
        assertThat(history.undoDescription()).contains("Auto-layout");
        assertThat(isCurved("a", "c")).isTrue();
        assertThat(isCurved("a", "b")).isFalse();

        robot.interact(history::undo);
        assertThat(history.canUndo()).isFalse();
        assertThat(dag().require("a").position()).isEqualTo(new CanvasPosition(100, 400));
        assertThat(dag().require("c").position()).isEqualTo(new CanvasPosition(100, 100));
        // Back in one column, a -> c would run straight through b: the router takes it around.
        assertThat(isCurved("a", "c")).isTrue();
        assertThat(boxesEntered("a", "c")).isEmpty();

        robot.interact(history::redo);
        assertThat(isCurved("a", "c")).isTrue();
        // Moved well away from b's side, c is in plain sight of a: the edge goes straight.
        double away = fx(() -> Math.signum(canvas.graphLayer().view("a").centreX()
                - canvas.graphLayer().view("b").centreX()));
        Point2D c = centreOf("c");
        drag(c, c.add((away == 0 ? 1 : away) * 300, 0), MouseButton.PRIMARY);
        assertThat(isCurved("a", "c")).isFalse();
    }

    @Test
    void edgesRunAroundBoxesAndDuringADragOnlyTheDraggedVariablesEdgesFollow() {
        show(List.of("a@100,100", "c@100,400", "x@400,240", "y@400,400"), List.of("a->c", "x->y"));
        assertThat(isCurved("a", "c")).isFalse();
        double[] before = fx(() -> canvas.graphLayer().edgeView(new EdgeKey("x", "y")).shape().points().clone());

        robot.moveTo(centreOf("x")).press(MouseButton.PRIMARY).moveTo(screen(100, 240));
        // Mid-drag: x's own edge follows it, a -> c keeps its route until the drop.
        assertThat(fx(() -> canvas.graphLayer().edgeView(new EdgeKey("x", "y")).shape().points()))
                .isNotEqualTo(before);
        assertThat(isCurved("a", "c")).isFalse();
        assertThat(boxesEntered("a", "c")).containsExactly("x");

        robot.release(MouseButton.PRIMARY);
        assertThat(dag().require("x").position().x()).isEqualTo(100);
        assertThat(isCurved("a", "c")).isTrue();
        assertThat(boxesEntered("a", "c")).isEmpty();

        robot.interact(history::undo);
        assertThat(isCurved("a", "c")).isFalse();
    }

    @Test
    void namesWithDotsGetIdsThatSelectorsFind() {
        show(List.of("user.age@100,100", "click.rate@100,260"), List.of("user.age->click.rate"));
        assertThat(CanvasIds.node("user.age")).isEqualTo("node-user\u00B7age");
        assertThat(robot.lookup("#" + CanvasIds.node("user.age")).queryAs(Node.class))
                .isSameAs(fx(() -> canvas.graphLayer().view("user.age")));
        assertThat(robot.lookup("#" + CanvasIds.edge("user.age", "click.rate")).queryAs(Node.class))
                .isSameAs(fx(() -> canvas.graphLayer().edgeView(new EdgeKey("user.age", "click.rate")).line()));
        assertThat(robot.lookup("#" + CanvasIds.connector("click.rate")).tryQuery()).isPresent();
        // The raw name would read as id "node-user" with style class "age".
        assertThat(robot.lookup("#node-user.age").tryQuery()).isEmpty();
    }

    @Test
    void aGraphWithoutCoordinatesIsLaidOutWhenShown() {
        Dag dag = RandomDags.generate(12, 20, 3);
        EditHistory fresh = new EditHistory(dag);
        robot.interact(() -> canvas.setHistory(fresh));
        waitForLayout();
        assertThat(fresh.undoDescription()).contains("Auto-layout");
        assertThat(dag.variables().stream().map(v -> v.position()).distinct().count()).isEqualTo(12);
        for (var edge : dag.edges()) {
            assertThat(dag.require(edge.from()).position().y()).isLessThan(dag.require(edge.to()).position().y());
        }
    }

    @Test
    void anOverlayColoursEdgesAndVariablesAndExplainsItselfInTheLegend() {
        show(List.of("a@100,100", "b@100,250", "c@100,400"), List.of("a->b", "b->c"));
        CanvasOverlay overlay = new CanvasOverlay(
                Map.of(new EdgeKey("a", "b"), "path-open", new EdgeKey("b", "c"), "path-blocked"),
                Map.of("a", "node-adjusted", "c", "node-flagged"),
                List.of(new LegendEntry("path-open", "Open backdoor path"), new LegendEntry("node-adjusted", "Adjusted for")));
        robot.interact(() -> canvas.setOverlay(overlay));
        WaitForAsyncUtils.waitForFxEvents();

        Path open = robot.lookup("#edge-a-b").queryAs(Path.class);
        assertThat(open.getStyleClass()).contains("path-open");
        assertThat(open.getStroke()).isEqualTo(Color.web("#D55E00"));
        Path blocked = robot.lookup("#edge-b-c").queryAs(Path.class);
        assertThat(blocked.getStrokeDashArray()).isNotEmpty();
        assertThat(robot.lookup("#node-a").queryParent().getStyleClass()).contains("node-adjusted");
        assertThat(robot.lookup("#node-c").queryParent().getStyleClass()).contains("node-flagged");
        assertThat(fx(() -> canvas.graphLayer().view("a").boxRegion().getBorder().getStrokes().getFirst()
                .getWidths().getTop())).isEqualTo(3.5);
        assertThat(legendTexts()).contains("Exposure", "Outcome", "Latent", "Open backdoor path", "Adjusted for");
        assertThat(fx(() -> canvas.legend().rows().stream().filter(r -> r.text().equals("Open backdoor path"))
                .findFirst().orElseThrow().line())).isNotNull();

        robot.interact(() -> canvas.setOverlay(CanvasOverlay.NONE));
        assertThat(open.getStyleClass()).doesNotContain("path-open");
        assertThat(robot.lookup("#node-a").queryParent().getStyleClass()).doesNotContain("node-adjusted");
        assertThat(legendTexts()).doesNotContain("Open backdoor path");
    }

    @Test
    void anEdgeNoteShowsAsATooltip() throws InterruptedException {
        Dag dag = new Dag();
        dag.addVariable(org.recausal.engine.dag.Variable.of("price").at(100, 100));
        dag.addVariable(org.recausal.engine.dag.Variable.of("demand").at(100, 300));
        dag.addEdge("price", "demand", "Higher prices lower demand");
        history = new EditHistory(dag);
        robot.interact(() -> canvas.setHistory(history));
        robot.moveTo(middleOf("price", "demand"));
        Thread.sleep(900);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(canvas::tooltipText)).contains("Higher prices lower demand");
        robot.moveTo(screen(400, 50));
        assertThat(fx(canvas::tooltipText)).isNull();
    }

    @Test
    void edgesEndAtTheBorderOfTheirTarget() {
        show(List.of("a@100,100", "b@300,260"), List.of("a->b"));
        Polygon head = fx(() -> canvas.graphLayer().edgeView(new EdgeKey("a", "b")).head());
        EdgeGeometry.Box target = fx(() -> canvas.graphLayer().view("b").box());
        double tipX = head.getPoints().get(0);
        double tipY = head.getPoints().get(1);
        // The tip sits just outside the box: on the border grown by the tip gap.
        double outsideX = Math.abs(tipX - target.cx()) - target.width() / 2;
        double outsideY = Math.abs(tipY - target.cy()) - target.height() / 2;
        assertThat(Math.max(outsideX, outsideY)).isCloseTo(EdgeGeometry.TIP_GAP, within(1e-6));
    }

    /** Names of the variables (other than its ends) whose boxes the drawn edge enters, checked every unit or so. */
    private List<String> boxesEntered(String from, String to) {
        return fx(() -> {
            double[] s = canvas.graphLayer().edgeView(new EdgeKey(from, to)).shape().samples();
            return canvas.graphLayer().variableViews().stream()
                    .filter(view -> !view.name().equals(from) && !view.name().equals(to))
                    .filter(view -> {
                        for (int i = 0; i + 3 < s.length; i += 2) {
                            int steps = (int) Math.ceil(Math.hypot(s[i + 2] - s[i], s[i + 3] - s[i + 1])) + 1;
                            for (int k = 0; k <= steps; k++) {
                                if (view.box().contains(s[i] + (s[i + 2] - s[i]) * k / steps,
                                        s[i + 1] + (s[i + 3] - s[i + 1]) * k / steps)) {
                                    return true;
                                }
                            }
                        }
                        return false;
                    })
                    .map(VariableView::name).toList();
        });
    }

    private boolean isCurved(String from, String to) {
        return fx(() -> canvas.graphLayer().edgeView(new EdgeKey(from, to)).line().getElements().stream()
                .anyMatch(e -> e instanceof CubicCurveTo));
    }

    private boolean insideWindow(String name) {
        return fx(() -> {
            Bounds box = canvas.graphLayer().view(name).localToScreen(canvas.graphLayer().view(name).getLayoutBounds());
            Bounds window = canvas.localToScreen(canvas.getLayoutBounds());
            return window.contains(box);
        });
    }

    /** The legend's height once the canvas is laid out. */
    private double legendHeight() {
        return fx(() -> {
            canvas.applyCss();
            canvas.layout();
            return canvas.legend().getHeight();
        });
    }

    /** Variables whose boxes, as shown, overlap the legend. */
    private List<String> variablesUnderTheLegend() {
        return fx(() -> {
            Bounds legend = canvas.legend().getBoundsInParent();
            return canvas.graphLayer().variableViews().stream()
                    .filter(view -> canvas.sceneToLocal(view.localToScene(view.getLayoutBounds())).intersects(legend))
                    .map(VariableView::name).toList();
        });
    }

    private List<String> legendTexts() {
        return fx(() -> canvas.legend().rows().stream().map(CanvasLegend.Row::text).toList());
    }

    private Point2D worldUnder(Point2D screenPoint) {
        return fx(() -> {
            Point2D local = canvas.screenToLocal(screenPoint);
            return canvas.toWorld(local.getX(), local.getY());
        });
    }

    private static Point2D rounded(Point2D p) {
        return new Point2D(Math.round(p.getX()), Math.round(p.getY()));
    }
}
