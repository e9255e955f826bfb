package org.recausal.desktop.explain;

import java.util.ArrayList;
import java.util.List;

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
        for (int i = 0; i < effects.size(); i++) {
            PolicyResult.Estimate d = effects.get(i).difference();
            bars.add(new SignedBars.Bar(i, "", policies.get(i), d.value(), d.ci().lower(), d.ci().upper(), false));
        }
        return new SignedBars.Chart(List.copyOf(bars), "raises " + metric.label(), "lowers " + metric.label(),
                List.of(String.format(java.util.Locale.ROOT, "whiskers: %.0f%% bootstrap interval", 100 * level)),
                "Run the policies to compare them.");
    }
}
