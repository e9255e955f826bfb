package org.recausal.desktop.window;

import java.nio.file.Path;
import java.util.Locale;

/** File-name rules shared by save and export. */
final class FileNames {
    private FileNames() {
    }

    /**
     * {@code file} with {@code extension} (with its dot) appended unless it already ends with it, since
     * some native choosers return exactly what was typed.
     */
    static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(extension.toLowerCase(Locale.ROOT))) {
            return file;
        }
        return file.resolveSibling(name + extension);
    }

    /** The file name without its last extension: {@code shop.recausal} gives {@code shop}. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
