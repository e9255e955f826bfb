package org.recausal.desktop.canvas;

import java.util.List;

import javafx.geometry.Point2D;

/**
 * Where an arrow between two rounded boxes runs, in canvas units: it leaves the source at its border,
 * passes through its bend points (the layout's or the router's) as a smooth curve (centripetal
 * Catmull-Rom, written as cubic Béziers), and its head's tip touches the target's border. Pure geometry,
 * no scene graph.
 */
final class EdgeGeometry {
    static final double ARROW_LENGTH = 10;
    static final double ARROW_HALF_WIDTH = 4.5;
    /** Space between the arrow tip and the target's border line, so the tip reads clearly. */
    static final double TIP_GAP = 1.5;
    /** Points sampled along each cubic segment (for hit tests and the router's checks). */
    static final int SAMPLES_PER_CURVE = 10;

    private EdgeGeometry() {
    }

    /** A variable's box: centre, size and corner radius. */
    record Box(double cx, double cy, double width, double height, double radius) {
        boolean contains(double x, double y) {
            return Math.abs(x - cx) <= width / 2 && Math.abs(y - cy) <= height / 2;
        }
    }

    /**
     * The drawn shape: a start point then cubic segments (control, control, end), or one straight
     * segment when {@code curved} is false; {@code arrow} is the head's triangle (tip first).
     *
     * @param points  x,y pairs: start, then end (straight) or 3 points per cubic segment (curved)
     * @param arrow   x,y pairs of the head: tip, one barb, the other barb
     * @param samples x,y pairs along the drawn line, for hit tests
     * @param bounds  minX, minY, maxX, maxY of the line and the head
     */
    record Shape(double[] points, boolean curved, double[] arrow, double[] samples, double[] bounds) {
        static Shape of(double[] points, boolean curved, double[] arrow, double[] samples) {
            double[] bounds = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
            for (double[] xy : List.of(samples, arrow)) {
                for (int i = 0; i + 1 < xy.length; i += 2) {
                    bounds[0] = Math.min(bounds[0], xy[i]);
                    bounds[1] = Math.min(bounds[1], xy[i + 1]);
                    bounds[2] = Math.max(bounds[2], xy[i]);
                    bounds[3] = Math.max(bounds[3], xy[i + 1]);
                }
            }
            return new Shape(points, curved, arrow, samples, bounds);
        }

        /** Distance from (x, y) to the drawn line; any value above {@code limit} when it is farther than that. */
        double distanceTo(double x, double y, double limit) {
            if (x < bounds[0] - limit || x > bounds[2] + limit || y < bounds[1] - limit || y > bounds[3] + limit) {
                return Double.POSITIVE_INFINITY;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i + 3 < samples.length; i += 2) {
                best = Math.min(best, segmentDistance(x, y, samples[i], samples[i + 1], samples[i + 2], samples[i + 3]));
            }
            return best;
        }
    }

    /** The edge from {@code source} to {@code target} through {@code bends} (may be empty). */
    static Shape route(Box source, Box target, List<Point2D> bends) {
        if (bends.isEmpty()) {
            return straight(source, target);
        }
        int n = bends.size() + 2;
        double[] xs = new double[n];
        double[] ys = new double[n];
        Point2D first = bends.getFirst();
        Point2D last = bends.getLast();
        Point2D start = borderPoint(source, first.getX(), first.getY(), 0);
        Point2D tip = borderPoint(target, last.getX(), last.getY(), TIP_GAP);
        xs[0] = start.getX();
        ys[0] = start.getY();
        for (int i = 0; i < bends.size(); i++) {
            xs[i + 1] = bends.get(i).getX();
            ys[i + 1] = bends.get(i).getY();
        }
        xs[n - 1] = tip.getX();
        ys[n - 1] = tip.getY();
        double[] direction = unit(tip.getX() - last.getX(), tip.getY() - last.getY());
        double[] points = new double[2 + 6 * (n - 1)];
        points[0] = xs[0];
        points[1] = ys[0];
        for (int i = 0; i < n - 1; i++) {
            int k = 2 + 6 * i;
            double[] out = tangent(xs, ys, i, i + 1);
            double[] in = tangent(xs, ys, i + 1, i);
            points[k] = xs[i] + out[0] / 3;
            points[k + 1] = ys[i] + out[1] / 3;
            points[k + 2] = xs[i + 1] - in[0] / 3;
            points[k + 3] = ys[i + 1] - in[1] / 3;
            points[k + 4] = xs[i + 1];
            points[k + 5] = ys[i + 1];
        }
        // The line stops inside the head so its stroke never shows past the tip.
        points[points.length - 2] = tip.getX() - direction[0] * ARROW_LENGTH * 0.8;
        points[points.length - 1] = tip.getY() - direction[1] * ARROW_LENGTH * 0.8;
        return Shape.of(points, true, arrow(tip, direction), sampleCurve(points));
    }

    /**
     * The curve's tangent at point {@code i} for the piece towards point {@code j} (i ± 1), scaled to that
     * piece: centripetal Catmull-Rom, whose knots are spaced by the square root of the distances between
     * points. Unlike the uniform kind it never loops or overshoots where a short leg meets a long one, as
     * when a route threads a narrow gap. At the route's ends the tangent points along the first or last leg.
     */
    private static double[] tangent(double[] xs, double[] ys, int i, int j) {
        int sign = j > i ? 1 : -1;
        int before = i - sign;
        double dj = Math.sqrt(Math.hypot(xs[j] - xs[i], ys[j] - ys[i]));
        double db = before < 0 || before >= xs.length ? 0
                : Math.sqrt(Math.hypot(xs[i] - xs[before], ys[i] - ys[before]));
        if (db < 1e-9 || dj < 1e-9) {
            // No point before this one (or two points on one spot): along the piece, half its length.
            return new double[] {(xs[j] - xs[i]) * sign / 2, (ys[j] - ys[i]) * sign / 2};
        }
        // Derivative at i of the curve through before, i, j (in travel order), times the piece's knot length.
        double tx = (xs[i] - xs[before]) / db - (xs[j] - xs[before]) / (db + dj) + (xs[j] - xs[i]) / dj;
        double ty = (ys[i] - ys[before]) / db - (ys[j] - ys[before]) / (db + dj) + (ys[j] - ys[i]) / dj;
        return new double[] {tx * dj * sign, ty * dj * sign};
    }

    private static Shape straight(Box source, Box target) {
        Point2D start = borderPoint(source, target.cx(), target.cy(), 0);
        Point2D tip = borderPoint(target, source.cx(), source.cy(), TIP_GAP);
        double[] direction = unit(tip.getX() - start.getX(), tip.getY() - start.getY());
        double[] points = {start.getX(), start.getY(),
            tip.getX() - direction[0] * ARROW_LENGTH * 0.8, tip.getY() - direction[1] * ARROW_LENGTH * 0.8};
        return Shape.of(points, false, arrow(tip, direction), new double[] {start.getX(), start.getY(),
            tip.getX(), tip.getY()});
    }

    private static double[] arrow(Point2D tip, double[] direction) {
        double baseX = tip.getX() - direction[0] * ARROW_LENGTH;
        double baseY = tip.getY() - direction[1] * ARROW_LENGTH;
        double normalX = -direction[1] * ARROW_HALF_WIDTH;
        double normalY = direction[0] * ARROW_HALF_WIDTH;
        return new double[] {tip.getX(), tip.getY(), baseX + normalX, baseY + normalY, baseX - normalX,
            baseY - normalY};
    }

    /**
     * Where the ray from the centre of {@code box} towards (towardsX, towardsY) leaves the box grown by
     * {@code gap} on every side, rounded corners included.
     */
    static Point2D borderPoint(Box box, double towardsX, double towardsY, double gap) {
        double[] d = unit(towardsX - box.cx(), towardsY - box.cy());
        double halfWidth = box.width() / 2 + gap;
        double halfHeight = box.height() / 2 + gap;
        double tx = d[0] == 0 ? Double.POSITIVE_INFINITY : halfWidth / Math.abs(d[0]);
        double ty = d[1] == 0 ? Double.POSITIVE_INFINITY : halfHeight / Math.abs(d[1]);
        double t = Math.min(tx, ty);
        double x = d[0] * t;
        double y = d[1] * t;
        double radius = Math.min(box.radius() + gap, Math.min(halfWidth, halfHeight));
        double cornerX = halfWidth - radius;
        double cornerY = halfHeight - radius;
        if (Math.abs(x) > cornerX && Math.abs(y) > cornerY) {
            // In a corner: leave through the corner's circle instead of the square corner.
            double ox = -Math.copySign(cornerX, x);
            double oy = -Math.copySign(cornerY, y);
            double along = ox * d[0] + oy * d[1];
            double root = Math.sqrt(Math.max(0, along * along - (ox * ox + oy * oy) + radius * radius));
            t = -along + root;
            x = d[0] * t;
            y = d[1] * t;
        }
        return new Point2D(box.cx() + x, box.cy() + y);
    }

    private static double[] unit(double dx, double dy) {
        double length = Math.hypot(dx, dy);
        if (length < 1e-9) {
            return new double[] {0, 1};
        }
        return new double[] {dx / length, dy / length};
    }

    private static double[] sampleCurve(double[] points) {
        int segments = (points.length - 2) / 6;
        double[] samples = new double[2 + segments * SAMPLES_PER_CURVE * 2];
        samples[0] = points[0];
        samples[1] = points[1];
        int s = 2;
        for (int i = 0; i < segments; i++) {
            int k = 6 * i;
            for (int j = 1; j <= SAMPLES_PER_CURVE; j++) {
                double t = (double) j / SAMPLES_PER_CURVE;
                double u = 1 - t;
                double a = u * u * u;
                double b = 3 * u * u * t;
                double c = 3 * u * t * t;
                double e = t * t * t;
                samples[s++] = a * points[k] + b * points[k + 2] + c * points[k + 4] + e * points[k + 6];
                samples[s++] = a * points[k + 1] + b * points[k + 3] + c * points[k + 5] + e * points[k + 7];
            }
        }
        return samples;
    }

    private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }
}
