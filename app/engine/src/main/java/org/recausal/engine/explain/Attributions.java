package org.recausal.engine.explain;

import java.util.List;

/**
 * Shapley values of a score over its players: the history items the model reads and, for a model with side
 * features, the trait variables. The score is a history part plus a trait part, so (additivity) each player's value
 * is its value in its part's game. History items: the value of a coalition is the item's score with only the
 * coalition's history items kept (the others removed and the sequence re-encoded), exact or sampled ({@link #method}).
 * Variables: interventional values, exact ({@link #variableMethod}, see {@link TraitAttributions}). The values sum to
 * {@code fullScore - baselineScore} (efficiency), exactly up to rounding, whichever the method.
 * @param values        the history items in history order, then the variables (users' first)
 * @param method        how the history items were valued: {@link #EXACT} or {@link #ANTITHETIC_PERMUTATIONS}
 * @param permutations  permutations drawn (0 when exact)
 * @param fullScore     the score with every player present: the model's score
 * @param baselineScore the score with no history item of the window and the traits at their training means
 * @param evaluations   coalitions of history items scored
 * @param variableMethod how the variables were valued: {@link #VARIABLES_EXACT}, or {@link #NO_VARIABLES}
 */
public record Attributions(List<Attribution> values, String method, int permutations, double fullScore,
        double baselineScore, int evaluations, String variableMethod) {
    public static final String EXACT = "exact";
    public static final String ANTITHETIC_PERMUTATIONS = "antithetic-permutation-sampling";
    public static final String VARIABLES_EXACT = "exact-interventional";
    public static final String NO_VARIABLES = "none";

    /** {@code sum(values) - (fullScore - baselineScore)}: zero up to rounding. */
    public double efficiencyGap() {
        return values.stream().mapToDouble(Attribution::value).sum() - (fullScore - baselineScore);
    }

    /** The history items' values alone, in history order. */
    public List<Attribution> historyItems() {
        return values.stream().filter(a -> !a.isVariable()).toList();
    }

    /** The variables' values alone. */
    public List<Attribution> variables() {
        return values.stream().filter(Attribution::isVariable).toList();
    }
}
