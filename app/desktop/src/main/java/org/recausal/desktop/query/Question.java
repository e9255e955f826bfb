package org.recausal.desktop.query;

import java.util.List;

import org.recausal.engine.analysis.AdjustmentAnalysis.Effect;

/** What the analyst asks: the total or direct effect of the exposures on the outcomes. */
public record Question(List<String> exposures, List<String> outcomes, Effect effect) {

    public Question {
        exposures = List.copyOf(exposures);
        outcomes = List.copyOf(outcomes);
    }

    /** Whether there is something to ask: at least one exposure and one outcome. */
    public boolean complete() {
        return !exposures.isEmpty() && !outcomes.isEmpty();
    }

    /** E.g. {@code the total effect of exposure on purchase}. */
    public String phrase() {
        return "the " + effectName() + " of " + String.join(", ", exposures) + " on " + String.join(", ", outcomes);
    }

    /** {@code total effect} or {@code direct effect}. */
    public String effectName() {
        return effect == Effect.TOTAL ? "total effect" : "direct effect";
    }
}
