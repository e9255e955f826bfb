package org.recausal.engine.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Left joins that attach attribute tables (users, items) to an interaction table. Keys are compared as text, so an
 * integer key matches an id label written the same way. The right table must hold each key once.
 */
public final class TableJoin {

    static final int EXAMPLES = 10;

    private TableJoin() {
    }

    /** interactions ⟕ users ⟕ items: the table an analysis works on. */
    public static JoinResult analysisTable(Table interactions, String userKey, Table users, String usersKey,
            String itemKey, Table items, String itemsKey) {
        JoinResult withUsers = leftJoin(interactions, userKey, users, usersKey);
        JoinResult withItems = leftJoin(withUsers.table(), itemKey, items, itemsKey);
        List<JoinReport> reports = new ArrayList<>(withUsers.reports());
        reports.addAll(withItems.reports());
        return new JoinResult(withItems.table(), reports);
    }

    /**
     * Every row of {@code left}, with the columns of {@code right} (except its key) from the row whose key matches;
     * missing where none does. A right column whose name the left table already has is named
     * {@code rightTable.column}.
     */
    public static JoinResult leftJoin(Table left, String leftKey, Table right, String rightKey) {
        Column leftColumn = keyColumn(left, leftKey);
        Map<String, Integer> index = index(right, keyColumn(right, rightKey));
        int[] matches = new int[left.rowCount()];
        boolean[] used = new boolean[right.rowCount()];
        Set<String> unmatched = new LinkedHashSet<>();
        long unmatchedRows = 0;
        long missingKeys = 0;
        for (int row = 0; row < matches.length; row++) {
            String key = keyText(leftColumn, row);
            Integer match = key == null ? null : index.get(key);
            if (key == null) {
                missingKeys++;
            } else if (match == null) {
                unmatchedRows++;
                unmatched.add(key);
            } else {
                used[match] = true;
            }
            matches[row] = match == null ? -1 : match;
        }
        long unused = 0;
        for (boolean u : used) {
            unused += u ? 0 : 1;
        }
        List<Column> columns = new ArrayList<>(left.columns());
        for (Column column : right.columns()) {
            if (column.name().equals(rightKey)) {
                continue;
            }
            String name = left.hasColumn(column.name()) ? right.name() + "." + column.name() : column.name();
            columns.add(column.gather(matches).renamed(name));
        }
        Table joined = new Table(left.name(), columns);
        JoinReport report = new JoinReport(left.name(), leftKey, right.name(), rightKey, unmatchedRows,
                unmatched.size(), unmatched.stream().limit(EXAMPLES).toList(), missingKeys, unused);
        return new JoinResult(joined, List.of(report));
    }

    private static Column keyColumn(Table table, String name) {
        Column column = table.column(name);
        if (!(column instanceof CategoricalColumn || column instanceof IntegerColumn)) {
            throw new DataException("column '" + name + "' of table '" + table.name() + "' holds "
                    + column.type().name().toLowerCase(java.util.Locale.ROOT)
                    + " values; a join key must hold whole numbers or labels");
        }
        return column;
    }

    private static Map<String, Integer> index(Table table, Column key) {
        Map<String, Integer> index = new HashMap<>();
        for (int row = 0; row < key.size(); row++) {
            String text = keyText(key, row);
            if (text == null) {
                continue;
            }
            Integer earlier = index.putIfAbsent(text, row);
            if (earlier != null) {
                throw new DataException("table '" + table.name() + "' holds key '" + text + "' of column '"
                        + key.name() + "' twice (rows " + (earlier + 1) + " and " + (row + 1)
                        + "); a table joined on its key must have one row per key");
            }
        }
        return index;
    }

    /** A key as text (labels come from the dictionary's cache), or null when missing. */
    private static String keyText(Column key, int row) {
        return key.isMissing(row) ? null : key.text(row);
    }
}
