package org.recausal.desktop.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recausal.desktop.canvas.CanvasOverlay.EdgeKey;
import org.recausal.desktop.canvas.CanvasOverlay.LegendEntry;

class CanvasOverlayStackTest {
    private static final LegendEntry NO_DATA = new LegendEntry("node-latent-by-data", "No data");
    private static final LegendEntry ADJUSTED = new LegendEntry("node-adjusted", "Adjusted for");
    private static final LegendEntry OPEN = new LegendEntry("path-open", "Open path");

    @Test
    void upperOverlayWinsWhereBothColourAndTheRestShowsThrough() {
        CanvasOverlay data = new CanvasOverlay(Map.of(), Map.of("a", "node-latent-by-data", "b", "node-latent-by-data"),
                List.of(NO_DATA));
        CanvasOverlay query = new CanvasOverlay(Map.of(new EdgeKey("a", "c"), "path-open"), Map.of("b", "node-adjusted"),
                List.of(ADJUSTED, OPEN));

        CanvasOverlay shown = CanvasOverlay.stack(List.of(data, query));

        assertThat(shown.nodeStyles()).containsOnly(Map.entry("a", "node-latent-by-data"), Map.entry("b", "node-adjusted"));
        assertThat(shown.edgeStyles()).containsOnly(Map.entry(new EdgeKey("a", "c"), "path-open"));
        assertThat(shown.legend()).containsExactly(NO_DATA, ADJUSTED, OPEN);
    }

    @Test
    void legendDropsLinesWhoseClassIsCoveredEverywhere() {
        CanvasOverlay data = new CanvasOverlay(Map.of(), Map.of("a", "node-latent-by-data"), List.of(NO_DATA));
        CanvasOverlay query = new CanvasOverlay(Map.of(), Map.of("a", "node-adjusted"), List.of(ADJUSTED));

        assertThat(CanvasOverlay.stack(List.of(data, query)).legend()).containsExactly(ADJUSTED);
        assertThat(CanvasOverlay.stack(List.of())).isEqualTo(CanvasOverlay.NONE);
    }
}
