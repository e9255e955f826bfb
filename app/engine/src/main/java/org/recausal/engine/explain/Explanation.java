package org.recausal.engine.explain;

import java.util.List;

/**
 * Why the model recommends {@code item} to {@code user}.
 * @param modelKind     the model's kind ({@code sasrec}, ...)
 * @param k             the list length the rank and counterfactual refer to
 * @param score         the model's score for the item
 * @param rank          its rank among the items the user does not have (1 = best)
 * @param history       the user's whole history, oldest first
 * @param attention     SASRec's attention; null for models without attention
 * @param attributions  Shapley values of the score over the history items the model reads
 * @param counterfactual the smallest removal set found
 * @param faithfulness  removals of top-ranked items against random removals
 * @param summary       the above in a few plain sentences
 */
public record Explanation(String user, String item, String modelKind, int k, double score, int rank,
        List<HistoryItem> history, AttentionView attention, Attributions attributions, Counterfactual counterfactual,
        Faithfulness faithfulness, String summary) {
}
