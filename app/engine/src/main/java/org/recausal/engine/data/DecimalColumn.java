package org.recausal.engine.data;

/** Real numbers stored as doubles (raw bits in long chunks). */
public final class DecimalColumn extends Column implements NumericColumn {

    private final LongChunks bits;

    DecimalColumn(String name, LongChunks bits, Bits missing) {
        super(name, missing);
        this.bits = bits;
    }

    @Override
    public ColumnType type() {
        return ColumnType.DECIMAL;
    }

    /** The value at a row; 0 when missing. */
    public double get(int row) {
        return Double.longBitsToDouble(bits.get(row));
    }

    @Override
    public double asDouble(int row) {
        return get(row);
    }

    @Override
    public String text(int row) {
        return isMissing(row) ? "" : Double.toString(get(row));
    }

    @Override
    public DecimalColumn renamed(String newName) {
        return new DecimalColumn(newName, bits, missingBits());
    }

    @Override
    public DecimalColumn gather(int[] rows) {
        LongChunks gathered = new LongChunks();
        for (int row : rows) {
            gathered.add(row < 0 ? 0 : bits.get(row));
        }
        return new DecimalColumn(name(), gathered, gatherMissing(rows));
    }

    @Override
    public long estimatedBytes() {
        return bits.bytes() + missingBits().bytes();
    }
}
