package org.recausal.engine.data;

/** How the cells of a timestamp column are written. */
enum TimestampFormat {
    /** ISO 8601 date or date-time, {@code 2024-03-01}, {@code 2024-03-01T12:30:00Z}, {@code 2024-03-01 12:30}. */
    ISO,
    /** Whole seconds since 1970-01-01T00:00Z. */
    EPOCH_SECONDS,
    /** Whole milliseconds since 1970-01-01T00:00Z. */
    EPOCH_MILLIS
}
