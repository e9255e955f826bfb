package org.recausal.engine.dag;

import java.util.Objects;

/**
 * A direct cause {@code from -> to}. JGraphT keeps edges by identity, so the endpoints are stored here
 * too: an edge can be described without asking the graph.
 */
public final class CausalEdge {
    private final String from;
    private final String to;
    private final String note;

    public CausalEdge(String from, String to, String note) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.note = note == null ? "" : note;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    /** Free text, e.g. the mechanism or the evidence behind the arrow. Empty when none. */
    public String note() {
        return note;
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
