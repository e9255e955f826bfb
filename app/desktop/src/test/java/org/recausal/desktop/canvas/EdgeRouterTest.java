package org.recausal.desktop.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javafx.geometry.Point2D;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The router against brute force: drawn curves are sampled every unit or so and every sample is checked
 * against every box, with no grid involved.
 */
class EdgeRouterTest {
    private static final double HEIGHT = VariableView.HEIGHT;

    @Test
    void anEdgeWithNothingInTheWayIsStraight() {
        Map<String, EdgeGeometry.Box> boxes = new LinkedHashMap<>();
        boxes.put("a", box(0, 0, 80));
        boxes.put("b", box(0, 200, 80));
        boxes.put("aside", box(140, 100, 80));
        EdgeGeometry.Shape shape = new EdgeRouter(boxes).route("a", "b");
        assertThat(shape.curved()).isFalse();
        assertThat(shape.points())
                .containsExactly(EdgeGeometry.route(boxes.get("a"), boxes.get("b"), List.of()).points());
    }

    @Test
    void anEdgeGoesAroundABoxInItsWayAndBackToItsTarget() {
        Map<String, EdgeGeometry.Box> boxes = new LinkedHashMap<>();
        boxes.put("a", box(0, 0, 80));
        boxes.put("middle", box(0, 120, 120));
        boxes.put("b", box(0, 240, 80));
        EdgeGeometry.Shape shape = new EdgeRouter(boxes).route("a", "b");
        assertThat(shape.curved()).isTrue();
        assertThat(crossings(shape, boxes, "a", "b")).isEmpty();
        // It passes beside the middle box, keeping at least the margin, and still ends on b's top border.
        double passX = xAt(shape, 120);
        assertThat(Math.abs(passX)).isGreaterThanOrEqualTo(60 + EdgeRouter.MARGIN);
        assertThat(shape.arrow()[1]).isLessThan(240 - HEIGHT / 2).isGreaterThan(240 - HEIGHT / 2 - 3);
    }

    @Test
    void aSidewaysEdgePassesAboveOrBelowTheBoxesBetween() {
        Map<String, EdgeGeometry.Box> boxes = new LinkedHashMap<>();
        boxes.put("left", box(0, 0, 80));
        boxes.put("one", box(140, 0, 80));
        boxes.put("two", box(260, 0, 80));
        boxes.put("right", box(400, 0, 80));
        EdgeGeometry.Shape shape = new EdgeRouter(boxes).route("left", "right");
        assertThat(shape.curved()).isTrue();
        assertThat(crossings(shape, boxes, "left", "right")).isEmpty();
    }

    @ParameterizedTest(name = "layered rows, seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void noRouteCrossesABoxInLayeredRows(long seed) {
        Random random = new Random(seed);
        Map<String, EdgeGeometry.Box> boxes = new LinkedHashMap<>();
        for (int row = 0; row < 8; row++) {
            double x = random.nextDouble(200);
            for (int column = 0; column < 8; column++) {
                double width = 64 + random.nextInt(80);
                x += width / 2;
                boxes.put("r" + row + "c" + column, box(x, row * 110 + random.nextDouble(12), width));
                x += width / 2 + 24 + random.nextDouble(70);
            }
        }
        checkEveryEdge(boxes, random);
    }

    @ParameterizedTest(name = "scattered boxes, seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void noRouteCrossesABoxAmongScatteredBoxes(long seed) {
        Random random = new Random(seed);
        Map<String, EdgeGeometry.Box> boxes = new LinkedHashMap<>();
        double gap = 2 * EdgeRouter.MARGIN + 8;
        while (boxes.size() < 50) {
            EdgeGeometry.Box candidate = box(random.nextDouble(1200), random.nextDouble(900), 64 + random.nextInt(80));
            if (boxes.values().stream().noneMatch(other -> Math.abs(other.cx() - candidate.cx())
                    < (other.width() + candidate.width()) / 2 + gap
                    && Math.abs(other.cy() - candidate.cy()) < HEIGHT + gap)) {
                boxes.put("v" + boxes.size(), candidate);
            }
        }
        checkEveryEdge(boxes, random);
    }

    @Test
    void theSameBoxesGiveTheSameRoutesWhateverTheirOrder() {
        Random random = new Random(11);
        Map<String, EdgeGeometry.Box> boxes = new LinkedHashMap<>();
        for (int i = 0; i < 80; i++) {
            boxes.put("v" + i, box(i % 10 * 150 + random.nextDouble(40), i / 10 * 100 + random.nextDouble(20), 70));
        }
        List<String> names = new ArrayList<>(boxes.keySet());
        Collections.shuffle(names, random);
        Map<String, EdgeGeometry.Box> shuffled = new LinkedHashMap<>();
        names.forEach(name -> shuffled.put(name, boxes.get(name)));
        EdgeRouter first = new EdgeRouter(boxes);
        EdgeRouter second = new EdgeRouter(shuffled);
        int curved = 0;
        for (int i = 0; i < 200; i++) {
            String from = "v" + random.nextInt(80);
            String to = "v" + random.nextInt(80);
            if (from.equals(to)) {
                continue;
            }
            EdgeGeometry.Shape shape = first.route(from, to);
            assertThat(second.route(from, to).points()).containsExactly(shape.points());
            assertThat(first.route(from, to).points()).containsExactly(shape.points());
            curved += shape.curved() ? 1 : 0;
        }
        assertThat(curved).as("routes that detour").isGreaterThan(20);
    }

    @Test
    void theLayoutsRoutesAreCheckedAgainstTheBoxes() {
        Map<String, EdgeGeometry.Box> boxes = new LinkedHashMap<>();
        boxes.put("a", box(0, 0, 80));
        boxes.put("middle", box(0, 120, 120));
        boxes.put("b", box(0, 240, 80));
        EdgeRouter router = new EdgeRouter(boxes);
        EdgeGeometry.Box a = boxes.get("a");
        EdgeGeometry.Box b = boxes.get("b");
        assertThat(router.isClear(EdgeGeometry.route(a, b, List.of(new Point2D(100, 120))), "a", "b"))
                .isTrue();
        assertThat(router.isClear(EdgeGeometry.route(a, b, List.of(new Point2D(30, 120))), "a", "b"))
                .isFalse();
    }

    // ---------------------------------------------------------------- brute force

    /** Routes random edges and checks each against every box, and that clear lines stay straight. */
    private static void checkEveryEdge(Map<String, EdgeGeometry.Box> boxes, Random random) {
        EdgeRouter router = new EdgeRouter(boxes);
        List<String> names = new ArrayList<>(boxes.keySet());
        int detoured = 0;
        for (int i = 0; i < 150; i++) {
            String from = names.get(random.nextInt(names.size()));
            String to = names.get(random.nextInt(names.size()));
            if (from.equals(to)) {
                continue;
            }
            EdgeGeometry.Shape shape = router.route(from, to);
            assertThat(crossings(shape, boxes, from, to)).as("%s -> %s", from, to).isEmpty();
            double clearance = straightClearance(boxes, from, to);
            if (clearance > EdgeRouter.MARGIN + 0.5) {
                assertThat(shape.curved()).as("%s -> %s has a clear straight line", from, to).isFalse();
            } else if (clearance < EdgeRouter.MARGIN - 0.5) {
                assertThat(shape.curved()).as("%s -> %s is blocked", from, to).isTrue();
                detoured++;
            }
        }
        assertThat(detoured).as("edges that had to detour").isGreaterThan(10);
    }

    /** Names of the boxes (other than the edge's own) that the drawn line enters, sampled at most 0.5 apart. */
    private static List<String> crossings(EdgeGeometry.Shape shape, Map<String, EdgeGeometry.Box> boxes, String from,
            String to) {
        List<String> crossed = new ArrayList<>();
        for (double[] point : densePoints(shape)) {
            boxes.forEach((name, box) -> {
                if (!name.equals(from) && !name.equals(to) && !crossed.contains(name)
                        && Math.abs(point[0] - box.cx()) < box.width() / 2
                        && Math.abs(point[1] - box.cy()) < box.height() / 2) {
                    crossed.add(name);
                }
            });
        }
        return crossed;
    }

    /**
     * How far the box of every other variable would have to grow on each side before the straight line
     * between the two centres entered it (0 when it enters one already).
     */
    private static double straightClearance(Map<String, EdgeGeometry.Box> boxes, String from, String to) {
        EdgeGeometry.Box a = boxes.get(from);
        EdgeGeometry.Box b = boxes.get(to);
        double length = Math.hypot(b.cx() - a.cx(), b.cy() - a.cy());
        int steps = (int) Math.ceil(length * 2);
        double least = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= steps; k++) {
            double x = a.cx() + (b.cx() - a.cx()) * k / steps;
            double y = a.cy() + (b.cy() - a.cy()) * k / steps;
            for (Map.Entry<String, EdgeGeometry.Box> entry : boxes.entrySet()) {
                if (entry.getKey().equals(from) || entry.getKey().equals(to)) {
                    continue;
                }
                EdgeGeometry.Box box = entry.getValue();
                double dx = Math.max(0, Math.abs(x - box.cx()) - box.width() / 2);
                double dy = Math.max(0, Math.abs(y - box.cy()) - box.height() / 2);
                least = Math.min(least, Math.max(dx, dy));
            }
        }
        return least;
    }

    /** Points along the drawn line, straight or cubic, at most half a unit apart. */
    private static List<double[]> densePoints(EdgeGeometry.Shape shape) {
        double[] p = shape.points();
        List<double[]> points = new ArrayList<>();
        if (!shape.curved()) {
            int steps = (int) Math.ceil(2 * Math.hypot(p[2] - p[0], p[3] - p[1])) + 1;
            for (int k = 0; k <= steps; k++) {
                points.add(new double[] {p[0] + (p[2] - p[0]) * k / steps, p[1] + (p[3] - p[1]) * k / steps});
            }
            return points;
        }
        for (int k = 0; k + 7 < p.length; k += 6) {
            // A cubic stays inside the hull of its control points: their path length bounds the curve's.
            double hull = Math.hypot(p[k + 2] - p[k], p[k + 3] - p[k + 1]) + Math.hypot(p[k + 4] - p[k + 2],
                    p[k + 5] - p[k + 3]) + Math.hypot(p[k + 6] - p[k + 4], p[k + 7] - p[k + 5]);
            int steps = (int) Math.ceil(2 * hull) + 1;
            for (int j = 0; j <= steps; j++) {
                double t = (double) j / steps;
                double u = 1 - t;
                points.add(new double[] {
                    u * u * u * p[k] + 3 * u * u * t * p[k + 2] + 3 * u * t * t * p[k + 4] + t * t * t * p[k + 6],
                    u * u * u * p[k + 1] + 3 * u * u * t * p[k + 3] + 3 * u * t * t * p[k + 5] + t * t * t * p[k + 7]});
            }
        }
        return points;
    }

    /** Where the drawn curve crosses the height {@code y} (first crossing). */
    private static double xAt(EdgeGeometry.Shape shape, double y) {
        List<double[]> points = densePoints(shape);
        for (int k = 1; k < points.size(); k++) {
            double[] a = points.get(k - 1);
            double[] b = points.get(k);
            if ((a[1] - y) * (b[1] - y) <= 0 && a[1] != b[1]) {
                return a[0] + (y - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
            }
        }
        throw new AssertionError("the line never reaches y = " + y);
    }

    private static EdgeGeometry.Box box(double cx, double cy, double width) {
        return new EdgeGeometry.Box(cx, cy, width, HEIGHT, VariableView.RADIUS);
    }
}
