package org.recausal.engine.estimate;

import java.util.List;

/**
 * What a scenario gives: for each outcome quantity its value under the interventions and under the baseline, and
 * their difference, each with a bootstrap interval that includes the uncertainty of fitting the model; and the
 * distributions of the outcomes in both worlds, for plots.
 *
 * @param subgroupShare share of the simulated units in the subgroup (1 without one)
 * @param replicates    bootstrap replicates (0: no intervals)
 */
public record ScenarioResult(String scenario, List<QuantityEffect> effects, List<OutcomeDistribution> distributions,
        int samples, double subgroupShare, int replicates) {

    public ScenarioResult {
        effects = List.copyOf(effects);
        distributions = List.copyOf(distributions);
    }

    /**
     * One quantity of one outcome: its mean (numeric), or the probability of a level (binary: of the second,
     * categorical: of each).
     *
     * @param quantity e.g. {@code E[rating]} or {@code P(purchase=1)}
     */
    public record QuantityEffect(String outcome, String quantity, double mean, Interval ci, double baselineMean,
            Interval baselineCi, double effect, Interval effectCi) {
    }

    /**
     * An outcome's distribution under the interventions and the baseline: for a numeric outcome the counts in
     * shared histogram bins ({@code edges} has one more entry than each count array) and quantiles; for a discrete
     * one the probability of each level.
     */
    public record OutcomeDistribution(String outcome, List<String> levels, double[] edges, double[] intervened,
            double[] baseline, Quantiles intervenedQuantiles, Quantiles baselineQuantiles) {
    }

    /** The 5, 25, 50, 75 and 95% quantiles. */
    public record Quantiles(double q05, double q25, double median, double q75, double q95) {
    }
}
