package org.recausal.desktop.explain;

/** One of the user's top-K items: its rank (1 = best), id and the model's score. */
public record RecommendationRow(int rank, String item, double score) {
}
