package org.recausal.desktop.simulate;

import java.util.Locale;

import org.recausal.engine.estimate.Interval;
import org.recausal.engine.estimate.ScenarioResult;

/** One outcome quantity in the effect table: baseline and intervened values and their difference, with intervals. */
public record EffectRow(String quantity, String baseline, String intervened, String effect, String effectCi,
        ScenarioResult.QuantityEffect values) {

    static EffectRow of(ScenarioResult.QuantityEffect e) {
        return new EffectRow(e.quantity(), withCi(e.baselineMean(), e.baselineCi()), withCi(e.mean(), e.ci()),
                number(e.effect()), interval(e.effectCi()), e);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    static String interval(Interval ci) {
        return ci == null ? "—" : String.format(Locale.ROOT, "[%.4g, %.4g]", ci.lower(), ci.upper());
    }

    private static String withCi(double value, Interval ci) {
        return ci == null ? number(value) : number(value) + "  " + interval(ci);
    }
}
