package org.recausal.desktop.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.recausal.engine.io.GraphFormat;

/**
 * Every question and message that needs a window of its own. View-models ask through this interface,
 * so tests answer with a script instead of clicking through real dialogs.
 */
public interface DialogService {

    /** A project file to open, or empty when the analyst cancels. {@code folder} may be null. */
    Optional<Path> chooseProjectToOpen(Path folder);

    /** Where to save the project, or empty when cancelled. {@code folder} may be null. */
    Optional<Path> chooseProjectSaveFile(String suggestedName, Path folder);

    /** Where to export the picture, or empty when cancelled. {@code folder} may be null. */
    Optional<Path> chooseExportFile(ExportFormat format, String suggestedName, Path folder);

    /** A trained recommender's model file to open, or empty when cancelled. {@code folder} may be null. */
    Optional<Path> chooseModelToOpen(Path folder);

    /** A graph file to import (DAGitty, GraphML, DOT, GML, Tetrad, BIF, JSON), or empty when cancelled. */
    Optional<Path> chooseGraphToImport(Path folder);

    /**
     * Where to export the graph and in which of {@code formats} (the one whose filter was chosen), or
     * empty when cancelled. {@code folder} may be null.
     */
    Optional<GraphExportChoice> chooseGraphExport(List<GraphFormat> formats, String suggestedName, Path folder);

    /** Whether to save the unsaved changes to {@code projectName} before they would be lost. */
    SaveChoice askSaveChanges(String projectName);

    void showError(String title, String message);

    void showInformation(String title, String header, String message);
}
