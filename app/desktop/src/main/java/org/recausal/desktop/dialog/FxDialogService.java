package org.recausal.desktop.dialog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.recausal.engine.io.GraphFormat;
import org.recausal.engine.project.ProjectFiles;

/** The real dialogs: native file choosers and alerts owned by the main window. */
public final class FxDialogService implements DialogService {
    private static final FileChooser.ExtensionFilter PROJECTS =
            new FileChooser.ExtensionFilter("Recausal projects (*" + ProjectFiles.EXTENSION + ")",
                    "*" + ProjectFiles.EXTENSION);

    private final NativeDialogs dialogs;

    /** @param stylesheet the application stylesheet, so dialogs look like the main window */
    public FxDialogService(Window owner, String stylesheet) {
        this.dialogs = new NativeDialogs(owner, List.of(stylesheet));
    }

    @Override
    public Optional<Path> chooseProjectToOpen(Path folder) {
        FileChooser chooser = dialogs.chooser("Open project", folder);
        chooser.getExtensionFilters().addAll(PROJECTS, new FileChooser.ExtensionFilter("All files", "*"));
        return dialogs.open(chooser);
    }

    @Override
    public Optional<Path> chooseProjectSaveFile(String suggestedName, Path folder) {
        FileChooser chooser = dialogs.chooser("Save project", folder);
        chooser.getExtensionFilters().add(PROJECTS);
        chooser.setInitialFileName(suggestedName);
        return dialogs.save(chooser);
    }

    @Override
    public Optional<Path> chooseExportFile(ExportFormat format, String suggestedName, Path folder) {
        return dialogs.save(dialogs.exportChooser(format, suggestedName, folder));
    }

    @Override
    public Optional<Path> chooseModelToOpen(Path folder) {
        FileChooser chooser = dialogs.chooser("Open recommender model", folder);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Recommender models (*.model)", "*.model"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return dialogs.open(chooser);
    }

    @Override
    public Optional<Path> chooseGraphToImport(Path folder) {
        FileChooser chooser = dialogs.chooser("Import graph", folder);
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
        return dialogs.open(chooser);
    }

    @Override
    public Optional<GraphExportChoice> chooseGraphExport(List<GraphFormat> formats, String suggestedName, Path folder) {
        FileChooser chooser = dialogs.chooser("Export graph", folder);
        Map<FileChooser.ExtensionFilter, GraphFormat> filters = new LinkedHashMap<>();
        for (GraphFormat format : formats) {
            String glob = "*." + format.extensions().getFirst();
            filters.put(new FileChooser.ExtensionFilter(format.label() + " (" + glob + ")", glob), format);
        }
        chooser.getExtensionFilters().addAll(filters.keySet());
        chooser.setInitialFileName(suggestedName);
        Optional<Path> file = dialogs.save(chooser);
        GraphFormat chosen = filters.getOrDefault(chooser.getSelectedExtensionFilter(), formats.getFirst());
        return file.map(path -> new GraphExportChoice(path, chosen));
    }

    @Override
    public SaveChoice askSaveChanges(String projectName) {
        ButtonType save = new ButtonType("Save", ButtonData.YES);
        ButtonType dontSave = new ButtonType("Don't save", ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonData.CANCEL_CLOSE);
        Alert alert = dialogs.alert(Alert.AlertType.CONFIRMATION, "Unsaved changes",
                "Save the changes to \u201c" + projectName + "\u201d?",
                "Your changes will be lost if you don't save them.");
        alert.getButtonTypes().setAll(save, dontSave, cancel);
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? SaveChoice.SAVE : answer == dontSave ? SaveChoice.DONT_SAVE : SaveChoice.CANCEL;
    }

    @Override
    public void showError(String title, String message) {
        dialogs.showError(title, message);
    }

    @Override
    public void showInformation(String title, String header, String message) {
        dialogs.alert(Alert.AlertType.INFORMATION, title, header, message).showAndWait();
    }
}
