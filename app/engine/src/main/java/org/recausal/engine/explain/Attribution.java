package org.recausal.engine.explain;

/**
 * One player's share of the score: its Shapley value.
 * @param name          the item's id, or the variable's name
 * @param kind          what the player is
 * @param position      the item's place in the history (see {@link HistoryItem#position()}), or -1 for a variable
 * @param value         the Shapley value, in score units; positive pushes the item up
 * @param standardError the sampling estimator's standard error; 0 when the value is exact
 * @param owner         for a variable, whose trait it is: {@link #USER} or {@link #ITEM}; null for a history item
 * @param observed      for a variable, the user's or item's value as the data show it (null when missing or for an item)
 */
public record Attribution(String name, PlayerKind kind, int position, double value, double standardError, String owner,
        String observed) {
    public static final String USER = "user";
    public static final String ITEM = "item";

    /** A history item's attribution. */
    public static Attribution historyItem(String item, int position, double value, double standardError) {
        return new Attribution(item, PlayerKind.HISTORY_ITEM, position, value, standardError, null, null);
    }

    /** A trait variable's attribution, valued exactly. */
    public static Attribution variable(String name, String owner, String observed, double value) {
        return new Attribution(name, PlayerKind.VARIABLE, -1, value, 0, owner, observed);
    }

    public boolean isVariable() {
        return kind == PlayerKind.VARIABLE;
    }
}
