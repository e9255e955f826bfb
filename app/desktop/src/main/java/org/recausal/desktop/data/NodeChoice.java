package org.recausal.desktop.data;

import java.util.Objects;

/**
 * What the analyst chose for a column in the mapping editor: map it by name (the default), to no node, or to a
 * particular node whatever the names.
 */
public record NodeChoice(Kind kind, String node) {

    public enum Kind { BY_NAME, NONE, NODE }

    public static final NodeChoice BY_NAME = new NodeChoice(Kind.BY_NAME, null);
    public static final NodeChoice NONE = new NodeChoice(Kind.NONE, null);

    public NodeChoice {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.NODE) != (node != null)) {
            throw new IllegalArgumentException("a node is named exactly when the choice is a node");
        }
    }

    public static NodeChoice node(String node) {
        return new NodeChoice(Kind.NODE, node);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case BY_NAME -> "by name";
            case NONE -> "\u2014 no node \u2014";
            case NODE -> node;
        };
    }
}
