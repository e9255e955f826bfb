package org.recausal.engine.explain;

/**
 * One player's share of the score: its Shapley value.
 * @param name          the item's id, or the variable's name
 * @param kind          what the player is
 * @param position      the item's place in the history (see {@link HistoryItem#position()}), or -1 for a variable
 * @param value         the Shapley value, in score units; positive pushes the item up
 * @param standardError the sampling estimator's standard error; 0 when the value is exact
 */
public record Attribution(String name, PlayerKind kind, int position, double value, double standardError) {
}
