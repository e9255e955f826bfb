package org.recausal.engine.layout;

import java.util.List;
import java.util.Map;

import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagException;

/** Counts crossings of a graph's edges drawn as straight lines between variable centres. */
public final class EdgeCrossings {
    private EdgeCrossings() {
    }

    /**
     * Pairs of edges whose straight segments cross at a point inside both. Edges that share a variable
     * meet there and do not count; segments that only touch or overlap along a line do not count either.
     */
    public static int count(Dag dag, Map<String, CanvasPosition> positions) {
        return count(dag.edges().stream().map(e -> new EdgeRoute(e.from(), e.to(), List.of())).toList(), positions);
    }

    /** The same count for the edges of {@code routes} (their bends are ignored: edges are straight here). */
    static int count(List<EdgeRoute> edges, Map<String, CanvasPosition> positions) {
        int m = edges.size();
        double[] x1 = new double[m];
        double[] y1 = new double[m];
        double[] x2 = new double[m];
        double[] y2 = new double[m];
        for (int i = 0; i < m; i++) {
            CanvasPosition a = position(positions, edges.get(i).from());
            CanvasPosition b = position(positions, edges.get(i).to());
            x1[i] = a.x();
            y1[i] = a.y();
            x2[i] = b.x();
            y2[i] = b.y();
        }
        int crossings = 0;
        for (int i = 0; i < m; i++) {
            EdgeRoute e = edges.get(i);
            for (int j = i + 1; j < m; j++) {
                EdgeRoute f = edges.get(j);
                if (e.from().equals(f.from()) || e.from().equals(f.to())
                        || e.to().equals(f.from()) || e.to().equals(f.to())) {
                    continue;
                }
                if (Math.max(x1[i], x2[i]) < Math.min(x1[j], x2[j]) || Math.max(x1[j], x2[j]) < Math.min(x1[i], x2[i])
                        || Math.max(y1[i], y2[i]) < Math.min(y1[j], y2[j])
                        || Math.max(y1[j], y2[j]) < Math.min(y1[i], y2[i])) {
                    continue;
                }
                double d1 = side(x1[i], y1[i], x2[i], y2[i], x1[j], y1[j]);
                double d2 = side(x1[i], y1[i], x2[i], y2[i], x2[j], y2[j]);
                double d3 = side(x1[j], y1[j], x2[j], y2[j], x1[i], y1[i]);
                double d4 = side(x1[j], y1[j], x2[j], y2[j], x2[i], y2[i]);
                if (d1 * d2 < 0 && d3 * d4 < 0) {
                    crossings++;
                }
            }
        }
        return crossings;
    }

    private static CanvasPosition position(Map<String, CanvasPosition> positions, String name) {
        CanvasPosition position = positions.get(name);
        if (position == null) {
            throw new DagException("No position was given for the variable '" + name + "'.");
        }
        return position;
    }

    /** Which side of the line a -> b the point p lies on: the sign of the cross product. */
    private static double side(double ax, double ay, double bx, double by, double px, double py) {
        return Math.signum((bx - ax) * (py - ay) - (by - ay) * (px - ax));
    }
}
