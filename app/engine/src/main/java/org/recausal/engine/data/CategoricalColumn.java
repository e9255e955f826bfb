package org.recausal.engine.data;

/** Labels stored as int codes into a {@link Dictionary}; code -1 marks a missing value. */
public final class CategoricalColumn extends Column {

    private final ColumnType type;
    private final IntChunks codes;
    private final Dictionary dictionary;

    CategoricalColumn(String name, ColumnType type, IntChunks codes, Dictionary dictionary, Bits missing) {
        super(name, missing);
        this.type = type;
        this.codes = codes;
        this.dictionary = dictionary;
    }

    /** {@link ColumnType#CATEGORICAL} or {@link ColumnType#ID}. */
    @Override
    public ColumnType type() {
        return type;
    }

    /** The code of the label at a row, or -1 when missing. */
    public int code(int row) {
        return codes.get(row);
    }

    /** The label at a row, or null when missing. */
    public String label(int row) {
        int code = codes.get(row);
        return code < 0 ? null : dictionary.label(code);
    }

    public Dictionary dictionary() {
        return dictionary;
    }

    @Override
    public String text(int row) {
        int code = codes.get(row);
        return code < 0 ? "" : dictionary.label(code);
    }

    @Override
    public CategoricalColumn renamed(String newName) {
        return new CategoricalColumn(newName, type, codes, dictionary, missingBits());
    }

    @Override
    public CategoricalColumn gather(int[] rows) {
        IntChunks gathered = new IntChunks();
        for (int row : rows) {
            gathered.add(row < 0 ? -1 : codes.get(row));
        }
        return new CategoricalColumn(name(), type, gathered, dictionary, gatherMissing(rows));
    }

    @Override
    public long estimatedBytes() {
        return codes.bytes() + missingBits().bytes() + dictionary.estimatedBytes();
    }
}
