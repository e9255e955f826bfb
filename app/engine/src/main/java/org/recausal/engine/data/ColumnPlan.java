package org.recausal.engine.data;

/**
 * How one column will be read: its name, its type, the timestamp format where it is a timestamp, and whether the
 * type was inferred from the sample (and so may be widened) or set by the analyst.
 */
record ColumnPlan(String name, ColumnType type, TimestampFormat timestampFormat, boolean inferred) {
}
