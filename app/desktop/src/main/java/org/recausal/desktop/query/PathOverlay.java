package org.recausal.desktop.query;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.recausal.desktop.canvas.CanvasOverlay;
import org.recausal.desktop.canvas.CanvasOverlay.EdgeKey;
import org.recausal.desktop.canvas.CanvasOverlay.LegendEntry;
import org.recausal.engine.analysis.Path;

/**
 * The canvas colouring for the listed paths: an edge on several paths takes the most telling status
 * (causal, then open biasing, then blocked: an exposure's edge into a mediator stays green even when
 * a biasing path also runs through it, so the causal paths read as one chain), adjusted variables are
 * outlined, a variable that may not be in the set is flagged. The legend names only what is on the canvas.
 */
final class PathOverlay {
    static final String ADJUSTED = "node-adjusted";
    static final String FLAGGED = "node-flagged";

    private PathOverlay() {
    }

    private static int rank(PathRow.Status status) {
        return switch (status) {
            case CAUSAL -> 0;
            case OPEN_BIASING -> 1;
            case BLOCKED -> 2;
        };
    }

    static CanvasOverlay of(List<PathRow> rows, Set<String> adjusted, Optional<String> flagged) {
        Map<EdgeKey, PathRow.Status> edges = new HashMap<>();
        for (PathRow row : rows) {
            Path path = row.path();
            for (int i = 0; i < path.arrows().size(); i++) {
                String a = path.nodes().get(i);
                String b = path.nodes().get(i + 1);
                EdgeKey key = path.arrows().get(i) == Path.Arrow.FORWARD ? new EdgeKey(a, b) : new EdgeKey(b, a);
                edges.merge(key, row.status(), (old, now) -> rank(old) <= rank(now) ? old : now);
            }
        }
        Map<EdgeKey, String> edgeStyles = new HashMap<>();
        Set<PathRow.Status> shown = EnumSet.noneOf(PathRow.Status.class);
        edges.forEach((key, status) -> {
            edgeStyles.put(key, status.styleClass());
            shown.add(status);
        });
        Map<String, String> nodeStyles = new HashMap<>();
        adjusted.forEach(name -> nodeStyles.put(name, ADJUSTED));
        flagged.ifPresent(name -> nodeStyles.put(name, FLAGGED));

        List<LegendEntry> legend = new ArrayList<>();
        shown.forEach(status -> legend.add(new LegendEntry(status.styleClass(), status.label())));
        if (nodeStyles.containsValue(ADJUSTED)) {
            legend.add(new LegendEntry(ADJUSTED, "Adjusted for"));
        }
        if (flagged.isPresent()) {
            legend.add(new LegendEntry(FLAGGED, "Must not be adjusted for"));
        }
        return new CanvasOverlay(edgeStyles, nodeStyles, legend);
    }
}
