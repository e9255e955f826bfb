package org.recausal.desktop.dialog;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * What every family of real dialogs (project, data, recommenders) is built from: native file choosers that start
 * where the analyst last chose a file, and alerts owned by the main window and styled like it.
 */
public final class NativeDialogs {
    private final Window owner;
    private final List<String> stylesheets;
    private Path lastFolder;

    /** @param stylesheets the application's stylesheets, so the dialogs look like the main window */
    public NativeDialogs(Window owner, List<String> stylesheets) {
        this.owner = owner;
        this.stylesheets = List.copyOf(stylesheets);
    }

    public Window owner() {
        return owner;
    }

    public List<String> stylesheets() {
        return stylesheets;
    }

    /** A chooser titled {@code title} that starts in {@code folder}, or without one where the last file was chosen. */
    public FileChooser chooser(String title, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        Path start = folder != null ? folder : lastFolder;
        if (start != null && Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        return chooser;
    }

    /** A chooser for a file to export in {@code format}, named {@code suggestedName} to begin with. */
    public FileChooser exportChooser(ExportFormat format, String suggestedName, Path folder) {
        FileChooser chooser = chooser("Export as " + format.label(), folder);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                format.label() + " (*." + format.extension() + ")", "*." + format.extension()));
        chooser.setInitialFileName(suggestedName);
        return chooser;
    }

    /** Shows {@code chooser} to open a file; the file's folder is where the next chooser starts. */
    public Optional<Path> open(FileChooser chooser) {
        return remember(chooser.showOpenDialog(owner));
    }

    /** Shows {@code chooser} to save a file; the file's folder is where the next chooser starts. */
    public Optional<Path> save(FileChooser chooser) {
        return remember(chooser.showSaveDialog(owner));
    }

    public Alert alert(Alert.AlertType type, String title, String header, String message) {
        Alert alert = new Alert(type, message);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        DialogPane pane = alert.getDialogPane();
        pane.getStylesheets().addAll(stylesheets);
        // Long messages (file errors name paths) wrap instead of being cut off.
        pane.setMinHeight(Region.USE_PREF_SIZE);
        pane.setPrefWidth(520);
        return alert;
    }

    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, title, message).showAndWait();
    }

    private Optional<Path> remember(File file) {
        if (file != null && file.getParentFile() != null) {
            lastFolder = file.getParentFile().toPath();
        }
        return Optional.ofNullable(file).map(File::toPath);
    }
}
