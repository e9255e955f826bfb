package org.recausal.desktop.canvas;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.recausal.engine.dag.CausalEdge;

/**
 * Extra colouring that a panel puts on the canvas without touching it: a style class per edge and
 * per variable (classes are defined in {@code canvas.css}, e.g. {@code path-open}, {@code node-adjusted}),
 * and the legend entries that explain them. Entries naming a class used on edges are drawn as a line
 * sample, the others as a small box.
 *
 * @param edgeStyles style class per edge
 * @param nodeStyles style class per variable name
 * @param legend     what the classes mean, shown under the role colours
 */
public record CanvasOverlay(Map<EdgeKey, String> edgeStyles, Map<String, String> nodeStyles,
        List<LegendEntry> legend) {

    /** No overlay: the plain graph. */
    public static final CanvasOverlay NONE = new CanvasOverlay(Map.of(), Map.of(), List.of());

    public CanvasOverlay {
        edgeStyles = Map.copyOf(edgeStyles);
        nodeStyles = Map.copyOf(nodeStyles);
        legend = List.copyOf(legend);
    }

    /** An edge by its endpoints. */
    public record EdgeKey(String from, String to) {
        public EdgeKey {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public static EdgeKey of(CausalEdge edge) {
            return new EdgeKey(edge.from(), edge.to());
        }

        @Override
        public String toString() {
            return from + " -> " + to;
        }
    }

    /** One line of the legend: a sample drawn with {@code styleClass}, then {@code label}. */
    public record LegendEntry(String styleClass, String label) {
        public LegendEntry {
            Objects.requireNonNull(styleClass, "styleClass");
            Objects.requireNonNull(label, "label");
        }
    }
}
