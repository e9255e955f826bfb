package org.recausal.desktop.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.recausal.desktop.dialog.NativeDialogs;

/** The real data dialogs: native file choosers, the import window and alerts, owned by the main window. */
public final class FxDataDialogs implements DataDialogs {

    private static final FileChooser.ExtensionFilter DATA = new FileChooser.ExtensionFilter(
            "Delimited text (*.csv, *.tsv, *.txt, *.gz)", "*.csv", "*.tsv", "*.txt", "*.dat", "*.gz");

    private final NativeDialogs dialogs;

    /** @param stylesheets the application's stylesheets, so the dialogs look like the main window */
    public FxDataDialogs(Window owner, List<String> stylesheets) {
        this.dialogs = new NativeDialogs(owner, stylesheets);
    }

    @Override
    public Optional<Path> chooseDataFile(Path folder) {
        FileChooser chooser = dialogs.chooser("Add dataset", folder);
        chooser.getExtensionFilters().addAll(DATA, new FileChooser.ExtensionFilter("All files", "*"));
        return dialogs.open(chooser);
    }

    @Override
    public Optional<ImportDialogModel.Imported> showImport(ImportDialogModel model) {
        Path file = model.fileProperty().get();
        ImportDialog dialog = new ImportDialog(dialogs.owner(), dialogs.stylesheets(), model,
                () -> chooseDataFile(file == null ? null : file.getParent()));
        return dialog.showAndWait(model);
    }

    @Override
    public RelinkChoice askRelink(String dataset, String whatHappened, boolean changed) {
        ButtonType locate = new ButtonType("Locate the file\u2026", ButtonData.YES);
        ButtonType accept = new ButtonType("Use the changed file", ButtonData.OTHER);
        ButtonType leave = new ButtonType("Open without these data", ButtonData.CANCEL_CLOSE);
        Alert alert = dialogs.alert(Alert.AlertType.WARNING, "Data file " + (changed ? "changed" : "missing"),
                "The data of \u201c" + dataset + "\u201d " + (changed ? "changed" : "are not where they were"),
                whatHappened + "\n\nRecausal never reads other data in its place without asking. Locate the file where"
                        + " it is now, " + (changed ? "use the changed file as the dataset from now on, " : "")
                        + "or open the project without these data (the dataset stays, unloaded).");
        alert.getButtonTypes().setAll(changed ? List.of(locate, accept, leave) : List.of(locate, leave));
        ButtonType answer = alert.showAndWait().orElse(leave);
        return answer == locate ? RelinkChoice.LOCATE : answer == accept ? RelinkChoice.ACCEPT_CHANGED
                : RelinkChoice.LEAVE_UNLOADED;
    }

    @Override
    public Optional<Path> chooseRelinkFile(String dataset, String expectedName, Path folder) {
        FileChooser chooser = dialogs.chooser("Where is " + expectedName + " now?", folder);
        chooser.setInitialFileName(expectedName);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("All files", "*"), DATA);
        return dialogs.open(chooser);
    }

    @Override
    public void showError(String title, String message) {
        dialogs.showError(title, message);
    }
}
