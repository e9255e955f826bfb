package org.recausal.desktop.dialog;

import java.nio.file.Path;
import java.util.Objects;

import org.recausal.engine.io.GraphFormat;

/** The file a graph export goes to and the format whose filter the analyst chose. */
public record GraphExportChoice(Path file, GraphFormat format) {
    public GraphExportChoice {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
    }
}
