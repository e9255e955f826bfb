package org.recausal.engine.explain;

/**
 * Removing the {@code removed} items an explanation ranks highest, against removing as many at random.
 * @param ranking     which ranking chose the items: {@link #ATTENTION} (rollout weight) or {@link #ATTRIBUTION} (Shapley value)
 * @param removed     how many items were removed
 * @param drop        the score drop {@code f(history) - f(history without them)}
 * @param randomMean  the mean drop over random removal sets of the same size
 * @param randomSd    their standard deviation
 * @param draws       random sets drawn
 */
public record FaithfulnessCheck(String ranking, int removed, double drop, double randomMean, double randomSd, int draws) {
    public static final String ATTENTION = "attention";
    public static final String ATTRIBUTION = "attribution";

    /** Whether removing the ranking's top items lowers the score more than removing random ones does on average. */
    public boolean beatsRandom() {
        return drop > randomMean;
    }
}
