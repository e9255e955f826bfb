package org.recausal.engine.explain;

/**
 * Settings of one explanation.
 * @param k                 the length of the recommendation list the counterfactual must push the item out of
 * @param maxRemovals       the largest counterfactual set searched for
 * @param beamWidth         removal sets kept per level once a level is too large to enumerate
 * @param exhaustiveLimit   a level with at most this many removal sets is enumerated whole (exact search)
 * @param exactPlayers      Shapley values are exact up to this many players (2^n coalitions), sampled above
 * @param sampledCoalitions about how many coalitions the sampling estimator scores (antithetic permutation pairs
 *                          are drawn until this budget is spent, at least {@link #MIN_PERMUTATION_PAIRS})
 * @param faithfulnessDraws random removal sets drawn per faithfulness check
 * @param seed              all random draws follow from it
 */
public record ExplainOptions(int k, int maxRemovals, int beamWidth, int exhaustiveLimit, int exactPlayers,
        int sampledCoalitions, int faithfulnessDraws, long seed) {
    public static final int MIN_PERMUTATION_PAIRS = 4;

    public ExplainOptions {
        if (k < 1 || maxRemovals < 1 || beamWidth < 1 || exhaustiveLimit < 0 || exactPlayers < 0 || exactPlayers > 20
                || sampledCoalitions < 1 || faithfulnessDraws < 2) {
            throw new IllegalArgumentException("explanation settings out of range: k, maxRemovals, beamWidth and"
                    + " sampledCoalitions must be positive, exactPlayers 0..20, faithfulnessDraws at least 2");
        }
    }

    /** Top 10, up to 10 removals, a beam of 5, exact Shapley up to 12 players, 1,024 sampled coalitions, 100 draws. */
    public static ExplainOptions defaults() {
        return new ExplainOptions(10, 10, 5, 256, 12, 1024, 100, 1);
    }

    public ExplainOptions withK(int newK) {
        return new ExplainOptions(newK, maxRemovals, beamWidth, exhaustiveLimit, exactPlayers, sampledCoalitions,
                faithfulnessDraws, seed);
    }

    public ExplainOptions withSeed(long newSeed) {
        return new ExplainOptions(k, maxRemovals, beamWidth, exhaustiveLimit, exactPlayers, sampledCoalitions,
                faithfulnessDraws, newSeed);
    }

    public ExplainOptions withSearch(int newMaxRemovals, int newBeamWidth, int newExhaustiveLimit) {
        return new ExplainOptions(k, newMaxRemovals, newBeamWidth, newExhaustiveLimit, exactPlayers, sampledCoalitions,
                faithfulnessDraws, seed);
    }

    public ExplainOptions withShapley(int newExactPlayers, int newSampledCoalitions) {
        return new ExplainOptions(k, maxRemovals, beamWidth, exhaustiveLimit, newExactPlayers, newSampledCoalitions,
                faithfulnessDraws, seed);
    }
}
