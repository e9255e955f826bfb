package org.recausal.engine.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A named set of equally long columns, looked up by name. Immutable. */
public final class Table {

    private final String name;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final int rowCount;

    public Table(String name, List<? extends Column> columns) {
        this.name = name;
        int rows = columns.isEmpty() ? 0 : columns.getFirst().size();
        for (Column column : columns) {
            if (column.size() != rows) {
                throw new DataException("column '" + column.name() + "' has " + column.size()
                        + " rows, but table '" + name + "' has " + rows);
            }
            if (this.columns.putIfAbsent(column.name(), column) != null) {
                throw new DataException("table '" + name + "' would have two columns named '" + column.name() + "'");
            }
        }
        this.rowCount = rows;
    }

    public String name() {
        return name;
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columns.size();
    }

    public List<Column> columns() {
        return List.copyOf(columns.values());
    }

    public List<String> columnNames() {
        return Collections.unmodifiableList(new ArrayList<>(columns.keySet()));
    }

    public boolean hasColumn(String columnName) {
        return columns.containsKey(columnName);
    }

    /** @throws DataException naming the table's columns when there is no column of that name */
    public Column column(String columnName) {
        Column column = columns.get(columnName);
        if (column == null) {
            throw new DataException("table '" + name + "' has no column '" + columnName + "'; its columns are "
                    + String.join(", ", columns.keySet()));
        }
        return column;
    }

    public IntegerColumn integers(String columnName) {
        return typed(columnName, IntegerColumn.class, "whole numbers");
    }

    public DecimalColumn decimals(String columnName) {
        return typed(columnName, DecimalColumn.class, "decimal numbers");
    }

    public BooleanColumn booleans(String columnName) {
        return typed(columnName, BooleanColumn.class, "booleans");
    }

    public TimestampColumn timestamps(String columnName) {
        return typed(columnName, TimestampColumn.class, "timestamps");
    }

    /** A categorical or id column. */
    public CategoricalColumn labels(String columnName) {
        return typed(columnName, CategoricalColumn.class, "labels (categorical or id)");
    }

    /** Any column readable as numbers: integers, decimals, timestamps, booleans. */
    public NumericColumn numeric(String columnName) {
        Column column = column(columnName);
        if (column instanceof NumericColumn numeric) {
            return numeric;
        }
        throw wrongType(column, "numbers");
    }

    /** Approximate heap bytes held by the columns. */
    public long estimatedBytes() {
        return columns.values().stream().mapToLong(Column::estimatedBytes).sum();
    }

    private <C extends Column> C typed(String columnName, Class<C> kind, String wanted) {
        Column column = column(columnName);
        if (kind.isInstance(column)) {
            return kind.cast(column);
        }
        throw wrongType(column, wanted);
    }

    private DataException wrongType(Column column, String wanted) {
        return new DataException("column '" + column.name() + "' of table '" + name + "' holds "
                + column.type().name().toLowerCase(java.util.Locale.ROOT) + " values, not " + wanted);
    }

    @Override
    public String toString() {
        return name + " (" + rowCount + " rows, " + columns.size() + " columns)";
    }
}
