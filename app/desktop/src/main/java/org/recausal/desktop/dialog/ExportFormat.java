package org.recausal.desktop.dialog;

/** Picture formats the canvas can be exported to. */
public enum ExportFormat {
    PNG("PNG image", "png"),
    SVG("SVG drawing", "svg");

    private final String label;
    private final String extension;

    ExportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    /** Without the dot, e.g. {@code png}. */
    public String extension() {
        return extension;
    }
}
