package org.recausal.engine.data;

/** A column whose values can be read as numbers: integers, decimals, timestamps (epoch millis), booleans (0/1). */
public sealed interface NumericColumn permits IntegerColumn, DecimalColumn, BooleanColumn, TimestampColumn {

    /** The value as a double; 0 for a missing value, so check {@link Column#isMissing(int)} first. */
    double asDouble(int row);
}
