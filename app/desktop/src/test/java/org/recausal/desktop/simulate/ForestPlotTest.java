package org.recausal.desktop.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForestPlotTest {

    @Test
    void ticksAreRoundAndIncludeZero() {
        assertThat(ForestPlot.ticks(-1.06, 2.12)).containsExactly(-1.0, 0.0, 1.0, 2.0);
        assertThat(ForestPlot.ticks(-0.6, 1.4)).containsExactly(-0.5, 0.0, 0.5, 1.0);
        assertThat(ForestPlot.ticks(-0.03, 0.9)).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8);
    }
}
