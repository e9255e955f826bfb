package org.recausal.engine.explain;

import java.util.List;

/**
 * The smallest set of past interactions found whose removal drops the item out of the top K.
 * @param found         whether such a set was found within the search's limits
 * @param removed       the set (history order); empty when not found
 * @param originalRank  the item's rank with the whole history (1 = best)
 * @param newRank       its rank without {@code removed}, from the verifying re-score; -1 when not found
 * @param newScore      its score without {@code removed}; NaN when not found
 * @param verified      whether scoring the reduced history afresh confirmed the new rank outside the top K
 * @param reason        why nothing was found; empty when found
 * @param search        how the search went: exhaustive levels, then beam
 * @param evaluated     removal sets scored
 */
public record Counterfactual(boolean found, List<HistoryItem> removed, int originalRank, int newRank, double newScore,
        boolean verified, String reason, String search, int evaluated) {
}
