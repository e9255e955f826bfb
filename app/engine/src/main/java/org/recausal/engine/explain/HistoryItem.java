package org.recausal.engine.explain;

/**
 * One past interaction of the user, as the explanation refers to it.
 * @param position place in the user's whole history, 0 = oldest
 * @param item     the item's external id
 * @param time     when it happened: the log's time column, or its line number when the log has none;
 *                 {@link #UNKNOWN_TIME} when the history comes from a model file, which keeps no times
 */
public record HistoryItem(int position, String item, long time) {
    public static final long UNKNOWN_TIME = Long.MIN_VALUE;

    public boolean hasTime() {
        return time != UNKNOWN_TIME;
    }
}
