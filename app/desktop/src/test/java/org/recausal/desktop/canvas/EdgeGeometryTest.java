package org.recausal.desktop.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import javafx.geometry.Point2D;

import org.junit.jupiter.api.Test;

class EdgeGeometryTest {
    private static final EdgeGeometry.Box SOURCE = new EdgeGeometry.Box(0, 0, 100, 32, 8);

    @Test
    void aStraightEdgeLeavesAndEntersThroughTheBorders() {
        EdgeGeometry.Box target = new EdgeGeometry.Box(0, 200, 80, 32, 8);
        EdgeGeometry.Shape shape = EdgeGeometry.route(SOURCE, target, List.of());
        assertThat(shape.curved()).isFalse();
        assertThat(shape.points()[0]).isCloseTo(0, within(1e-9));
        assertThat(shape.points()[1]).isCloseTo(16, within(1e-9));
        // Tip just above the target's top border, the line ending inside the head.
        assertThat(shape.arrow()[1]).isCloseTo(200 - 16 - EdgeGeometry.TIP_GAP, within(1e-9));
        assertThat(shape.points()[3]).isBetween(shape.arrow()[1] - EdgeGeometry.ARROW_LENGTH, shape.arrow()[1]);
        assertThat(shape.arrow()[3]).isCloseTo(shape.arrow()[1] - EdgeGeometry.ARROW_LENGTH, within(1e-9));
        assertThat(Math.abs(shape.arrow()[2] - shape.arrow()[4])).isCloseTo(2 * EdgeGeometry.ARROW_HALF_WIDTH, within(1e-9));
    }

    @Test
    void throughACornerTheBorderPointLiesOnTheRoundedCorner() {
        // Straight towards the bottom-right corner: the exit is on the corner's arc, not the square corner.
        Point2D exit = EdgeGeometry.borderPoint(SOURCE, 500, 160, 0);
        double cornerX = 50 - 8;
        double cornerY = 16 - 8;
        assertThat(Math.hypot(exit.getX() - cornerX, exit.getY() - cornerY)).isCloseTo(8, within(1e-9));
        assertThat(exit.getY() / exit.getX()).isCloseTo(160.0 / 500, within(1e-9));
        assertThat(exit.getX()).isLessThan(50);
    }

    @Test
    void sideExitsUseTheFlatBorder() {
        Point2D exit = EdgeGeometry.borderPoint(SOURCE, 500, 0, 2);
        assertThat(exit.getX()).isCloseTo(52, within(1e-9));
        assertThat(exit.getY()).isCloseTo(0, within(1e-9));
    }

    @Test
    void aRoutedEdgePassesThroughEveryBend() {
        EdgeGeometry.Box target = new EdgeGeometry.Box(0, 400, 80, 32, 8);
        List<Point2D> bends = List.of(new Point2D(120, 130), new Point2D(130, 260));
        EdgeGeometry.Shape shape = EdgeGeometry.route(SOURCE, target, bends);
        assertThat(shape.curved()).isTrue();
        double[] p = shape.points();
        assertThat(p).hasSize(2 + 6 * 3);
        assertThat(new Point2D(p[6], p[7])).isEqualTo(bends.get(0));
        assertThat(new Point2D(p[12], p[13])).isEqualTo(bends.get(1));
        assertThat(shape.distanceTo(120, 130, 6)).isLessThan(1e-9);
        assertThat(shape.distanceTo(60, 200, 100)).isGreaterThan(20);
        // Far outside the curve's bounds the answer is only "farther than the limit".
        assertThat(shape.distanceTo(1000, 200, 6)).isGreaterThan(6);
        assertThat(shape.bounds()[2]).isGreaterThanOrEqualTo(130);
        // The head points along the last leg, from the last bend into the target.
        double dx = shape.arrow()[0] - 130;
        double dy = shape.arrow()[1] - 260;
        double hx = shape.arrow()[0] - (shape.arrow()[2] + shape.arrow()[4]) / 2;
        double hy = shape.arrow()[1] - (shape.arrow()[3] + shape.arrow()[5]) / 2;
        assertThat(dx * hy - dy * hx).isCloseTo(0, within(1e-6));
    }

    @Test
    void aShortLegBetweenLongOnesIsNotOvershot() {
        // Two bends 40 apart, as when a route passes straight through a narrow gap, between long legs.
        EdgeGeometry.Box target = new EdgeGeometry.Box(400, 240, 80, 32, 8);
        double[] p = EdgeGeometry.route(SOURCE, target, List.of(new Point2D(200, 100), new Point2D(200, 140))).points();
        // The piece from the first bend to the second: start p[6..7], controls, end p[12..13].
        assertThat(new Point2D(p[6], p[7])).isEqualTo(new Point2D(200, 100));
        assertThat(new Point2D(p[12], p[13])).isEqualTo(new Point2D(200, 140));
        double widest = 0;
        for (int j = 0; j <= 100; j++) {
            double t = j / 100.0;
            double u = 1 - t;
            double x = u * u * u * p[6] + 3 * u * u * t * p[8] + 3 * u * t * t * p[10] + t * t * t * p[12];
            widest = Math.max(widest, Math.abs(x - 200));
        }
        // Centripetal knots keep it within 2.4 units of the gap's line; uniform ones swing out by 8.1.
        assertThat(widest).isLessThan(4);
    }

    @Test
    void overlappingBoxesStillGiveFiniteGeometry() {
        EdgeGeometry.Shape shape = EdgeGeometry.route(SOURCE, SOURCE, List.of());
        for (double v : shape.points()) {
            assertThat(Double.isFinite(v)).isTrue();
        }
        for (double v : shape.arrow()) {
            assertThat(Double.isFinite(v)).isTrue();
        }
    }
}
