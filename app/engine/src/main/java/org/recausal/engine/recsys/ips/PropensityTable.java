package org.recausal.engine.recsys.ips;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.InteractionFiles;
import org.recausal.engine.recsys.data.Interactions;

/** Propensities known per user-item pair: from a log's propensity column, or from a matrix or {@code uid,iid,p} file. */
public final class PropensityTable implements PropensityModel {
    private final Map<Long, Float> values;
    private final String description;

    private PropensityTable(Map<Long, Float> values, String description) {
        this.values = values;
        this.description = description;
    }

    /** The propensity column of {@code log}. */
    public static PropensityTable fromColumn(Interactions log) {
        if (!log.hasPropensity()) {
            throw new RecsysException("the interaction data has no propensity column");
        }
        Map<Long, Float> values = new HashMap<>();
        for (int r = 0; r < log.size(); r++) {
            float p = log.propensity(r);
            if (!Float.isNaN(p)) {
                values.put(key(log.user(r), log.item(r)), p);
            }
        }
        return new PropensityTable(values, "the data's propensity column");
    }

    /** Propensities {@code p[r]} of the pairs {@code (users[r], items[r])}; pairs with an index below 0 are skipped. */
    public static PropensityTable of(int[] users, int[] items, double[] p, String description) {
        Map<Long, Float> values = new HashMap<>();
        for (int r = 0; r < p.length; r++) {
            if (!(p[r] > 0 && p[r] <= 1)) {
                throw new RecsysException(description + ": the propensity " + p[r] + " of row " + (r + 1) + " is not in (0, 1]");
            }
            if (users[r] >= 0 && items[r] >= 0) {
                values.put(key(users[r], items[r]), (float) p[r]);
            }
        }
        return new PropensityTable(values, description);
    }

    /**
     * Reads a dense matrix (rows users, columns items, as Coat's propensities.ascii) or {@code user,item,p} rows,
     * naming users and items through the indices of the ratings they weight.
     */
    public static PropensityTable read(Path file, IdIndex users, IdIndex items) {
        IdIndex fileUsers = new IdIndex();
        IdIndex fileItems = new IdIndex();
        Interactions rows = InteractionFiles.read(file, fileUsers, fileItems);
        Map<Long, Float> values = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            float p = rows.value(r);
            if (!(p > 0f && p <= 1f)) {
                throw new RecsysException(file.getFileName() + ": the propensity " + p + " for user "
                        + fileUsers.id(rows.user(r)) + " and item " + fileItems.id(rows.item(r)) + " is not in (0, 1]");
            }
            int u = users.indexOf(fileUsers.id(rows.user(r)));
            int i = items.indexOf(fileItems.id(rows.item(r)));
            if (u >= 0 && i >= 0) {
                values.put(key(u, i), p);
            }
        }
        return new PropensityTable(values, "propensities from " + file.getFileName());
    }

    @Override
    public double propensity(int user, int item, float value) {
        Float p = values.get(key(user, item));
        if (p == null) {
            throw new RecsysException(description + " has no propensity for user index " + user + " and item index " + item);
        }
        return p;
    }

    public boolean contains(int user, int item) {
        return values.containsKey(key(user, item));
    }

    @Override
    public String description() {
        return description;
    }

    private static long key(int user, int item) {
        return ((long) user << 32) | (item & 0xffffffffL);
    }
}
