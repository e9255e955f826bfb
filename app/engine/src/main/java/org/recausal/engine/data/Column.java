package org.recausal.engine.data;

/**
 * One column of a {@link Table}: values in primitive storage, missing values in a bitset. Immutable once built.
 */
public abstract sealed class Column permits IntegerColumn, DecimalColumn, BooleanColumn, TimestampColumn,
        CategoricalColumn {

    private final String name;
    private final Bits missing;

    Column(String name, Bits missing) {
        this.name = name;
        this.missing = missing;
    }

    public final String name() {
        return name;
    }

    public abstract ColumnType type();

    public final int size() {
        return missing.size();
    }

    public final boolean isMissing(int row) {
        return missing.get(row);
    }

    public final int missingCount() {
        return missing.ones();
    }

    /** The value at a row as text, as it would be written back to a file; empty for missing. */
    public abstract String text(int row);

    /** A copy under another name, sharing the stored values. */
    public abstract Column renamed(String newName);

    /**
     * A new column whose row {@code i} holds this column's row {@code rows[i]}, or a missing value where
     * {@code rows[i]} is negative. Used by joins.
     */
    public abstract Column gather(int[] rows);

    /** Approximate heap bytes held by this column's storage. */
    public abstract long estimatedBytes();

    final Bits missingBits() {
        return missing;
    }

    final Bits gatherMissing(int[] rows) {
        Bits gathered = new Bits();
        for (int row : rows) {
            gathered.add(row < 0 || missing.get(row));
        }
        return gathered;
    }

    @Override
    public String toString() {
        return name + " (" + type().name().toLowerCase(java.util.Locale.ROOT) + ", " + size() + " rows)";
    }
}
