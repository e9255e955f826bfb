package org.recausal.engine.layout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.Dag;

/** The baseline to beat: variables in topological order, row by row on a square grid. */
final class NaiveGridLayout {
    private NaiveGridLayout() {
    }

    static Map<String, CanvasPosition> layout(Dag dag, LayoutOptions options) {
        List<String> order = dag.topologicalOrder();
        int columns = Math.max(1, (int) Math.ceil(Math.sqrt(order.size())));
        Map<String, CanvasPosition> positions = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            positions.put(order.get(i), new CanvasPosition(
                    (i % columns) * (options.nodeWidth() + options.horizontalGap()),
                    (i / columns) * (options.nodeHeight() + options.layerGap())));
        }
        return positions;
    }
}
