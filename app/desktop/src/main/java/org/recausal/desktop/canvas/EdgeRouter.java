package org.recausal.desktop.canvas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Point2D;

/**
 * Routes edges around the boxes of other variables, for positions the auto-layout did not compute (an
 * opened project, moved variables). An edge whose straight line passes within {@link #MARGIN} of
 * another box detours: it crosses the row of the first box in its way (the column, for a mostly
 * sideways edge) with a bend in the free gap nearest to where the line would have crossed, one whose
 * slanted legs fit the gap, else a passage straight through it; then it checks the new legs, and so on,
 * at most {@value #MAX_DETOURS} times. A box beside the edge's own source or target makes the edge leave
 * it straight out of its row first. When rows are packed too tightly, the edge tries columns instead.
 * The bends are drawn as the same smooth curve as the layout's routes; where that curve swings into a
 * box, the legs next to it get extra bends halfway along, which pull the curve onto its legs.
 *
 * <p>The boxes are bucketed in a uniform grid, so a check looks only at the boxes near a line. The
 * router is built for one arrangement of boxes and never changes: build a new one when boxes move.
 * Deterministic: the same boxes give the same routes, in whatever order they are given.
 */
final class EdgeRouter {
    /** Free space kept between a routed edge and every box but its own two. */
    static final double MARGIN = 8;
    /** Room a passage keeps from the boxes beside it when the gap allows: curves swing a little wide. */
    private static final double CLEARANCE = 8;
    /** How close a drawn curve may come to a box before its legs are tightened (half the stroke, rounded up). */
    private static final double CURVE_MARGIN = 1;
    private static final int MAX_DETOURS = 40;
    private static final int MAX_TIGHTENINGS = 6;
    /** Grid cells are at least this big, and there are at most {@value #MAX_CELLS} of them along an axis. */
    private static final double MIN_CELL = 128;
    private static final int MAX_CELLS = 256;
    /** Distances this small are rounding, not room. */
    private static final double ROUNDING = 0.01;
    private static final int X = 0;
    private static final int Y = 1;

    private final Map<String, Integer> ids;
    private final EdgeGeometry.Box[] boxes;
    /** Each box's extent along X and Y, without margin. */
    private final double[][] min = new double[2][];
    private final double[][] max = new double[2][];
    private final double[] origin = new double[2];
    private final double[] end = new double[2];
    private final double cell;
    private final int columns;
    private final int rows;
    /**
     * Boxes whose extent grown by {@link #MARGIN} meets each cell: cell k (row by row) holds
     * {@code cellBoxes[cellStart[k]]} up to {@code cellBoxes[cellStart[k + 1]]}, one flat array being
     * quicker to walk than an array per cell.
     */
    private final int[] cellStart;
    private final int[] cellBoxes;
    /** Marks boxes already looked at by the current query. */
    private final int[] seen;
    private int stamp;

    EdgeRouter(Map<String, EdgeGeometry.Box> boxesByName) {
        int n = boxesByName.size();
        ids = new HashMap<>(n * 2);
        boxes = new EdgeGeometry.Box[n];
        for (int axis = X; axis <= Y; axis++) {
            min[axis] = new double[n];
            max[axis] = new double[n];
            origin[axis] = Double.POSITIVE_INFINITY;
            end[axis] = Double.NEGATIVE_INFINITY;
        }
        int i = 0;
        for (Map.Entry<String, EdgeGeometry.Box> entry : boxesByName.entrySet()) {
            EdgeGeometry.Box box = entry.getValue();
            ids.put(entry.getKey(), i);
            boxes[i] = box;
            min[X][i] = box.cx() - box.width() / 2;
            max[X][i] = box.cx() + box.width() / 2;
            min[Y][i] = box.cy() - box.height() / 2;
            max[Y][i] = box.cy() + box.height() / 2;
            for (int axis = X; axis <= Y; axis++) {
                origin[axis] = Math.min(origin[axis], min[axis][i] - MARGIN);
                end[axis] = Math.max(end[axis], max[axis][i] + MARGIN);
            }
            i++;
        }
        if (n == 0) {
            origin[X] = origin[Y] = end[X] = end[Y] = 0;
        }
        cell = Math.max(MIN_CELL, Math.max(end[X] - origin[X], end[Y] - origin[Y]) / MAX_CELLS);
        columns = (int) ((end[X] - origin[X]) / cell) + 1;
        rows = (int) ((end[Y] - origin[Y]) / cell) + 1;
        cellStart = new int[columns * rows + 1];
        cellBoxes = fillCells(n);
        seen = new int[n];
    }

    /** Fills {@link #cellStart} and returns the boxes of each cell in turn: counts first, then the boxes. */
    private int[] fillCells(int n) {
        int[] filled = null;
        for (int pass = 0; pass < 2; pass++) {
            int[] next = pass == 0 ? cellStart : cellStart.clone();
            for (int i = 0; i < n; i++) {
                for (int r = index(Y, min[Y][i] - MARGIN); r <= index(Y, max[Y][i] + MARGIN); r++) {
                    for (int c = index(X, min[X][i] - MARGIN); c <= index(X, max[X][i] + MARGIN); c++) {
                        int k = r * columns + c;
                        if (pass == 0) {
                            cellStart[k + 1]++;
                        } else {
                            filled[next[k]++] = i;
                        }
                    }
                }
            }
            if (pass == 0) {
                for (int k = 0; k < columns * rows; k++) {
                    cellStart[k + 1] += cellStart[k];
                }
                filled = new int[cellStart[columns * rows]];
            }
        }
        return filled;
    }

    /**
     * The drawn shape of the edge {@code from -> to}: straight when that line keeps clear of every other
     * box, else curved through the bends of a detour.
     */
    EdgeGeometry.Shape route(String from, String to) {
        int source = id(from);
        int target = id(to);
        double dx = Math.abs(boxes[target].cx() - boxes[source].cx());
        double dy = Math.abs(boxes[target].cy() - boxes[source].cy());
        // Across rows unless the edge runs mostly sideways: in a layered drawing edges run down through rows.
        int along = 2 * dy >= dx ? Y : X;
        EdgeGeometry.Shape shape = draw(source, target, detour(source, target, along));
        if (clippedCurve(shape, source, target) < 0) {
            return shape;
        }
        // Rows packed too tightly for this edge: crossing columns instead may find the way.
        EdgeGeometry.Shape across = draw(source, target, detour(source, target, 1 - along));
        return clippedCurve(across, source, target) < 0 ? across : shape;
    }

    /** True when {@code shape}, drawn for {@code from -> to}, keeps off every other box. */
    boolean isClear(EdgeGeometry.Shape shape, String from, String to) {
        return clippedCurve(shape, id(from), id(to)) < 0;
    }

    private int id(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no box for the variable '" + name + "'");
        }
        return id;
    }

    // ---------------------------------------------------------------- detours

    /** What a point of a route is: its source or target, the exit from one of them, or a bend across a band. */
    private enum Kind { END, EXIT, BEND }

    /**
     * A point of a route in the edge's frame: {@code u} along its main axis, {@code v} across, and the
     * band [{@code from}, {@code to}] along u that it crosses. An end's band is its own box's row. An exit
     * leaves an end straight out of that row, where boxes beside the end leave no room for a slanted
     * line. A bend crosses a band of boxes either as one point in its middle or, where a slanted line
     * would not fit the gap, as a passage straight through it: a point on each of the band's edges.
     */
    private static final class Bend {
        final Kind kind;
        /** For an exit, the end it leaves: the source's or the target's box. */
        int box = -1;
        double u;
        /** Across, at u; for a passage, where it enters the band at {@code from}. */
        double v;
        /** For a passage, where it leaves the band at {@code to}. */
        double vAtTo;
        double from;
        double to;
        boolean passage;

        Bend(Kind kind, double u, double v, double from, double to) {
            this.kind = kind;
            this.u = u;
            this.v = v;
            this.from = from;
            this.to = to;
        }

        boolean overlaps(double low, double high) {
            return low < to && from < high;
        }

        /** Where the route meets this bend coming from (or going to) {@code other}: along, then across. */
        double uTowards(Bend other) {
            return !passage ? u : other.u < u ? from : to;
        }

        double vTowards(Bend other) {
            return !passage || other.u < u ? v : vAtTo;
        }
    }

    /** Centre of the source, the bends, centre of the target, as {x, y} pairs. */
    private List<double[]> detour(int source, int target, int along) {
        List<Bend> path = new ArrayList<>(List.of(end(source, along), end(target, along)));
        int leg = 0;
        int detours = 0;
        while (leg < path.size() - 1 && detours < MAX_DETOURS) {
            Bend a = path.get(leg);
            Bend b = path.get(leg + 1);
            int blocker = firstHit(point(a, b, along), point(b, a, along), source, target, MARGIN);
            if (blocker < 0) {
                leg++;
                continue;
            }
            detours++;
            double low = min[along][blocker] - MARGIN;
            double high = max[along][blocker] + MARGIN;
            if (a.overlaps(low, high)) {
                leg += rework(path, leg, +1, low, high, along, source, target);
            } else if (b.overlaps(low, high)) {
                rework(path, leg + 1, -1, low, high, along, source, target);
            } else {
                // A new bend across the blocker's band, cut to the leg.
                double first = a.uTowards(b);
                double last = b.uTowards(a);
                double from = Math.max(low, Math.min(first, last) + ROUNDING);
                double to = Math.min(high, Math.max(first, last) - ROUNDING);
                if (from >= to) {
                    leg++;
                    continue;
                }
                Bend bend = new Bend(Kind.BEND, (from + to) / 2, 0, from, to);
                place(bend, a, b, along, source, target);
                path.add(leg + 1, bend);
            }
        }
        List<double[]> points = new ArrayList<>(path.size() * 2);
        for (int k = 0; k < path.size(); k++) {
            Bend bend = path.get(k);
            points.add(point(bend, path.get(Math.max(k - 1, 0)), along));
            if (bend.passage) {
                points.add(point(bend, path.get(k + 1), along));
            }
        }
        return points;
    }

    /** A source or target: its centre, with its own box's row (grown by the margin) as its band. */
    private Bend end(int box, int along) {
        int across = 1 - along;
        double u = (min[along][box] + max[along][box]) / 2;
        return new Bend(Kind.END, u, (min[across][box] + max[across][box]) / 2, min[along][box] - MARGIN,
                max[along][box] + MARGIN);
    }

    /**
     * A blocker shares the band of the point at {@code index}; {@code towards} (+1 or -1) is the side of
     * the leg in question. An end gets an exit beyond the blocker's band; an exit moves beyond it; a bend
     * widens its band to cover it and finds a new spot. Returns how far the leg index moves back (0 or -1).
     */
    private int rework(List<Bend> path, int index, int towards, double low, double high, int along, int source,
            int target) {
        Bend point = path.get(index);
        switch (point.kind) {
            case END -> {
                Bend exit = new Bend(Kind.EXIT, 0, 0, Math.min(point.from, low), Math.max(point.to, high));
                exit.box = index == 0 ? source : target;
                moveExit(exit, point, path.get(index + towards), along);
                path.add(towards > 0 ? index + 1 : index, exit);
                return 0;
            }
            case EXIT -> {
                // An exit sits next to its end; it moves with respect to its neighbour on the other side.
                widen(point, low, high);
                boolean leavesSource = point.box == source;
                Bend end = path.get(leavesSource ? 0 : path.size() - 1);
                moveExit(point, end, path.get(leavesSource ? index + 1 : index - 1), along);
                return towards > 0 ? -1 : 0;
            }
            default -> {
                widen(point, low, high);
                place(point, path.get(index - 1), path.get(index + 1), along, source, target);
                return towards > 0 ? -1 : 0;
            }
        }
    }

    /**
     * Puts an exit on the edge of its band towards {@code other}, straight out of the end's box: across,
     * where the line to {@code other} would be, kept within the box's flat side.
     */
    private void moveExit(Bend exit, Bend end, Bend other, int along) {
        int across = 1 - along;
        int box = exit.box;
        exit.u = other.u > end.u ? exit.to : exit.from;
        double otherU = other.uTowards(exit);
        double wanted = end.v + (exit.u - end.u) / (otherU - end.u) * (other.vTowards(exit) - end.v);
        double side = Math.min(boxes[box].radius(), half(box, across));
        exit.v = clamp(wanted, min[across][box] + side, max[across][box] - side);
    }

    private static void widen(Bend bend, double low, double high) {
        bend.from = Math.min(bend.from, low);
        bend.to = Math.max(bend.to, high);
    }

    /** Where the route meets {@code bend} on the side of {@code other}, as {x, y}. */
    private static double[] point(Bend bend, Bend other, int along) {
        double u = bend.uTowards(other);
        double v = bend.vTowards(other);
        return along == Y ? new double[] {v, u} : new double[] {u, v};
    }

    private double half(int box, int axis) {
        return (max[axis][box] - min[axis][box]) / 2;
    }

    /**
     * Puts {@code bend} across its band where the line between its neighbours would cross it, or as near
     * to that as a free gap allows. A single point in the band's middle needs a gap that holds the
     * slanted legs to both neighbours over the band's width; where none does, the nearest free spot
     * becomes a passage straight through the band. A gap wide enough keeps {@link #CLEARANCE} besides
     * the margin, for the curve's swing.
     */
    private void place(Bend bend, Bend previous, Bend next, int along, int source, int target) {
        int across = 1 - along;
        double fromU = previous.uTowards(bend);
        double toU = next.uTowards(bend);
        double fromV = previous.vTowards(bend);
        double toV = next.vTowards(bend);
        double wanted = fromV + (bend.u - fromU) / (toU - fromU) * (toV - fromV);
        double reach = 2 * cell;
        while (true) {
            double low = wanted - reach;
            double high = wanted + reach;
            boolean everything = low < origin[across] && high > end[across];
            double[] blocked = blockedIntervals(along, bend.from, bend.to, low, high, source, target);
            double slanted = Double.NaN;
            double straight = Double.NaN;
            double[] straightGap = new double[2];
            double gapStart = Double.NEGATIVE_INFINITY;
            for (int k = 0; k <= blocked.length; k += 2) {
                double gapEnd = k < blocked.length ? blocked[k] : Double.POSITIVE_INFINITY;
                if (gapEnd > gapStart && gapEnd > low && gapStart < high) {
                    double keep = Math.min(CLEARANCE, (gapEnd - gapStart) / 2);
                    double lowest = Math.max(gapStart + keep, low);
                    double highest = Math.min(gapEnd - keep, high);
                    double spot = clamp(wanted, lowest, highest);
                    if (nearer(wanted, straight, spot) == spot) {
                        straight = spot;
                        straightGap[0] = lowest;
                        straightGap[1] = highest;
                    }
                    double[] fit = {lowest, highest};
                    limit(fit, fromU, fromV, bend, gapStart, gapEnd);
                    limit(fit, toU, toV, bend, gapStart, gapEnd);
                    if (fit[0] <= fit[1]) {
                        slanted = nearer(wanted, slanted, clamp(wanted, fit[0], fit[1]));
                    }
                }
                if (k < blocked.length) {
                    gapStart = Math.max(gapStart, blocked[k + 1]);
                }
            }
            // A spot near the window's edge may have a box just beyond it: look wider unless the window holds all.
            double trusted = everything ? Double.POSITIVE_INFINITY : reach - CLEARANCE;
            if (!Double.isNaN(slanted) && Math.abs(slanted - wanted) <= Math.abs(straight - wanted) + cell
                    && Math.abs(slanted - wanted) < trusted) {
                bend.v = slanted;
                bend.passage = false;
                return;
            }
            if (!Double.isNaN(straight) && Math.abs(straight - wanted) < trusted) {
                // Through the gap as near the neighbours' line as it allows, at each edge of the band: any
                // line between two spots of the gap stays in it.
                bend.passage = true;
                bend.v = clamp(fromV + (bend.from - fromU) / (toU - fromU) * (toV - fromV), straightGap[0],
                        straightGap[1]);
                bend.vAtTo = clamp(fromV + (bend.to - fromU) / (toU - fromU) * (toV - fromV), straightGap[0],
                        straightGap[1]);
                return;
            }
            reach *= 4;
        }
    }

    /**
     * Narrows {@code fit} (spots for a single-point bend) to those where the straight leg to the
     * neighbour at ({@code neighbourU}, {@code neighbourV}) crosses the edge of the bend's band inside the
     * gap [{@code gapStart}, {@code gapEnd}].
     */
    private static void limit(double[] fit, double neighbourU, double neighbourV, Bend bend, double gapStart,
            double gapEnd) {
        double edge = neighbourU < bend.u ? bend.from : bend.to;
        double k = (edge - bend.u) / (neighbourU - bend.u);
        if (k >= 1) {
            // The neighbour is inside the band: the whole leg is, so the neighbour must be in the gap too.
            if (neighbourV <= gapStart || neighbourV >= gapEnd) {
                fit[0] = Double.POSITIVE_INFINITY;
            }
            return;
        }
        // The leg crosses the band's edge at v + (neighbourV - v) * k, which must lie in the gap (not on
        // its border, where rounding would decide).
        fit[0] = Math.max(fit[0], (gapStart + ROUNDING - neighbourV * k) / (1 - k));
        fit[1] = Math.min(fit[1], (gapEnd - ROUNDING - neighbourV * k) / (1 - k));
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    /** Whichever of {@code best} (NaN for none yet) and {@code candidate} is nearer to {@code wanted}. */
    private static double nearer(double wanted, double best, double candidate) {
        return Double.isNaN(best) || Math.abs(candidate - wanted) < Math.abs(best - wanted) ? candidate : best;
    }

    /** Sorted, merged intervals across the band that boxes (grown by the margin) block, as start, end pairs. */
    private double[] blockedIntervals(int along, double bandFrom, double bandTo, double low, double high, int source,
            int target) {
        int across = 1 - along;
        double[] found = new double[16];
        int count = 0;
        stamp++;
        int c0 = index(X, along == X ? bandFrom : low);
        int c1 = index(X, along == X ? bandTo : high);
        int r0 = index(Y, along == Y ? bandFrom : low);
        int r1 = index(Y, along == Y ? bandTo : high);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                for (int k = cellStart[r * columns + c], stop = cellStart[r * columns + c + 1]; k < stop; k++) {
                    int box = cellBoxes[k];
                    if (seen[box] == stamp || box == source || box == target) {
                        continue;
                    }
                    seen[box] = stamp;
                    if (max[along][box] + MARGIN > bandFrom && min[along][box] - MARGIN < bandTo
                            && max[across][box] + MARGIN > low && min[across][box] - MARGIN < high) {
                        if (count == found.length) {
                            found = Arrays.copyOf(found, count * 2);
                        }
                        found[count++] = min[across][box] - MARGIN;
                        found[count++] = max[across][box] + MARGIN;
                    }
                }
            }
        }
        return merge(found, count);
    }

    /** Sorts start, end pairs by start and joins the overlapping ones. */
    private static double[] merge(double[] pairs, int count) {
        int n = count / 2;
        // Insertion sort: a band rarely holds more than a few boxes near the line.
        for (int i = 1; i < n; i++) {
            double start = pairs[2 * i];
            double stop = pairs[2 * i + 1];
            int j = i - 1;
            while (j >= 0 && pairs[2 * j] > start) {
                pairs[2 * j + 2] = pairs[2 * j];
                pairs[2 * j + 3] = pairs[2 * j + 1];
                j--;
            }
            pairs[2 * j + 2] = start;
            pairs[2 * j + 3] = stop;
        }
        int merged = 0;
        for (int i = 0; i < n; i++) {
            if (merged > 0 && pairs[2 * i] <= pairs[merged - 1]) {
                pairs[merged - 1] = Math.max(pairs[merged - 1], pairs[2 * i + 1]);
            } else {
                pairs[merged++] = pairs[2 * i];
                pairs[merged++] = pairs[2 * i + 1];
            }
        }
        return Arrays.copyOf(pairs, merged);
    }

    // ---------------------------------------------------------------- curves

    /** Draws the path; where the curve swings into a box, adds bends halfway along the legs that shape it. */
    private EdgeGeometry.Shape draw(int source, int target, List<double[]> path) {
        if (path.size() == 2) {
            return EdgeGeometry.route(boxes[source], boxes[target], List.of());
        }
        EdgeGeometry.Shape shape = EdgeGeometry.route(boxes[source], boxes[target], bends(path));
        for (int round = 0; round < MAX_TIGHTENINGS; round++) {
            int clipped = clippedCurve(shape, source, target);
            if (clipped < 0) {
                break;
            }
            // Curve piece k runs from path point k to k + 1; its bulge comes from the legs on either side too.
            for (int leg = Math.min(clipped + 1, path.size() - 2); leg >= Math.max(clipped - 1, 0); leg--) {
                double[] a = path.get(leg);
                double[] b = path.get(leg + 1);
                double[] middle = {(a[X] + b[X]) / 2, (a[Y] + b[Y]) / 2};
                if (!boxes[source].contains(middle[X], middle[Y]) && !boxes[target].contains(middle[X], middle[Y])) {
                    path.add(leg + 1, middle);
                }
            }
            shape = EdgeGeometry.route(boxes[source], boxes[target], bends(path));
        }
        return shape;
    }

    private static List<Point2D> bends(List<double[]> path) {
        List<Point2D> bends = new ArrayList<>(path.size() - 2);
        for (int k = 1; k < path.size() - 1; k++) {
            bends.add(new Point2D(path.get(k)[X], path.get(k)[Y]));
        }
        return bends;
    }

    /** The first curve piece (between two path points) whose drawn line meets another box, or -1. */
    private int clippedCurve(EdgeGeometry.Shape shape, int source, int target) {
        double[] s = shape.samples();
        int perPiece = shape.curved() ? EdgeGeometry.SAMPLES_PER_CURVE : 1;
        double[] a = new double[2];
        double[] b = new double[2];
        // One look at the grid per piece, for the box around its samples; then each chord against those boxes.
        for (int first = 0; first + 3 < s.length; first += 2 * perPiece) {
            int last = Math.min(first + 2 * perPiece, s.length - 2);
            double lowX = Double.POSITIVE_INFINITY;
            double lowY = Double.POSITIVE_INFINITY;
            double highX = Double.NEGATIVE_INFINITY;
            double highY = Double.NEGATIVE_INFINITY;
            for (int i = first; i <= last; i += 2) {
                lowX = Math.min(lowX, s[i]);
                highX = Math.max(highX, s[i]);
                lowY = Math.min(lowY, s[i + 1]);
                highY = Math.max(highY, s[i + 1]);
            }
            stamp++;
            for (int r = index(Y, lowY - CURVE_MARGIN); r <= index(Y, highY + CURVE_MARGIN); r++) {
                for (int c = index(X, lowX - CURVE_MARGIN); c <= index(X, highX + CURVE_MARGIN); c++) {
                    for (int k = cellStart[r * columns + c], stop = cellStart[r * columns + c + 1]; k < stop; k++) {
                        int box = cellBoxes[k];
                        if (seen[box] == stamp || box == source || box == target) {
                            continue;
                        }
                        seen[box] = stamp;
                        if (max[X][box] + CURVE_MARGIN <= lowX || min[X][box] - CURVE_MARGIN >= highX
                                || max[Y][box] + CURVE_MARGIN <= lowY || min[Y][box] - CURVE_MARGIN >= highY) {
                            continue;
                        }
                        for (int i = first; i < last; i += 2) {
                            a[X] = s[i];
                            a[Y] = s[i + 1];
                            b[X] = s[i + 2];
                            b[Y] = s[i + 3];
                            if (entry(box, a, b, CURVE_MARGIN) >= 0) {
                                return first / 2 / perPiece;
                            }
                        }
                    }
                }
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- the grid

    /**
     * The box, other than {@code source} and {@code target}, that the segment a-b enters first when boxes
     * are grown by {@code margin} (at most {@link #MARGIN}); -1 when it meets none. Touching is not entering.
     */
    private int firstHit(double[] a, double[] b, int source, int target, double margin) {
        stamp++;
        int best = -1;
        double bestT = Double.POSITIVE_INFINITY;
        double x0 = Math.min(a[X], b[X]);
        double x1 = Math.max(a[X], b[X]);
        double y0 = Math.min(a[Y], b[Y]);
        double y1 = Math.max(a[Y], b[Y]);
        double slope = b[X] == a[X] ? 0 : (b[Y] - a[Y]) / (b[X] - a[X]);
        for (int c = index(X, x0); c <= index(X, x1); c++) {
            // The part of the segment over this column, and the rows it passes there.
            double left = Math.max(x0, origin[X] + c * cell);
            double right = Math.min(x1, origin[X] + (c + 1) * cell);
            double ya = b[X] == a[X] ? a[Y] : a[Y] + (left - a[X]) * slope;
            double yb = b[X] == a[X] ? b[Y] : a[Y] + (right - a[X]) * slope;
            int r0 = index(Y, Math.min(ya, yb) - 1e-6);
            int r1 = index(Y, Math.max(ya, yb) + 1e-6);
            for (int r = r0; r <= r1; r++) {
                for (int k = cellStart[r * columns + c], stop = cellStart[r * columns + c + 1]; k < stop; k++) {
                    int box = cellBoxes[k];
                    if (seen[box] == stamp || box == source || box == target) {
                        continue;
                    }
                    seen[box] = stamp;
                    if (max[X][box] + margin <= x0 || min[X][box] - margin >= x1
                            || max[Y][box] + margin <= y0 || min[Y][box] - margin >= y1) {
                        continue;
                    }
                    double t = entry(box, a, b, margin);
                    if (t >= 0 && (t < bestT || t == bestT && before(box, best))) {
                        best = box;
                        bestT = t;
                    }
                }
            }
        }
        return best;
    }

    /** Where (0..1) segment a-b enters the open box grown by {@code margin}, or -1 when it does not. */
    private double entry(int box, double[] a, double[] b, double margin) {
        double enter = 0;
        double exit = 1;
        for (int axis = X; axis <= Y; axis++) {
            double low = min[axis][box] - margin;
            double high = max[axis][box] + margin;
            double d = b[axis] - a[axis];
            if (Math.abs(d) < 1e-12) {
                if (a[axis] <= low || a[axis] >= high) {
                    return -1;
                }
            } else {
                double t0 = (low - a[axis]) / d;
                double t1 = (high - a[axis]) / d;
                enter = Math.max(enter, Math.min(t0, t1));
                exit = Math.min(exit, Math.max(t0, t1));
                if (enter >= exit) {
                    return -1;
                }
            }
        }
        return enter;
    }

    /** Tie-break between boxes met at the same point, by position, so the order boxes came in never matters. */
    private boolean before(int box, int other) {
        return other < 0 || min[X][box] < min[X][other] || min[X][box] == min[X][other] && min[Y][box] < min[Y][other];
    }

    /** The grid column (axis X) or row (axis Y) holding {@code value}, clamped to the grid. */
    private int index(int axis, double value) {
        int last = axis == X ? columns - 1 : rows - 1;
        double cellIndex = Math.floor((value - origin[axis]) / cell);
        return (int) Math.max(0, Math.min(last, cellIndex));
    }
}
