package org.recausal.desktop.query;

import org.recausal.engine.analysis.Path;

/** One path between exposure and outcome as the panel lists it: what it does given the set, and why. */
public record PathRow(Path path, Status status, String reason) {

    /** What the path does to the estimate, with the canvas style class that shows it. */
    public enum Status {
        /** Open and not wanted: it carries bias (red). */
        OPEN_BIASING("path-open", "Open biasing path"),
        /** Open and part of the effect asked about (green). */
        CAUSAL("path-causal", "Causal path"),
        /** Blocked by the set (grey, dashed). */
        BLOCKED("path-blocked", "Blocked path");

        private final String styleClass;
        private final String label;

        Status(String styleClass, String label) {
            this.styleClass = styleClass;
            this.label = label;
        }

        /** The style class in {@code canvas.css} (edges) and {@code query.css} (list markers). */
        public String styleClass() {
            return styleClass;
        }

        /** For the canvas legend. */
        public String label() {
            return label;
        }
    }

    /** DAGitty's path notation followed by the reason, e.g. {@code x <- z -> y   open: z is not adjusted for}. */
    public String text() {
        return path + "   " + reason;
    }
}
