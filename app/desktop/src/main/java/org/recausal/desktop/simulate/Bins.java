package org.recausal.desktop.simulate;

import java.util.Locale;

import org.recausal.engine.estimate.ScenarioResult;

/** Names the bars of an outcome distribution: a level, or a histogram bin's lower edge. */
final class Bins {

    private Bins() {
    }

    static String label(ScenarioResult.OutcomeDistribution distribution, int bin) {
        if (distribution.levels() != null && !distribution.levels().isEmpty()) {
            return distribution.levels().get(bin);
        }
        return String.format(Locale.ROOT, "%.3g", distribution.edges()[bin]);
    }
}
