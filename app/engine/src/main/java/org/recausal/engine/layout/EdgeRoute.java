package org.recausal.engine.layout;

import java.util.List;

import org.recausal.engine.dag.CanvasPosition;

/**
 * How the layout routes {@code from -> to}: through {@code bends}, one per layer the edge passes,
 * top to bottom. Empty for an edge between neighbouring layers.
 */
public record EdgeRoute(String from, String to, List<CanvasPosition> bends) {
    public EdgeRoute {
        bends = List.copyOf(bends);
    }
}
