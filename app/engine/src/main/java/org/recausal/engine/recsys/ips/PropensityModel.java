package org.recausal.engine.recsys.ips;

/**
 * The probability that a user's feedback on an item is in the log (the item was exposed and rated), given its
 * value. Inverse propensity scoring divides each observed loss by it, so that the weighted mean over the log
 * estimates the mean over all user-item pairs (Schnabel et al., ICML 2016).
 * <p>Implementations: propensities given per pair ({@link PropensityTable}, from a column or a file, or from
 * the exposure mechanism fitted on the project's causal DAG by {@link DagPropensities}), and the Naive-Bayes
 * estimate from a small uniformly random sample ({@link NaiveBayesPropensities}).
 */
@FunctionalInterface
public interface PropensityModel {
    /**
     * @param value the observed feedback (a rating); models that ignore it may be given NaN
     * @return the propensity, in (0, 1]
     */
    double propensity(int user, int item, float value);

    /** A short account of where the propensities come from, for reports. */
    default String description() {
        return "given propensities";
    }
}
