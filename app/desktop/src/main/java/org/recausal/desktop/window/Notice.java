package org.recausal.desktop.window;

/**
 * A message for the notification bar above the canvas: a refused edit, a finished export. Compared by
 * identity, so telling the same thing twice shows it twice.
 */
public final class Notice {
    public enum Kind {
        INFO,
        WARNING
    }

    private final Kind kind;
    private final String text;

    public Notice(Kind kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    public Kind kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return kind + ": " + text;
    }
}
