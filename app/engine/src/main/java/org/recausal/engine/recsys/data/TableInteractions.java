package org.recausal.engine.recsys.data;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.recausal.engine.data.Column;
import org.recausal.engine.data.NumericColumn;
import org.recausal.engine.data.Table;
import org.recausal.engine.recsys.RecsysException;

/**
 * An interaction log read from a table, such as a project's dataset: the user and item columns ({@code user_id},
 * {@code user}, ... and {@code item_id}, {@code item}, ...), a feedback column, and where present a time
 * ({@code timestamp}, {@code time}, {@code order}), a propensity ({@code propensity}, {@code exposure_propensity}),
 * an exposure and a position. When the feedback is 0/1 (clicks, purchases), only the rows with 1 are interactions,
 * since the models read every row of a log as one; a rating keeps every row. Rows missing the user, the item or the
 * feedback are left out. The analyst may instead name the columns ({@link Columns}), as the Train dialog does.
 */
public final class TableInteractions {
    private static final List<String> USER = List.of("user_id", "user", "userid", "uid");
    private static final List<String> ITEM = List.of("item_id", "item", "itemid", "iid");
    private static final List<String> FEEDBACK = List.of("click", "rating", "feedback", "value", "label");
    private static final List<String> TIME = List.of("timestamp", "time", "order");
    private static final List<String> PROPENSITY = List.of("propensity", "exposure_propensity");

    private TableInteractions() {
    }

    /** The table's user column (user_id, user, userid or uid). */
    public static Column userColumn(Table table) {
        return find(table, USER).orElseThrow(() -> missing(table, "user", USER));
    }

    /** The table's item column (item_id, item, itemid or iid). */
    public static Column itemColumn(Table table) {
        return find(table, ITEM).orElseThrow(() -> missing(table, "item", ITEM));
    }

    /** Whether columns of these names include a user and an item column, so they can hold interactions. */
    public static boolean holdsInteractions(Collection<String> columnNames) {
        Set<String> names = columnNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return USER.stream().anyMatch(names::contains) && ITEM.stream().anyMatch(names::contains);
    }

    /**
     * Reads the table's interactions into the indices (fresh ones, or a trained model's so the rows line up).
     *
     * @param feedback the feedback column, or null for the first of click, rating, feedback, value, label (a table
     *                 with none of them is implicit feedback: every row is an interaction)
     * @throws RecsysException naming the table and what it lacks
     */
    public static Interactions read(Table table, String feedback, IdIndex users, IdIndex items) {
        Column user = userColumn(table);
        Column item = itemColumn(table);
        Column value = feedback == null ? find(table, FEEDBACK).orElse(null) : column(table, feedback);
        NumericColumn values = value == null ? null : numeric(table, value);
        boolean positivesOnly = values != null && isBinary(value, values);
        NumericColumn time = find(table, TIME).map(c -> numeric(table, c)).orElse(null);
        NumericColumn propensity = find(table, PROPENSITY).map(c -> numeric(table, c)).orElse(null);
        NumericColumn exposure = find(table, List.of("exposure")).map(c -> numeric(table, c)).orElse(null);
        NumericColumn position = find(table, List.of("position")).map(c -> numeric(table, c)).orElse(null);
        Interactions.Builder rows = Interactions.builder(users, items);
        for (int r = 0; r < table.rowCount(); r++) {
            if (user.isMissing(r) || item.isMissing(r) || value != null && value.isMissing(r)) {
                continue;
            }
            float v = values == null ? 1f : (float) values.asDouble(r);
            if (positivesOnly && v == 0f) {
                continue;
            }
            rows.add(user.text(r), item.text(r), v, time == null ? r : (long) time.asDouble(r));
            if (propensity != null && !((Column) propensity).isMissing(r)) {
                float p = (float) propensity.asDouble(r);
                if (!(p > 0f && p <= 1f)) {
                    throw new RecsysException(table.name() + ": row " + (r + 1) + ": the propensity " + p
                            + " is not in (0, 1]");
                }
                rows.propensity(p);
            }
            if (exposure != null) {
                rows.exposure((float) exposure.asDouble(r));
            }
            if (position != null) {
                rows.position((float) position.asDouble(r));
            }
        }
        if (rows.size() == 0) {
            throw new RecsysException(table.name() + ": holds no interactions" + (positivesOnly
                    ? " (no row has " + value.name() + " = 1)" : ""));
        }
        return rows.build();
    }

    /**
     * The columns {@link #read(Table, String, IdIndex, IdIndex)} finds by name (no propensity), for reading with
     * {@link #read(Table, Columns, boolean, IdIndex, IdIndex)}.
     *
     * @throws RecsysException naming the table when it has no user or item column
     */
    public static Columns detect(Table table) {
        Column user = find(table, USER).orElseThrow(() -> missing(table, "user", USER));
        Column item = find(table, ITEM).orElseThrow(() -> missing(table, "item", ITEM));
        return new Columns(user.name(), item.name(), find(table, TIME).map(Column::name).orElse(null),
                find(table, FEEDBACK).map(Column::name).orElse(null), null);
    }

    /** Which columns hold what, as the analyst chose them; {@code time}, {@code feedback} and {@code propensity} may be null. */
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

    /** The log and how many rows were left out for a missing user, item, time, feedback or propensity. */
    public record Read(Interactions log, int skipped) {
    }

    /**
     * Reads the chosen columns into fresh indices. Without a time column the row order is the time; without a
     * feedback column every row is an implicit 1. With 0/1 feedback a ranking model reads only the rows with 1 (as
     * {@link #read(Table, String, IdIndex, IdIndex)} does); a rating model reads every row as a rating.
     *
     * @param ratings whether the values are ratings to fit (MF), not positives to rank (SASRec, BPR)
     */
    public static Read read(Table table, Columns columns, boolean ratings) {
        return read(table, columns, ratings, new IdIndex(), new IdIndex());
    }

    /** As {@link #read(Table, Columns, boolean)}, into given indices (a trained model's, so the rows line up). */
    public static Read read(Table table, Columns columns, boolean ratings, IdIndex users, IdIndex items) {
        Column user = table.column(columns.user());
        Column item = table.column(columns.item());
        NumericColumn time = chosen(table, columns.time(), "time");
        NumericColumn feedback = chosen(table, columns.feedback(), "feedback");
        NumericColumn propensity = chosen(table, columns.propensity(), "propensity");
        boolean positivesOnly = !ratings && feedback != null && isBinary((Column) feedback, feedback);
        Interactions.Builder rows = Interactions.builder(users, items);
        int skipped = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            if (user.isMissing(r) || item.isMissing(r) || missing(time, r) || missing(feedback, r)
                    || missing(propensity, r)) {
                skipped++;
                continue;
            }
            float value = feedback == null ? 1f : (float) feedback.asDouble(r);
            if (positivesOnly && value == 0f) {
                continue;
            }
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
                    + " all present" + (positivesOnly ? " and " + columns.feedback() + " = 1" : ""));
        }
        return new Read(rows.build(), skipped);
    }

    private static NumericColumn chosen(Table table, String name, String role) {
        if (name == null) {
            return null;
        }
        if (table.column(name) instanceof NumericColumn numeric) {
            return numeric;
        }
        throw new RecsysException("the " + role + " column '" + name + "' of '" + table.name() + "' holds "
                + table.column(name).type().name().toLowerCase(Locale.ROOT) + " values; it must hold numbers or timestamps");
    }

    private static boolean missing(NumericColumn column, int row) {
        return column != null && ((Column) column).isMissing(row);
    }

    private static boolean isBinary(Column column, NumericColumn values) {
        for (int r = 0; r < column.size(); r++) {
            double v = values.asDouble(r);
            if (!column.isMissing(r) && v != 0 && v != 1) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Column> find(Table table, List<String> names) {
        for (String name : names) {
            for (Column column : table.columns()) {
                if (column.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }

    private static Column column(Table table, String name) {
        if (!table.hasColumn(name)) {
            throw new RecsysException(table.name() + " has no column '" + name + "' (its columns: "
                    + String.join(", ", table.columnNames()) + ")");
        }
        return table.column(name);
    }

    private static NumericColumn numeric(Table table, Column column) {
        if (column instanceof NumericColumn numbers) {
            return numbers;
        }
        throw new RecsysException(table.name() + ": the column '" + column.name() + "' holds " + column.type()
                .name().toLowerCase(Locale.ROOT) + " values, not numbers");
    }

    private static RecsysException missing(Table table, String what, List<String> names) {
        return new RecsysException(table.name() + " has no " + what + " column (one named " + String.join(", ",
                names) + "; its columns: " + String.join(", ", table.columnNames()) + ")");
    }
}
