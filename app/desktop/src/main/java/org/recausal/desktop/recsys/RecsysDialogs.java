package org.recausal.desktop.recsys;

import java.nio.file.Path;
import java.util.Optional;

import org.recausal.desktop.dialog.ExportFormat;

/**
 * The recommender views' questions that need a window of their own. The panel asks through this interface, so tests
 * answer from a script; {@link FxRecsysDialogs} shows the real ones.
 */
public interface RecsysDialogs {
    /** Model files: a zip archive documented in docs/recommender-model-format.md, as the command line writes them. */
    String MODEL_EXTENSION = "model";

    /** Shows the Train dialog for {@code model}; the settings when the analyst starts training. */
    Optional<TrainSettings> showTrain(TrainDialogModel model);

    /** A model file to open (one trained here or by {@code recausal train}), or empty when cancelled. */
    Optional<Path> chooseModelToOpen();

    /** Where to write a model file, or empty when cancelled. */
    Optional<Path> chooseModelToSave(String suggestedName);

    /** Where to write an export of {@code format} (a plot's picture or numbers), or empty when cancelled. */
    Optional<Path> chooseExportFile(ExportFormat format, String suggestedName);

    void showError(String title, String message);
}
