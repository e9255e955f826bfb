package org.recausal.desktop.recsys;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.recausal.desktop.dialog.ExportFormat;

/** The real recommender dialogs: the Train dialog, native file choosers and alerts, owned by the main window. */
public final class FxRecsysDialogs implements RecsysDialogs {
    private static final FileChooser.ExtensionFilter MODELS = new FileChooser.ExtensionFilter(
            "Recausal recommender models (*." + MODEL_EXTENSION + ")", "*." + MODEL_EXTENSION);

    private final Window owner;
    private final List<String> stylesheets;
    private File lastFolder;

    /** @param stylesheets the application's stylesheets, so the dialogs look like the main window */
    public FxRecsysDialogs(Window owner, List<String> stylesheets) {
        this.owner = owner;
        this.stylesheets = List.copyOf(stylesheets);
    }

    @Override
    public Optional<TrainSettings> showTrain(TrainDialogModel model) {
        return new TrainDialog(owner, stylesheets, model).showAndWait();
    }

    @Override
    public Optional<Path> chooseModelToOpen() {
        FileChooser chooser = chooser("Open a recommender model");
        chooser.getExtensionFilters().addAll(MODELS, new FileChooser.ExtensionFilter("All files", "*"));
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseModelToSave(String suggestedName) {
        FileChooser chooser = chooser("Export the recommender model");
        chooser.getExtensionFilters().add(MODELS);
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseExportFile(ExportFormat format, String suggestedName) {
        FileChooser chooser = chooser("Export as " + format.label());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.label() + " (*." + format.extension()
                + ")", "*." + format.extension()));
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().getStylesheets().addAll(stylesheets);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.showAndWait();
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file != null) {
            lastFolder = file.getParentFile();
        }
        return Optional.ofNullable(file).map(File::toPath);
    }
}
