package org.recausal.engine.data;

import java.util.Locale;
import org.recausal.engine.dag.DataType;

/** How a column of an imported table is stored and read. */
public enum ColumnType {
    /** Whole numbers, stored as longs. */
    INTEGER(DataType.COUNT),
    /** Real numbers, stored as doubles. */
    DECIMAL(DataType.CONTINUOUS),
    /** true/false, yes/no or 0/1. */
    BOOLEAN(DataType.BINARY),
    /** Labels, dictionary-encoded. */
    CATEGORICAL(DataType.CATEGORICAL),
    /** Points in time, stored as epoch milliseconds (UTC when the text names no offset). */
    TIMESTAMP(DataType.TIMESTAMP),
    /** Identifiers of users, items, sessions...: labels with many distinct values, dictionary-encoded. */
    ID(DataType.CATEGORICAL);

    private final DataType dataType;

    ColumnType(DataType dataType) {
        this.dataType = dataType;
    }

    /** The measurement scale a causal variable built from this column gets by default. */
    public DataType dataType() {
        return dataType;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || this == TIMESTAMP || this == BOOLEAN;
    }

    public boolean isDictionaryEncoded() {
        return this == CATEGORICAL || this == ID;
    }

    public static ColumnType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown column type '" + text
                    + "' (expected one of integer, decimal, boolean, categorical, timestamp, id)", e);
        }
    }
}
