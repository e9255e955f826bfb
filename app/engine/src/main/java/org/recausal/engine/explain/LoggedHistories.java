package org.recausal.engine.explain;

import java.nio.file.Path;
import java.util.Arrays;

import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.InteractionFiles;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.model.StoredModel;

/**
 * Users' histories read from an interaction log for a trained model: the model's indices, time order (ties in
 * log order, as the model was trained), and each interaction's time. Interactions with users or items the model
 * does not know are left out and counted: the model has no vector for them.
 * @param histories per model user, item indices oldest first
 * @param times     aligned with {@code histories}
 * @param skipped   interactions left out
 */
public record LoggedHistories(int[][] histories, long[][] times, int skipped) {

    public static LoggedHistories read(Path file, StoredModel stored) {
        // Copies of the model's indices: reading adds the log's unknown ids to them.
        Interactions log = InteractionFiles.read(file, IdIndex.of(stored.users().ids()), IdIndex.of(stored.items().ids()));
        return of(log, stored.users().size(), stored.items().size());
    }

    /** @param log a log indexed with the model's ids first (unknown ids get indices past the model's) */
    public static LoggedHistories of(Interactions log, int users, int items) {
        Integer[] order = new Integer[log.size()];
        Arrays.setAll(order, r -> r);
        Arrays.sort(order, (a, b) -> Long.compare(log.time(a), log.time(b)));
        int[] counts = new int[users];
        int skipped = 0;
        for (int r = 0; r < log.size(); r++) {
            if (log.user(r) < users && log.item(r) < items) {
                counts[log.user(r)]++;
            } else {
                skipped++;
            }
        }
        int[][] histories = new int[users][];
        long[][] times = new long[users][];
        for (int u = 0; u < users; u++) {
            histories[u] = new int[counts[u]];
            times[u] = new long[counts[u]];
        }
        int[] fill = new int[users];
        for (int r : order) {
            int u = log.user(r);
            if (u < users && log.item(r) < items) {
                histories[u][fill[u]] = log.item(r);
                times[u][fill[u]++] = log.time(r);
            }
        }
        return new LoggedHistories(histories, times, skipped);
    }
}
