package org.recausal.engine.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.recausal.engine.data.Column;
import org.recausal.engine.data.ColumnType;
import org.recausal.engine.data.Table;

/**
 * What a project's table says about its items: a readable name where a column holds one ({@code name},
 * {@code title}, {@code item_name}, ...) and a category, each read from a column whose value is the same on every
 * row of an item (an item trait, such as a column joined from the items' table).
 *
 * @param nameColumn     the column names come from, or null
 * @param categoryColumn the column categories come from, or null
 * @param names          item id to name
 * @param categories     item id to category
 */
public record ItemCatalogue(String nameColumn, String categoryColumn, Map<String, String> names,
        Map<String, String> categories) {

    public static final ItemCatalogue EMPTY = new ItemCatalogue(null, null, Map.of(), Map.of());

    public ItemCatalogue {
        names = Map.copyOf(names);
        categories = Map.copyOf(categories);
    }

    /** The item's name, else null. */
    public String name(String item) {
        return names.get(item);
    }

    /** The item's category, else null. */
    public String category(String item) {
        return categories.get(item);
    }

    /**
     * The categorical columns of {@code table} that are item traits (one value per item), in table order: the
     * columns a category can come from.
     */
    public static List<String> categoryColumns(Table table, String itemColumn) {
        List<String> found = new ArrayList<>();
        for (Column column : table.columns()) {
            if (column.type() == ColumnType.CATEGORICAL && !column.name().equals(itemColumn)
                    && traitOf(table.column(itemColumn), column) != null) {
                found.add(column.name());
            }
        }
        return found;
    }

    /**
     * Reads names from the first item trait named like a name or title, and categories from {@code categoryColumn}.
     *
     * @param categoryColumn a column of {@link #categoryColumns}, or null for no categories
     * @throws IllegalArgumentException when {@code categoryColumn} is not an item trait of the table
     */
    public static ItemCatalogue of(Table table, String itemColumn, String categoryColumn) {
        Column items = table.column(itemColumn);
        String nameColumn = null;
        Map<String, String> names = Map.of();
        for (Column column : table.columns()) {
            if (nameColumn == null && column != items && isNameLike(column.name())) {
                Map<String, String> values = traitOf(items, column);
                if (values != null) {
                    nameColumn = column.name();
                    names = values;
                }
            }
        }
        Map<String, String> categories = Map.of();
        if (categoryColumn != null) {
            if (!table.hasColumn(categoryColumn)) {
                throw new IllegalArgumentException(table.name() + " has no column '" + categoryColumn + "' (its columns: "
                        + String.join(", ", table.columnNames()) + ")");
            }
            categories = traitOf(items, table.column(categoryColumn));
            if (categories == null) {
                throw new IllegalArgumentException("'" + categoryColumn + "' of " + table.name() + " is not an item"
                        + " trait: some item has more than one value in it");
            }
        }
        return new ItemCatalogue(nameColumn, categoryColumn, names, categories);
    }

    private static boolean isNameLike(String column) {
        String n = column.toLowerCase(Locale.ROOT);
        return n.equals("name") || n.equals("title") || n.endsWith("_name") || n.endsWith("_title")
                || n.endsWith(".name") || n.endsWith(".title");
    }

    /** Each item's value in {@code column}, or null when some item has two different values. */
    private static Map<String, String> traitOf(Column items, Column column) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int r = 0; r < items.size(); r++) {
            if (items.isMissing(r) || column.isMissing(r)) {
                continue;
            }
            String item = items.text(r);
            String value = column.text(r);
            String before = values.putIfAbsent(item, value);
            if (before != null && !before.equals(value)) {
                return null;
            }
        }
        return values.isEmpty() ? null : values;
    }
}
