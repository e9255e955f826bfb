package org.recausal.engine.io;

import java.util.Collection;

import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Variable;

/**
 * DAGitty positions are in abstract units with y growing downwards, like the canvas (DAGitty's TikZ
 * export negates y to get TikZ's upward axis). dagitty.net layouts span a few units, so one unit is
 * {@value #UNIT} canvas units; older files normalised to the unit square (extent up to
 * {@value #SMALL_EXTENT}) are stretched to {@value #TARGET_EXTENT} canvas units instead. Exports always
 * write a bounding box at least two units wide, so a written file reads back at the same scale.
 */
final class DagittyCoordinates {
    static final double UNIT = 100;
    private static final double SMALL_EXTENT = 1.5;
    private static final double TARGET_EXTENT = 600;
    private static final double MARGIN = 1;

    private DagittyCoordinates() {
    }

    /** Canvas units per DAGitty unit for a layout whose larger side spans {@code extent} DAGitty units. */
    static double importScale(double extent) {
        return extent > SMALL_EXTENT || extent <= 0 ? UNIT : TARGET_EXTENT / extent;
    }

    /** The larger side of the box around the given {x, y} points. */
    static double extent(Collection<double[]> points) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        return points.isEmpty() ? 0 : Math.max(maxX - minX, maxY - minY);
    }

    /** Whether the graph has been laid out at all (a never-placed graph has every variable at the origin). */
    static boolean isLaidOut(Dag dag) {
        return dag.variables().stream().anyMatch(v -> !v.position().equals(CanvasPosition.ORIGIN));
    }

    /** {@code bb="x0,y0,x1,y1"} in DAGitty units around the graph, with a margin. */
    static String boundingBox(Dag dag) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Variable v : dag.variables()) {
            minX = Math.min(minX, v.position().x() / UNIT);
            maxX = Math.max(maxX, v.position().x() / UNIT);
            minY = Math.min(minY, v.position().y() / UNIT);
            maxY = Math.max(maxY, v.position().y() / UNIT);
        }
        return Numbers.format(minX - MARGIN) + "," + Numbers.format(minY - MARGIN) + ","
                + Numbers.format(maxX + MARGIN) + "," + Numbers.format(maxY + MARGIN);
    }

    static String position(Variable v) {
        return Numbers.format(v.position().x() / UNIT) + "," + Numbers.format(v.position().y() / UNIT);
    }
}
