package org.recausal.desktop.recsys;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.recausal.desktop.dialog.ExportFormat;
import org.recausal.desktop.dialog.NativeDialogs;

/** The real recommender dialogs: the Train dialog, native file choosers and alerts, owned by the main window. */
public final class FxRecsysDialogs implements RecsysDialogs {
    private static final FileChooser.ExtensionFilter MODELS = new FileChooser.ExtensionFilter(
            "Recausal recommender models (*." + MODEL_EXTENSION + ")", "*." + MODEL_EXTENSION);

    private final NativeDialogs dialogs;

    /** @param stylesheets the application's stylesheets, so the dialogs look like the main window */
    public FxRecsysDialogs(Window owner, List<String> stylesheets) {
        this.dialogs = new NativeDialogs(owner, stylesheets);
    }

    @Override
    public Optional<TrainSettings> showTrain(TrainDialogModel model) {
        return new TrainDialog(dialogs.owner(), dialogs.stylesheets(), model).showAndWait();
    }

    @Override
    public Optional<Path> chooseModelToOpen() {
        FileChooser chooser = dialogs.chooser("Open a recommender model", null);
        chooser.getExtensionFilters().addAll(MODELS, new FileChooser.ExtensionFilter("All files", "*"));
        return dialogs.open(chooser);
    }

    @Override
    public Optional<Path> chooseModelToSave(String suggestedName) {
        FileChooser chooser = dialogs.chooser("Export the recommender model", null);
        chooser.getExtensionFilters().add(MODELS);
        chooser.setInitialFileName(suggestedName);
        return dialogs.save(chooser);
    }

    @Override
    public Optional<Path> chooseExportFile(ExportFormat format, String suggestedName) {
        return dialogs.save(dialogs.exportChooser(format, suggestedName, null));
    }

    @Override
    public void showError(String title, String message) {
        dialogs.showError(title, message);
    }
}
