package org.recausal.desktop.canvas;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

    /** The overlays drawn one over another: a later one's class wins on an edge or variable both colour. */
    public static CanvasOverlay stack(Collection<CanvasOverlay> bottomToTop) {
        Map<EdgeKey, String> edges = new LinkedHashMap<>();
        Map<String, String> nodes = new LinkedHashMap<>();
        Set<LegendEntry> legend = new LinkedHashSet<>();
        for (CanvasOverlay overlay : bottomToTop) {
            edges.putAll(overlay.edgeStyles());
            nodes.putAll(overlay.nodeStyles());
            legend.addAll(overlay.legend());
        }
        // Only what is still drawn keeps its legend line.
        Set<String> shown = new HashSet<>(edges.values());
        shown.addAll(nodes.values());
        legend.removeIf(entry -> !shown.contains(entry.styleClass()));
        return new CanvasOverlay(edges, nodes, List.copyOf(legend));
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
