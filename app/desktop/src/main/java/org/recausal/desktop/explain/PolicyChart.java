package org.recausal.desktop.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.recausal.engine.policy.PolicyResult;

/** One metric's change under each policy as signed bars with their bootstrap intervals, in the policies' order. */
final class PolicyChart {
    private PolicyChart() {
    }

    static SignedBars.Chart of(PolicyComparisonModel.MetricKey metric, List<PolicyResult.MetricEffect> effects,
            List<String> policies, double level) {
        if (metric == null) {
            return null;
        }
        List<SignedBars.Bar> bars = new ArrayList<>();
        boolean intervals = false;
        for (int i = 0; i < effects.size(); i++) {
            PolicyResult.Estimate d = effects.get(i).difference();
            bars.add(new SignedBars.Bar(i, "", policies.get(i), d.value(), d.ci().lower(), d.ci().upper(), false));
            intervals |= !Double.isNaN(d.ci().lower());
        }
        // Without bootstrap replicates there are no whiskers to explain.
        return new SignedBars.Chart(List.copyOf(bars), "raises " + metric.label(), "lowers " + metric.label(),
                intervals ? List.of(String.format(Locale.ROOT, "whiskers: %.0f%% bootstrap interval", 100 * level))
                        : List.of("no intervals: run with bootstrap replicates for them"),
                "Run the policies to compare them.");
    }
}
