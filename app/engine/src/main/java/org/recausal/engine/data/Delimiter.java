package org.recausal.engine.data;

/** The field separators an import understands; {@link #AUTO} lets the reader pick one from a sample. */
public enum Delimiter {
    AUTO('\0', "detect"),
    COMMA(',', "comma"),
    TAB('\t', "tab"),
    SEMICOLON(';', "semicolon"),
    PIPE('|', "pipe"),
    SPACE(' ', "space");

    private final char symbol;
    private final String label;

    Delimiter(char symbol, String label) {
        this.symbol = symbol;
        this.label = label;
    }

    public char symbol() {
        return symbol;
    }

    public String label() {
        return label;
    }
}
