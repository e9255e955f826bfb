package org.recausal.desktop.data;

/** Whether a project carries a dataset's bytes or refers to its file. */
public enum Storage {
    EMBED("Embed in the project", "the project file carries a compressed copy; it travels alone"),
    REFERENCE("Refer to the file", "the project keeps the path, size and SHA-256; the file stays where it is");

    /** Files up to this size are embedded unless the analyst says otherwise; bigger ones are referred to. */
    static final long EMBED_BELOW_BYTES = 64L << 20;

    private final String label;
    private final String description;

    Storage(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    static Storage suggestedFor(long bytes) {
        return bytes < EMBED_BELOW_BYTES ? EMBED : REFERENCE;
    }

    @Override
    public String toString() {
        return label;
    }
}
