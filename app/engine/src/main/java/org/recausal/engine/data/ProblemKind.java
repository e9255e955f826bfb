package org.recausal.engine.data;

/** The kinds of trouble an import meets in a file's records and cells. */
public enum ProblemKind {
    /** A record has more or fewer fields than the table has columns. */
    WRONG_FIELD_COUNT("wrong number of fields"),
    /** A cell does not read as its column's type (a number, a boolean, a timestamp). */
    UNPARSABLE_VALUE("unreadable value"),
    /** A cell is empty or holds one of the missing-value tokens. */
    MISSING_VALUE("missing value"),
    /** A quoted field is never closed, so the rest of the file was read into it. */
    UNCLOSED_QUOTE("unclosed quote");

    private final String label;

    ProblemKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
