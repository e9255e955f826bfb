package org.recausal.engine.recsys.data;

import org.recausal.engine.data.Column;
import org.recausal.engine.data.NumericColumn;
import org.recausal.engine.data.Table;
import org.recausal.engine.recsys.RecsysException;

/**
 * An interaction log read from a table of the project's data, the analyst naming which columns hold the user, the
 * item and, optionally, the time (or order), the feedback and a logged propensity. Rows without a user or an item
 * are left out and counted; without a time column the row order is the time, without a feedback column every row
 * is an implicit 1.
 */
public final class TableInteractions {

    /** Which columns hold what; {@code time}, {@code feedback} and {@code propensity} may be null. */
    public record Columns(String user, String item, String time, String feedback, String propensity) {
        public Columns {
            if (user == null || item == null) {
                throw new RecsysException("choose the columns that hold the user and the item");
            }
            if (user.equals(item)) {
                throw new RecsysException("the user and the item must be different columns (both are '" + user + "')");
            }
        }
    }

    /** The log and how many rows had no user or item (or a missing time, feedback or propensity) and were left out. */
    public record Read(Interactions log, int skipped) {
    }

    private TableInteractions() {
    }

    public static Read read(Table table, Columns columns) {
        Column user = table.column(columns.user());
        Column item = table.column(columns.item());
        NumericColumn time = numeric(table, columns.time(), "time");
        NumericColumn feedback = numeric(table, columns.feedback(), "feedback");
        NumericColumn propensity = numeric(table, columns.propensity(), "propensity");
        Interactions.Builder rows = Interactions.builder(new IdIndex(), new IdIndex());
        int skipped = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            if (user.isMissing(r) || item.isMissing(r) || missing(time, r) || missing(feedback, r)
                    || missing(propensity, r)) {
                skipped++;
                continue;
            }
            float value = feedback == null ? 1f : (float) feedback.asDouble(r);
            rows.add(user.text(r), item.text(r), value, time == null ? r : (long) time.asDouble(r));
            if (propensity != null) {
                float p = (float) propensity.asDouble(r);
                if (!(p > 0f && p <= 1f)) {
                    throw new RecsysException("row " + (r + 1) + " of '" + table.name() + "': the propensity " + p
                            + " in column '" + columns.propensity() + "' is not in (0, 1]");
                }
                rows.propensity(p);
            }
        }
        if (rows.size() == 0) {
            throw new RecsysException("'" + table.name() + "' has no row with a user, an item"
                    + (columns.time() == null && columns.feedback() == null ? "" : " and the other chosen columns")
                    + " all present");
        }
        return new Read(rows.build(), skipped);
    }

    private static NumericColumn numeric(Table table, String name, String role) {
        if (name == null) {
            return null;
        }
        if (table.column(name) instanceof NumericColumn numeric) {
            return numeric;
        }
        throw new RecsysException("the " + role + " column '" + name + "' of '" + table.name() + "' holds "
                + table.column(name).type().name().toLowerCase(java.util.Locale.ROOT)
                + " values; it must hold numbers or timestamps");
    }

    private static boolean missing(NumericColumn column, int row) {
        return column != null && ((Column) column).isMissing(row);
    }
}
