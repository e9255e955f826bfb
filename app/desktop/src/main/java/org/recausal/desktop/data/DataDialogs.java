package org.recausal.desktop.data;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The data views' questions that need a window of their own. The views ask through this interface, so tests answer
 * from a script; {@link FxDataDialogs} shows the real ones.
 */
public interface DataDialogs {

    /** A delimited text file to import (CSV, TSV, gzipped or not), or empty when cancelled; folder may be null. */
    Optional<Path> chooseDataFile(Path folder);

    /** Shows the import dialog for {@code model} (its file set) until the dataset is added or the dialog closed. */
    Optional<ImportDialogModel.Imported> showImport(ImportDialogModel model);

    /**
     * A referenced dataset's file is missing or changed: what to do.
     *
     * @param changed true when a file is there with other content, false when none is there
     */
    RelinkChoice askRelink(String dataset, String whatHappened, boolean changed);

    /** The file a dataset now lives in, or empty when cancelled. */
    Optional<Path> chooseRelinkFile(String dataset, String expectedName, Path folder);

    void showError(String title, String message);

    /** The answers to "the data file moved or changed". */
    enum RelinkChoice {
        /** Point the dataset at the file where it is now. */
        LOCATE,
        /** Take the changed file as the dataset from now on (its new size and SHA-256 are recorded). */
        ACCEPT_CHANGED,
        /** Keep the dataset in the project without data for now; nothing is read from the changed file. */
        LEAVE_UNLOADED
    }
}
