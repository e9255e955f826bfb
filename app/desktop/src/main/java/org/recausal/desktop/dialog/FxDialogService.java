package org.recausal.desktop.dialog;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.recausal.engine.io.GraphFormat;
import org.recausal.engine.project.ProjectFiles;

/** The real dialogs: native file choosers and alerts owned by the main window. */
public final class FxDialogService implements DialogService {
    private static final FileChooser.ExtensionFilter PROJECTS =
            new FileChooser.ExtensionFilter("Recausal projects (*" + ProjectFiles.EXTENSION + ")",
                    "*" + ProjectFiles.EXTENSION);

    private final Window owner;
    private final String stylesheet;

    /** @param stylesheet the application stylesheet, so dialogs look like the main window */
    public FxDialogService(Window owner, String stylesheet) {
        this.owner = owner;
        this.stylesheet = stylesheet;
    }

    @Override
    public Optional<Path> chooseProjectToOpen(Path folder) {
        FileChooser chooser = chooser("Open project", folder);
        chooser.getExtensionFilters().addAll(PROJECTS, new FileChooser.ExtensionFilter("All files", "*"));
        return toPath(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseProjectSaveFile(String suggestedName, Path folder) {
        FileChooser chooser = chooser("Save project", folder);
        chooser.getExtensionFilters().add(PROJECTS);
        chooser.setInitialFileName(suggestedName);
        return toPath(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseExportFile(ExportFormat format, String suggestedName, Path folder) {
        FileChooser chooser = chooser("Export as " + format.label(), folder);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                format.label() + " (*." + format.extension() + ")", "*." + format.extension()));
        chooser.setInitialFileName(suggestedName);
        return toPath(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseModelToOpen(Path folder) {
        FileChooser chooser = chooser("Open recommender model", folder);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Recommender models (*.model)", "*.model"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return toPath(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseGraphToImport(Path folder) {
        FileChooser chooser = chooser("Import graph", folder);
        List<String> patterns = new ArrayList<>();
        List<FileChooser.ExtensionFilter> each = new ArrayList<>();
        for (GraphFormat format : GraphFormat.values()) {
            if (!format.extensions().isEmpty()) {
                List<String> globs = format.extensions().stream().map(extension -> "*." + extension).toList();
                patterns.addAll(globs);
                each.add(new FileChooser.ExtensionFilter(format.label() + " (" + String.join(", ", globs) + ")", globs));
            }
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All graph files", patterns));
        chooser.getExtensionFilters().addAll(each);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        return toPath(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<GraphExportChoice> chooseGraphExport(List<GraphFormat> formats, String suggestedName, Path folder) {
        FileChooser chooser = chooser("Export graph", folder);
        Map<FileChooser.ExtensionFilter, GraphFormat> filters = new LinkedHashMap<>();
        for (GraphFormat format : formats) {
            String glob = "*." + format.extensions().getFirst();
            filters.put(new FileChooser.ExtensionFilter(format.label() + " (" + glob + ")", glob), format);
        }
        chooser.getExtensionFilters().addAll(filters.keySet());
        chooser.setInitialFileName(suggestedName);
        Optional<Path> file = toPath(chooser.showSaveDialog(owner));
        GraphFormat chosen = filters.getOrDefault(chooser.getSelectedExtensionFilter(), formats.getFirst());
        return file.map(path -> new GraphExportChoice(path, chosen));
    }

    @Override
    public SaveChoice askSaveChanges(String projectName) {
        ButtonType save = new ButtonType("Save", ButtonData.YES);
        ButtonType dontSave = new ButtonType("Don't save", ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Unsaved changes",
                "Save the changes to \u201c" + projectName + "\u201d?",
                "Your changes will be lost if you don't save them.");
        alert.getButtonTypes().setAll(save, dontSave, cancel);
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? SaveChoice.SAVE : answer == dontSave ? SaveChoice.DONT_SAVE : SaveChoice.CANCEL;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, title, message).showAndWait();
    }

    @Override
    public void showInformation(String title, String header, String message) {
        alert(Alert.AlertType.INFORMATION, title, header, message).showAndWait();
    }

    private Alert alert(Alert.AlertType type, String title, String header, String message) {
        Alert alert = new Alert(type, message);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        DialogPane pane = alert.getDialogPane();
        pane.getStylesheets().add(stylesheet);
        // Long messages (file errors name paths) wrap instead of being cut off.
        pane.setMinHeight(Region.USE_PREF_SIZE);
        pane.setPrefWidth(520);
        return alert;
    }

    private static FileChooser chooser(String title, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }

    private static Optional<Path> toPath(File file) {
        return Optional.ofNullable(file).map(File::toPath);
    }
}
