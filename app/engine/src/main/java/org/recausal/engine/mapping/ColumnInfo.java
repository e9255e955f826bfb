package org.recausal.engine.mapping;

import java.util.List;
import java.util.Objects;

import org.recausal.engine.data.Column;
import org.recausal.engine.data.ColumnSummary;
import org.recausal.engine.data.ColumnType;
import org.recausal.engine.data.Table;

/**
 * What the mapping needs to know of a column without its data: its name, type and, where it was counted, how
 * many distinct values it holds (to tell a binary column from a many-valued one).
 *
 * @param distinct distinct non-missing values, or -1 when not counted
 */
public record ColumnInfo(String name, ColumnType type, long distinct) {

    public static final long UNCOUNTED = -1;

    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (distinct < UNCOUNTED) {
            throw new IllegalArgumentException("distinct must be -1 (not counted) or a count, not " + distinct);
        }
    }

    /** Counts distinct values for the types where the count decides compatibility (labels, integers, booleans). */
    public static ColumnInfo of(Column column) {
        boolean counted = switch (column.type()) {
            case CATEGORICAL, ID, INTEGER, BOOLEAN -> true;
            case DECIMAL, TIMESTAMP -> false;
        };
        if (!counted) {
            return new ColumnInfo(column.name(), column.type(), UNCOUNTED);
        }
        ColumnSummary summary = ColumnSummary.of(column, 0);
        return new ColumnInfo(column.name(), column.type(), summary.distinctExact() ? summary.distinct() : UNCOUNTED);
    }

    public static List<ColumnInfo> of(Table table) {
        return table.columns().stream().map(ColumnInfo::of).toList();
    }

    public boolean distinctKnown() {
        return distinct != UNCOUNTED;
    }
}
