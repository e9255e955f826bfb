package org.recausal.desktop.simulate;

import org.recausal.engine.estimate.ScenarioResult;
import org.recausal.engine.scm.Scenario;

/** One quantity of one scenario in the side-by-side comparison: what was done, against what, and its effect. */
public record ComparisonRow(String scenario, String interventions, String against, String subgroup, EffectRow effect) {

    static ComparisonRow of(Scenario scenario, ScenarioResult.QuantityEffect effect) {
        return new ComparisonRow(scenario.name(), ScenarioDraft.describe(scenario.interventions(), "nothing"),
                ScenarioDraft.describe(scenario.baseline(), "world as it is"),
                scenario.subgroup() == null ? "all units" : scenario.subgroup(), EffectRow.of(effect));
    }
}
