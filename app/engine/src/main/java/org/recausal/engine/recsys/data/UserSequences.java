package org.recausal.engine.recsys.data;

import java.util.Arrays;

/** Each user's items in time order (ties kept in log order), as the input of sequential models and of history filters. */
public final class UserSequences {
    private final int[][] items;
    private final int itemCount;

    private UserSequences(int[][] items, int itemCount) {
        this.items = items;
        this.itemCount = itemCount;
    }

    public static UserSequences of(Interactions log) {
        int users = log.users().size();
        int[] counts = log.userCounts();
        Integer[] order = new Integer[log.size()];
        for (int r = 0; r < order.length; r++) {
            order[r] = r;
        }
        // A stable sort by time keeps the file order of equal times, which is the order SASRec's files carry.
        Arrays.sort(order, (a, b) -> Long.compare(log.time(a), log.time(b)));
        int[][] items = new int[users][];
        int[] fill = new int[users];
        for (int u = 0; u < users; u++) {
            items[u] = new int[counts[u]];
        }
        for (int r : order) {
            int u = log.user(r);
            items[u][fill[u]++] = log.item(r);
        }
        return new UserSequences(items, log.items().size());
    }

    public static UserSequences of(int[][] items, int itemCount) {
        return new UserSequences(items, itemCount);
    }

    public int userCount() {
        return items.length;
    }

    public int itemCount() {
        return itemCount;
    }

    /** The user's items, oldest first; the caller must not change the array. */
    public int[] items(int user) {
        return items[user];
    }

    public int length(int user) {
        return items[user].length;
    }
}
