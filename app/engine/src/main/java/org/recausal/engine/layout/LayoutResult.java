package org.recausal.engine.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recausal.engine.dag.CanvasPosition;

/**
 * A computed layout.
 *
 * @param positions  centre of every variable, in the graph's insertion order
 * @param routes     every edge with its bend points, in {@code Dag.edges()} order
 * @param layerCount number of layers of the tallest connected part
 * @param crossings  crossings of the edges drawn as straight lines between the centres
 */
public record LayoutResult(Map<String, CanvasPosition> positions, List<EdgeRoute> routes, int layerCount,
        int crossings) {
    public LayoutResult {
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
        routes = List.copyOf(routes);
    }
}
