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
 * feedback are left out.
 */
public final class TableInteractions {
    private static final List<String> USER = List.of("user_id", "user", "userid", "uid");
    private static final List<String> ITEM = List.of("item_id", "item", "itemid", "iid");
    private static final List<String> FEEDBACK = List.of("click", "rating", "feedback", "value", "label");
    private static final List<String> TIME = List.of("timestamp", "time", "order");
    private static final List<String> PROPENSITY = List.of("propensity", "exposure_propensity");

    private TableInteractions() {
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
        Column user = find(table, USER).orElseThrow(() -> missing(table, "user", USER));
        Column item = find(table, ITEM).orElseThrow(() -> missing(table, "item", ITEM));
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
