package org.recausal.engine.io;

/** A 1-based line and column in an imported text. */
record TextPosition(int line, int column) {
    static final TextPosition UNKNOWN = new TextPosition(0, 0);

    GraphParseException error(String reason) {
        return new GraphParseException(line, column, reason);
    }

    GraphParseException cycle(String reason, java.util.List<String> cycle) {
        return GraphParseException.cyclic(line, column, reason, cycle);
    }
}
