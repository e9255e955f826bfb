package org.recausal.engine.data;

/** true/false values, one bit per row. */
public final class BooleanColumn extends Column implements NumericColumn {

    private final Bits values;

    BooleanColumn(String name, Bits values, Bits missing) {
        super(name, missing);
        this.values = values;
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }

    /** The value at a row; false when missing. */
    public boolean get(int row) {
        return values.get(row);
    }

    @Override
    public double asDouble(int row) {
        return values.get(row) ? 1 : 0;
    }

    @Override
    public String text(int row) {
        return isMissing(row) ? "" : Boolean.toString(values.get(row));
    }

    @Override
    public BooleanColumn renamed(String newName) {
        return new BooleanColumn(newName, values, missingBits());
    }

    @Override
    public BooleanColumn gather(int[] rows) {
        Bits gathered = new Bits();
        for (int row : rows) {
            gathered.add(row >= 0 && values.get(row));
        }
        return new BooleanColumn(name(), gathered, gatherMissing(rows));
    }

    @Override
    public long estimatedBytes() {
        return values.bytes() + missingBits().bytes();
    }
}
