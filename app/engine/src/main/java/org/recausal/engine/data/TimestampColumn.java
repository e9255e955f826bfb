package org.recausal.engine.data;

import java.time.Instant;

/** Points in time stored as epoch milliseconds. */
public final class TimestampColumn extends Column implements NumericColumn {

    private final LongChunks millis;

    TimestampColumn(String name, LongChunks millis, Bits missing) {
        super(name, missing);
        this.millis = millis;
    }

    @Override
    public ColumnType type() {
        return ColumnType.TIMESTAMP;
    }

    /** Milliseconds since 1970-01-01T00:00Z; 0 when missing. */
    public long epochMillis(int row) {
        return millis.get(row);
    }

    /** The instant at a row, or null when missing. */
    public Instant instant(int row) {
        return isMissing(row) ? null : Instant.ofEpochMilli(millis.get(row));
    }

    @Override
    public double asDouble(int row) {
        return millis.get(row);
    }

    @Override
    public String text(int row) {
        return isMissing(row) ? "" : Instant.ofEpochMilli(millis.get(row)).toString();
    }

    @Override
    public TimestampColumn renamed(String newName) {
        return new TimestampColumn(newName, millis, missingBits());
    }

    @Override
    public TimestampColumn gather(int[] rows) {
        LongChunks gathered = new LongChunks();
        for (int row : rows) {
            gathered.add(row < 0 ? 0 : millis.get(row));
        }
        return new TimestampColumn(name(), gathered, gatherMissing(rows));
    }

    @Override
    public long estimatedBytes() {
        return millis.bytes() + missingBits().bytes();
    }
}
