package org.recausal.desktop.canvas;

/**
 * The scene-graph ids of the canvas's variables and edges, for {@code lookup("#" + id)} in tests and
 * other panels. A variable name may hold a '.', which a CSS selector reads as the start of a style
 * class ({@code #node-a.b} means id {@code node-a} with class {@code b}), and JavaFX selectors take no
 * backslash escapes. So each '.' is written as '·' (U+00B7, a middle dot): it is legal in an id, no
 * variable name can hold it, and it reads like the dot it stands for. Names can hold no '-' either, so
 * the '-' between an edge's two names is never ambiguous.
 */
public final class CanvasIds {
    /** What a '.' of a variable name becomes in an id. */
    public static final char DOT = '\u00B7';

    private CanvasIds() {
    }

    /** {@code node-<name>}: the variable's box. */
    public static String node(String name) {
        return "node-" + safe(name);
    }

    /** {@code connector-<name>}: the ring at the bottom of the variable's box to drag new edges from. */
    public static String connector(String name) {
        return "connector-" + safe(name);
    }

    /** {@code edge-<from>-<to>}: the edge's line (a {@code Path}). */
    public static String edge(String from, String to) {
        return "edge-" + safe(from) + "-" + safe(to);
    }

    private static String safe(String name) {
        return name.replace('.', DOT);
    }
}
