package org.recausal.engine.io;

import java.util.List;

/**
 * A graph file that cannot be read. Carries the 1-based line and column where the problem was found
 * (0 when the problem concerns the file as a whole), so the editor can put the caret there.
 */
public final class GraphParseException extends RuntimeException {
    private final int line;
    private final int column;
    private final String reason;
    private final List<String> cycle;

    public GraphParseException(int line, int column, String reason) {
        this(line, column, reason, null);
    }

    public GraphParseException(int line, int column, String reason, Throwable cause) {
        this(line, column, reason, cause, List.of());
    }

    private GraphParseException(int line, int column, String reason, Throwable cause, List<String> cycle) {
        super(line > 0 ? "Line " + line + ", column " + column + ": " + reason : reason, cause);
        this.line = line;
        this.column = column;
        this.reason = reason;
        this.cycle = List.copyOf(cycle);
    }

    /** The file describes a directed cycle, so it is not a DAG; {@code cycle} lists it, first node repeated at the end. */
    public static GraphParseException cyclic(int line, int column, String reason, List<String> cycle) {
        return new GraphParseException(line, column, reason, null, cycle);
    }

    /** The directed cycle that made the file unreadable as a DAG; empty for every other problem. */
    public List<String> cycle() {
        return cycle;
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
