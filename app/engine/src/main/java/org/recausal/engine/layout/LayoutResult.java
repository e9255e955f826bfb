package org.recausal.engine.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.recausal.engine.dag.CanvasPosition;

/**
 * A computed layout: where every variable goes and how every edge runs. Two results are equal when
 * their positions, routes and layer counts are.
 *
 * <p>The crossing count is a quality figure, not part of the layout: counting compares every pair of
 * edges (a few million pairs for 2,000 edges), so it is computed on the first call to {@link #crossings()}
 * and kept, never by the layout itself.
 */
public final class LayoutResult {
    private final Map<String, CanvasPosition> positions;
    private final List<EdgeRoute> routes;
    private final int layerCount;
    /** -1 until {@link #crossings()} first counts them. */
    private volatile int crossings = -1;

    /**
     * @param positions  centre of every variable, in the graph's insertion order
     * @param routes     every edge with its bend points, in {@code Dag.edges()} order
     * @param layerCount number of layers of the tallest connected part
     */
    public LayoutResult(Map<String, CanvasPosition> positions, List<EdgeRoute> routes, int layerCount) {
        this.positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
        this.routes = List.copyOf(routes);
        this.layerCount = layerCount;
    }

    public Map<String, CanvasPosition> positions() {
        return positions;
    }

    public List<EdgeRoute> routes() {
        return routes;
    }

    public int layerCount() {
        return layerCount;
    }

    /** Crossings of the edges drawn as straight lines between the centres, counted on first use. */
    public int crossings() {
        int counted = crossings;
        if (counted < 0) {
            counted = EdgeCrossings.count(routes, positions);
            crossings = counted;
        }
        return counted;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LayoutResult that && layerCount == that.layerCount
                && positions.equals(that.positions) && routes.equals(that.routes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(positions, routes, layerCount);
    }

    @Override
    public String toString() {
        return "LayoutResult[" + positions.size() + " variables, " + routes.size() + " edges, " + layerCount
                + " layers]";
    }
}
