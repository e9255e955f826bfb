package org.recausal.engine.explain;

import java.util.List;

/**
 * Shapley values of a score over its players. The value of a coalition is the item's score with only the
 * coalition's history items kept (the others removed and the sequence re-encoded); the values sum to
 * {@code fullScore - baselineScore} (efficiency), exactly up to rounding, for the exact and the sampled method alike.
 * @param values       one per player, in history order
 * @param method       {@link #EXACT} or {@link #ANTITHETIC_PERMUTATIONS}
 * @param permutations permutations drawn (0 when exact)
 * @param fullScore    the score with every player present: the model's score
 * @param baselineScore the score with no player present
 * @param evaluations  coalitions scored
 */
public record Attributions(List<Attribution> values, String method, int permutations, double fullScore,
        double baselineScore, int evaluations) {
    public static final String EXACT = "exact";
    public static final String ANTITHETIC_PERMUTATIONS = "antithetic-permutation-sampling";

    /** {@code sum(values) - (fullScore - baselineScore)}: zero up to rounding. */
    public double efficiencyGap() {
        return values.stream().mapToDouble(Attribution::value).sum() - (fullScore - baselineScore);
    }
}
