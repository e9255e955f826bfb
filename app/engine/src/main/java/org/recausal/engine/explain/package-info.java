/**
 * Why a recommender recommends an item to a user: the attention behind a SASRec score (per block and head, and
 * rolled out), Shapley attributions of the score to the user's history, the smallest counterfactual set of past
 * interactions whose removal drops the item out of the top K (verified by re-scoring), faithfulness checks of
 * those rankings against random removals, a plain-language summary, and attention aggregated over users.
 * Methods and their limits are documented in docs/explanations.md. No JavaFX here.
 */
package org.recausal.engine.explain;
