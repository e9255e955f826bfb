package org.recausal.engine.io;

/**
 * A graph file that cannot be read. Carries the 1-based line and column where the problem was found
 * (0 when the problem concerns the file as a whole), so the editor can put the caret there.
 */
public final class GraphParseException extends RuntimeException {
    private final int line;
    private final int column;
    private final String reason;

    public GraphParseException(int line, int column, String reason) {
        this(line, column, reason, null);
    }

    public GraphParseException(int line, int column, String reason, Throwable cause) {
        super(line > 0 ? "Line " + line + ", column " + column + ": " + reason : reason, cause);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the position prefix. */
    public String reason() {
        return reason;
    }
}
