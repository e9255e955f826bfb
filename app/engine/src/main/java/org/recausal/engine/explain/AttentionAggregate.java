package org.recausal.engine.explain;

import java.util.List;

/**
 * Attention aggregated over many users' histories.
 * @param users      histories read
 * @param topPairs   item pairs with the highest mean attention among pairs seen at least {@code minCount} times
 * @param minCount   occurrences a pair needs to be listed
 * @param categories category-to-category shares, or null when item categories are not known
 */
public record AttentionAggregate(int users, List<ItemAttention> topPairs, int minCount, CategoryAttention categories) {
}
