package org.recausal.engine.data;

/** Whole numbers stored as longs. */
public final class IntegerColumn extends Column implements NumericColumn {

    private final LongChunks values;

    IntegerColumn(String name, LongChunks values, Bits missing) {
        super(name, missing);
        this.values = values;
    }

    @Override
    public ColumnType type() {
        return ColumnType.INTEGER;
    }

    /** The value at a row; 0 when missing. */
    public long get(int row) {
        return values.get(row);
    }

    @Override
    public double asDouble(int row) {
        return values.get(row);
    }

    @Override
    public String text(int row) {
        return isMissing(row) ? "" : Long.toString(values.get(row));
    }

    @Override
    public IntegerColumn renamed(String newName) {
        return new IntegerColumn(newName, values, missingBits());
    }

    @Override
    public IntegerColumn gather(int[] rows) {
        LongChunks gathered = new LongChunks();
        for (int row : rows) {
            gathered.add(row < 0 ? 0 : values.get(row));
        }
        return new IntegerColumn(name(), gathered, gatherMissing(rows));
    }

    @Override
    public long estimatedBytes() {
        return values.bytes() + missingBits().bytes();
    }
}
