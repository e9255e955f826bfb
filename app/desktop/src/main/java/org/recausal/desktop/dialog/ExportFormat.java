package org.recausal.desktop.dialog;

/** Formats views export to: pictures of the canvas or a chart, tables of results, structured results and reports. */
public enum ExportFormat {
    PNG("PNG image", "png"),
    SVG("SVG drawing", "svg"),
    CSV("CSV table", "csv"),
    JSON("JSON document", "json"),
    HTML("HTML report", "html");

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
