package org.recausal.desktop.simulate;

import java.util.Locale;

import org.recausal.engine.estimate.Interval;
import org.recausal.engine.estimate.ScenarioResult;

/**
 * One outcome quantity in the effect table: its value in the baseline and under the interventions, and their
 * difference, each with its bootstrap interval ("—" without replicates).
 */
public record EffectRow(String quantity, String baseline, String baselineCi, String intervened, String intervenedCi,
        String effect, String effectCi, ScenarioResult.QuantityEffect values) {

    static EffectRow of(ScenarioResult.QuantityEffect e) {
        return new EffectRow(e.quantity(), number(e.baselineMean()), interval(e.baselineCi()), number(e.mean()),
                interval(e.ci()), number(e.effect()), interval(e.effectCi()), e);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    static String interval(Interval ci) {
        return ci == null || Double.isNaN(ci.lower()) ? "—"
                : String.format(Locale.ROOT, "[%.4g, %.4g]", ci.lower(), ci.upper());
    }
}
