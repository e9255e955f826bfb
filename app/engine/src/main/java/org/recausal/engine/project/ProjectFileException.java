package org.recausal.engine.project;

/**
 * A project file that cannot be read or written. The message is for the analyst: it names the file,
 * the part inside it and what is wrong, e.g. {@code shop.recausal: graph.json: edge 3 names unknown variable 'clik'}.
 */
public class ProjectFileException extends Exception {
    public ProjectFileException(String message) {
        super(message);
    }

    public ProjectFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
