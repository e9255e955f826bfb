package org.recausal.engine.estimate;

import java.util.List;

/**
 * An average treatment effect estimated from data by adjustment.
 *
 * @param definition    what was estimated, e.g. {@code E[Y | do(T=1)] - E[Y | do(T=0)]}
 * @param ci            bootstrap percentile interval
 * @param standardError standard deviation of the bootstrap replicates
 * @param replicates    bootstrap replicates behind the interval
 * @param overlap       propensity diagnostics (IPW and AIPW only, else null)
 * @param warnings      what makes the estimate less trustworthy, in plain words
 */
public record EffectEstimate(String treatment, String outcome, EstimationMethod method, String definition,
        double estimate, Interval ci, double standardError, int replicates, List<String> adjustmentSet, int rows,
        Overlap overlap, List<String> warnings) {

    public EffectEstimate {
        adjustmentSet = List.copyOf(adjustmentSet);
        warnings = List.copyOf(warnings);
    }

    /**
     * How well treated and untreated rows overlap in their propensity to be treated.
     *
     * @param shareExtreme   share of rows with a propensity below 0.05 or above 0.95
     * @param clipped        rows whose propensity was clipped to the trimming bounds
     * @param effectiveTreated effective sample size of the treated rows under their weights (Kish)
     */
    public record Overlap(double minPropensity, double maxPropensity, double shareExtreme, int clipped,
            double effectiveTreated, double effectiveControl, int treated, int control) {
    }
}
